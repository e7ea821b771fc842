package dev.ssokit.world.serve;

import dev.ssokit.report.Versions;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.TlsMaterial;
import dev.ssokit.world.WorldDescription;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the world.json of a session: URLs, trust, resolver lines, agents, control. */
public final class WorldDescriber {
    private static final Map<String, String> LAB = Map.of("${idp.ids}", "idp.ids.test",
            "${finesse.corp}", "finesse.corp.test", "${ids.corp}", "ids.corp.test",
            "${ccx-finesse}", "ccx.test/finesse", "${ccx-ids}", "ccx.test/ids", "${finesse-raw}", "finesse/raw-cookies");

    private final Path hostsFile;
    private final Path usersFile;
    private final String topology;
    private final WorldDescription.Control control;

    public WorldDescriber(Path hostsFile, Path usersFile, String topology, WorldDescription.Control control) {
        this.hostsFile = hostsFile.toAbsolutePath().normalize();
        this.usersFile = usersFile.toAbsolutePath().normalize();
        this.topology = topology;
        this.control = control;
    }

    public WorldDescription describe(ServeSession session) {
        StubWorld world = session.world();
        String finesse = world.baseUri(StubSystem.FINESSE).toString();
        String finesseHttp = "http://" + world.baseUri(StubSystem.FINESSE).getHost() + ":" + world.finesseHttpPort();
        Map<String, String> lab = new LinkedHashMap<>();
        List.of("${idp.ids}", "${finesse.corp}", "${ids.corp}", "${ccx-finesse}", "${ccx-ids}", "${finesse-raw}")
                .stream().filter(key -> world.links().containsKey(key))
                .forEach(key -> lab.put(LAB.get(key), world.links().get(key)));
        WorldDescription.Urls urls = new WorldDescription.Urls(finesse, finesseHttp,
                world.baseUri(StubSystem.IDS).toString(), world.baseUri(StubSystem.IDP).toString(), lab);

        TlsMaterial tls = world.tls();
        String pem = tls.caPem().toAbsolutePath().toString();
        WorldDescription.Trust trust = new WorldDescription.Trust(pem, tls.trustStore().toAbsolutePath().toString(),
                tls.storePassword(), TlsMaterial.CA_ALIAS, tls.persistent());

        Set<String> names = new LinkedHashSet<>();
        Set<String> curl = new LinkedHashSet<>();
        List<String> every = new ArrayList<>(List.of(finesse, finesseHttp, urls.ids(), urls.idp()));
        every.addAll(lab.values());
        for (String url : every) {
            URI uri = URI.create(url);
            names.add(uri.getHost());
            curl.add(uri.getHost() + ":" + uri.getPort() + ":127.0.0.1");
        }
        List<String> curlArgs = new ArrayList<>();
        curl.forEach(entry -> {
            curlArgs.add("--resolve");
            curlArgs.add(entry);
        });
        String chromium = "--host-resolver-rules=" + String.join(", ",
                names.stream().map(name -> "MAP " + name + " 127.0.0.1").toList());
        List<String> java = List.of("-Djdk.net.hosts.file=" + hostsFile,
                "-Djavax.net.ssl.trustStore=" + trust.pkcs12(),
                "-Djavax.net.ssl.trustStorePassword=" + trust.pkcs12Password(),
                "-Djavax.net.ssl.trustStoreType=PKCS12");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SSL_CERT_FILE", pem);
        environment.put("REQUESTS_CA_BUNDLE", pem);
        environment.put("CURL_CA_BUNDLE", pem);
        environment.put("NODE_EXTRA_CA_CERTS", pem);
        String dotnet = ".NET has no hosts-file switch: add hostsLine to the OS hosts file (or map the names in "
                + "SocketsHttpHandler.ConnectCallback); trust caPem via SSL_CERT_FILE on Linux, or an "
                + "X509ChainPolicy with TrustMode=CustomRootTrust and caPem in CustomTrustStore";
        WorldDescription.Resolver resolver = new WorldDescription.Resolver(List.copyOf(names), hostsFile.toString(),
                "127.0.0.1 " + String.join(" ", names), chromium, curlArgs, java, environment, dotnet);

        List<WorldDescription.AgentEntry> agents = world.directory().agents().stream()
                .map(a -> new WorldDescription.AgentEntry(a.loginName(), a.loginId(), a.authMode().name())).toList();
        WorldDescription.Tokens tokens = new WorldDescription.Tokens(
                world.settings().accessTokenLifetime().toSeconds(), world.settings().refreshTokenLifetime().toSeconds());
        return new WorldDescription(WorldDescription.FORMAT, Versions.kit(), session.id(), topology,
                world.clock().isWall() ? "wall" : "virtual", urls, trust, resolver, tokens, agents,
                usersFile.toString(), control);
    }
}
