package dev.ssokit.world;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.ssokit.world.saml.IdpTrust;
import dev.ssokit.world.stubs.FinesseStubs;
import dev.ssokit.world.stubs.IdpStubs;
import dev.ssokit.world.stubs.IdsStubs;
import dev.ssokit.world.stubs.StubBehaviour;
import dev.ssokit.world.stubs.StubContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Finesse, IdS and the IdP as three real WireMock servers over HTTPS on loopback, each under its own host name,
 * with certificates from a CA made at start. Static answers come from stubs/&lt;system&gt;/mappings; dynamic ones from
 * the named behaviours in {@code world.stubs}. One world serves many scenarios: {@link #reset()} gives each a fresh
 * journal, clock, settings and server-side state.
 */
public final class StubWorld implements AutoCloseable {
    private final Map<StubSystem, WireMockServer> servers;
    private final Map<StubSystem, URI> baseUris;
    private final TlsMaterial tls;
    private final Path workDirectory;
    private final Journal journal;
    private final VirtualClock clock;
    private final WorldSettings settings;
    private final SsoState state;
    private final UserDirectory directory;
    private final Map<String, String> links;
    private final dev.ssokit.world.hostile.HostileLab hostile;
    private StubContext context;
    /** Lab pages whose header bytes Jetty would sanitise (C13): ${finesse-raw}. */
    private RawLabServer raw;
    private final IdpTrust idpTrust;

    private StubWorld(Map<StubSystem, WireMockServer> servers, Map<StubSystem, URI> baseUris, TlsMaterial tls,
                      Path workDirectory, Journal journal, VirtualClock clock, WorldSettings settings, SsoState state,
                      UserDirectory directory, Map<String, String> links, IdpTrust idpTrust) {
        this.idpTrust = idpTrust;
        this.links = links;
        this.servers = servers;
        this.baseUris = baseUris;
        this.tls = tls;
        this.workDirectory = workDirectory;
        this.journal = journal;
        this.clock = clock;
        this.settings = settings;
        this.state = state;
        this.directory = directory;
        this.hostile = new dev.ssokit.world.hostile.HostileLab(servers, tls, workDirectory);
    }

    /** The second IdS node's host name (protocol 8.11, variant acs-on-second-ids-node): IdS under another name. */
    public static final String SECOND_IDS_NODE = "ids2.test";

    /** Extra names the browser-behaviour pages use (see stubs/hosts): sub-, sibling and co-resident hosts. */
    public static final List<String> LAB_HOST_NAMES = List.of("idp.ids.test", "finesse.corp.test", "ids.corp.test",
            "ccx.test", SECOND_IDS_NODE);

    /** Host names of the default topology: one per system, as in a real deployment with separate servers. */
    public static Map<StubSystem, String> defaultHostNames() {
        Map<StubSystem, String> names = new EnumMap<>(StubSystem.class);
        names.put(StubSystem.FINESSE, "finesse.test");
        names.put(StubSystem.IDS, "ids.test");
        names.put(StubSystem.IDP, "idp.test");
        return names;
    }

    /** Finesse and IdS on one host (ccx.test), different ports: cookies are then shared between them (C19). */
    public static Map<StubSystem, String> coResidentHostNames() {
        Map<StubSystem, String> names = new EnumMap<>(StubSystem.class);
        names.put(StubSystem.FINESSE, "ccx.test");
        names.put(StubSystem.IDS, "ccx.test");
        names.put(StubSystem.IDP, "idp.test");
        return names;
    }

    public static StubWorld start(Path stubsDirectory) {
        return start(stubsDirectory, defaultHostNames());
    }

    public static StubWorld start(Path stubsDirectory, Map<StubSystem, String> hostNames) {
        return start(stubsDirectory, WorldSpec.embedded(hostNames));
    }

    /** Every stub host name of a world with these system names: theirs, the lab's, localhost. */
    public static List<String> allHostNames(Map<StubSystem, String> hostNames) {
        List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(hostNames.values()));
        LAB_HOST_NAMES.stream().filter(name -> !names.contains(name)).forEach(names::add);
        names.add("localhost");
        return names;
    }

    public static StubWorld start(Path stubsDirectory, WorldSpec spec) {
        Map<StubSystem, String> hostNames = new EnumMap<>(spec.hostNames());
        requireLoopbackNames(hostNames);
        for (StubSystem system : StubSystem.values()) {
            Path mappings = stubsDirectory.resolve(system.folder()).resolve("mappings");
            if (!Files.isDirectory(mappings)) {
                throw new IllegalArgumentException("No WireMock mappings at " + mappings.toAbsolutePath()
                        + ": run from the kit's root folder or pass the stubs folder (--stubs)");
            }
        }
        Path work;
        try {
            work = Files.createTempDirectory("finesse-sso-kit-world-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the stub world's keys", e);
        }
        TlsMaterial tls;
        UserDirectory directory;
        try {
            // keys never outlive the JVM: deleted on close, and (files first, then the folder) at exit, SIGTERM too;
            // a CA kept in a --state folder (spec.tls()) is the user's and stays
            work.toFile().deleteOnExit();
            tls = spec.tls() != null ? spec.tls() : TlsMaterial.generate(allHostNames(hostNames), work);
            if (!tls.persistent()) {
                tls.serverKeyStore().toFile().deleteOnExit();
                tls.trustStore().toFile().deleteOnExit();
                tls.caPem().toFile().deleteOnExit();
            }
            directory = UserDirectory.load(stubsDirectory.resolve("users.json"));
        } catch (RuntimeException e) {
            deleteTree(work);
            throw e;
        }
        VirtualClock clock = spec.wallClock() ? VirtualClock.wall() : new VirtualClock();
        Journal journal = new Journal();
        WorldSettings settings = new WorldSettings();
        SsoState state = new SsoState();
        StubContext context = new StubContext(settings, state, directory,
                new TokenService(hostNames.get(StubSystem.IDS), clock), clock);
        IdpTrust idpTrust = new IdpTrust(tls.issueRsa("stub IdP SAML signing", List.of()), clock);
        context.idpTrust = idpTrust;

        Map<StubSystem, WireMockServer> servers = new EnumMap<>(StubSystem.class);
        Map<StubSystem, URI> baseUris = new EnumMap<>(StubSystem.class);
        Map<String, String> links = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            for (StubSystem system : StubSystem.values()) {
                List<Extension> extensions = new ArrayList<>(behaviours(system, context));
                extensions.add(new LabLinks(links));
                extensions.add(new dev.ssokit.world.stubs.ReplayFill(context)); // kit record's mappings (replay:)
                extensions.add(new JournalRecorder(system, journal, clock));
                extensions.add(new NoAdminApi());
                WireMockConfiguration config = options()
                        .httpDisabled(system != StubSystem.FINESSE)
                        .port(system == StubSystem.FINESSE ? spec.finesseHttpPort() : 0)
                        .httpsPort(spec.httpsPort(system))
                        .bindAddress("127.0.0.1")
                        .http2TlsDisabled(true)
                        .gzipDisabled(true)
                        .keystorePath(tls.serverKeyStore().toString())
                        .keystoreType("PKCS12")
                        .keystorePassword(tls.storePassword())
                        .keyManagerPassword(tls.storePassword())
                        .usingFilesUnderDirectory(stubsDirectory.resolve(system.folder()).toString())
                        .disableRequestJournal()
                        .jettyAcceptors(1)
                        .containerThreads(spec.containerThreads())
                        .notifier(new Slf4jNotifier(false))
                        .extensions(extensions.toArray(Extension[]::new));
                WireMockServer server = new WireMockServer(config);
                server.start();
                servers.put(system, server);
                baseUris.put(system, URI.create("https://" + hostNames.get(system) + ":" + server.httpsPort()));
            }
        } catch (RuntimeException e) {
            servers.values().forEach(WireMockServer::stop);
            deleteTree(work);
            throw new IllegalStateException("The stub world did not start: " + e.getMessage()
                    + (isBindFailure(e) ? " (a port is in use: choose another, or 0 for any free port)" : ""), e);
        }
        context.baseUris(baseUris.get(StubSystem.FINESSE), baseUris.get(StubSystem.IDS), baseUris.get(StubSystem.IDP));
        int finessePort = servers.get(StubSystem.FINESSE).httpsPort();
        int idsPort = servers.get(StubSystem.IDS).httpsPort();
        int idpPort = servers.get(StubSystem.IDP).httpsPort();
        links.put("${finesse}", baseUris.get(StubSystem.FINESSE).toString());
        links.put("${ids}", baseUris.get(StubSystem.IDS).toString());
        links.put("${idp}", baseUris.get(StubSystem.IDP).toString());
        links.put("${finesse-http}", "http://" + hostNames.get(StubSystem.FINESSE) + ":" + servers.get(StubSystem.FINESSE).port());
        links.put("${ids-authority}", "//" + hostNames.get(StubSystem.IDS) + ":" + idsPort);
        links.put("${idp.ids}", "https://idp.ids.test:" + idpPort);
        links.put("${finesse.corp}", "https://finesse.corp.test:" + finessePort);
        links.put("${ids.corp}", "https://ids.corp.test:" + idsPort);
        links.put("${ccx-finesse}", "https://ccx.test:" + finessePort);
        links.put("${ccx-ids}", "https://ccx.test:" + idsPort);
        RawLabServer raw;
        try {
            raw = RawLabServer.start(tls, journal, clock);
        } catch (RuntimeException e) {
            servers.values().forEach(WireMockServer::stop);
            deleteTree(work);
            throw new IllegalStateException("The stub world did not start: " + e.getMessage(), e);
        }
        links.put("${finesse-raw}", "https://" + hostNames.get(StubSystem.FINESSE) + ":" + raw.port());
        StubWorld world = new StubWorld(servers, baseUris, tls, work, journal, clock, settings, state, directory,
                Map.copyOf(links), idpTrust);
        world.raw = raw;
        world.context = context;
        return world;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** Base URLs of the lab host names by placeholder ("${idp.ids}" -> https://idp.ids.test:PORT). */
    public Map<String, String> links() {
        return links;
    }

    /** Finesse's plain-HTTP port. */
    public int finesseHttpPort() {
        return servers.get(StubSystem.FINESSE).port();
    }

    private static List<StubBehaviour> behaviours(StubSystem system, StubContext context) {
        return switch (system) {
            case FINESSE -> FinesseStubs.all(context);
            case IDS -> IdsStubs.all(context);
            case IDP -> IdpStubs.all(context);
        };
    }

    /** Fails fast, with the fix, when the JVM cannot resolve the stub names to loopback. */
    static void requireLoopbackNames(Map<StubSystem, String> hostNames) {
        for (String name : hostNames.values()) {
            try {
                if (!InetAddress.getByName(name).isLoopbackAddress()) {
                    throw new IllegalStateException(name + " does not resolve to loopback");
                }
            } catch (UnknownHostException | IllegalStateException e) {
                throw new IllegalStateException("The stub host name '" + name + "' does not resolve to 127.0.0.1 in "
                        + "this JVM. Start Java with -Djdk.net.hosts.file=stubs/hosts (./kit and mvn do this for you).", e);
            }
        }
    }

    /** A fresh scenario: empty journal, clock at its start, default settings, no sessions, codes or tokens. */
    public void reset() {
        hostile.reset();
        journal.clear();
        clock.reset();
        settings.reset();
        state.reset();
    }

    /**
     * A Finesse session whose sign-in IdS has already granted, without any client: contract probes get their
     * tokens this way, so a client's bugs cannot fail the contract. Returns the session's JSESSIONID value.
     */
    public String openFinesseSession(dev.ssokit.model.Agent agent) {
        return dev.ssokit.world.stubs.DirectGrants.open(context, agent);
    }

    public URI baseUri(StubSystem system) {
        return baseUris.get(system);
    }

    /** Every lab placeholder (${finesse-http}, ${idp.ids} ...) in the text replaced, as the lab pages get them. */
    public String resolveLinks(String text) {
        return LabLinks.resolve(text, links);
    }

    /** Base URI of a lab page host, e.g. "${idp.ids}" (the names the lab mappings use), resolved to its port. */
    public URI labUri(String placeholder, String path) {
        String base = links.get(placeholder);
        if (base == null) {
            throw new IllegalArgumentException("Unknown lab host " + placeholder + "; known: " + links.keySet());
        }
        return URI.create(base + path);
    }

    public URI finesseBaseUri() {
        return baseUris.get(StubSystem.FINESSE);
    }

    public SSLContext clientTls() {
        return tls.clientContext();
    }

    public TlsMaterial tls() {
        return tls;
    }

    public Journal journal() {
        return journal;
    }

    public VirtualClock clock() {
        return clock;
    }

    public WorldSettings settings() {
        return settings;
    }

    public UserDirectory directory() {
        return directory;
    }

    /** Which SAML IdP IdS trusts: the stub IdP by default; {@link IdpTrust#useExternal} switches to Keycloak. */
    public IdpTrust idpTrust() {
        return idpTrust;
    }

    public SsoState state() {
        return state;
    }

    /** The robustness catalogue's hostile answers and servers (cleared at each reset). */
    public dev.ssokit.world.hostile.HostileLab hostile() {
        return hostile;
    }

    /** The Finesse stub's plain-http base URI (S2: a client given an http:// Finesse URL). */
    public URI finesseHttpBaseUri() {
        return URI.create(links.get("${finesse-http}"));
    }

    @Override
    public void close() {
        hostile.close();
        servers.values().forEach(WireMockServer::stop);
        if (raw != null) {
            raw.close();
        }
        deleteTree(workDirectory);
    }

    /** The folder of the world's keys (deleted by {@link #close()}). */
    public Path workDirectory() {
        return workDirectory;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder holds only throw-away keys of a CA that no longer signs anything
        }
    }
}
