package dev.ssokit.world;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * world.json: everything a foreign client (and the kit's own adapter and verify commands) needs to talk to a
 * running {@code ./kit serve}: base URLs, trust files, resolver lines, agents, the control API. Format in
 * docs/world-json.md; {@link #FORMAT} names its version, readers ignore fields they do not know.
 *
 * @param format     always {@value #FORMAT}
 * @param kitVersion the kit that wrote it
 * @param session    id of the session these URLs belong to ("default" for the configured ports)
 * @param topology   "distinct" (finesse.test, ids.test, idp.test) or "co-resident" (Finesse and IdS on ccx.test)
 * @param clock      "wall" (tokens valid in real time) or "virtual" (embedded test runs)
 * @param urls       base URLs, no trailing slash
 * @param trust      the stub CA to trust (and nothing else)
 * @param resolver   how a client maps the stub host names to 127.0.0.1
 * @param tokens     lifetimes the IdS stub issues, in seconds
 * @param agents     the directory's agents; their passwords are test data in {@code passwordsFile}
 * @param control    the control API (loopback, bearer token)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorldDescription(String format, String kitVersion, String session, String topology, String clock,
                               Urls urls, Trust trust, Resolver resolver, Tokens tokens, List<AgentEntry> agents,
                               String passwordsFile, Control control) {
    public static final String FORMAT = "finesse-sso-kit/world@1";

    /**
     * @param finesse     Finesse over HTTPS, e.g. https://finesse.test:8445 (the URL a client is configured with)
     * @param finesseHttp Finesse's plain-HTTP port (the Secure-cookie and downgrade lab pages use it)
     * @param ids         Cisco Identity Service, e.g. https://ids.test:8553
     * @param idp         the AD FS-like IdP, e.g. https://idp.test:8443
     * @param lab         the extra host names of the browser-behaviour lab pages, name to base URL
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Urls(String finesse, String finesseHttp, String ids, String idp, Map<String, String> lab) {
    }

    /**
     * @param caPem          the stub CA certificate, PEM (curl --cacert, SSL_CERT_FILE, REQUESTS_CA_BUNDLE ...)
     * @param pkcs12         the same CA as a PKCS12 trust store
     * @param pkcs12Password its password (not a secret: it guards a public certificate)
     * @param pkcs12Alias    the alias of the CA entry in it
     * @param persistent     true when the CA lives in --state and survives restarts
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trust(String caPem, String pkcs12, String pkcs12Password, String pkcs12Alias, boolean persistent) {
    }

    /**
     * @param hostNames     every stub host name, all on 127.0.0.1
     * @param hostsFile     absolute path of a hosts file with them (Java: -Djdk.net.hosts.file=)
     * @param hostsLine     the line to add to /etc/hosts (or C:\Windows\System32\drivers\etc\hosts)
     * @param chromium      Chromium's --host-resolver-rules argument
     * @param curl          curl's --resolve arguments, one per host:port
     * @param java          JVM system properties: hosts file and trust store
     * @param environment   variables most HTTP stacks read for the CA file (SSL_CERT_FILE, REQUESTS_CA_BUNDLE ...)
     * @param dotnet        how a .NET client resolves the names (it has no hosts-file property)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolver(List<String> hostNames, String hostsFile, String hostsLine, String chromium,
                           List<String> curl, List<String> java, Map<String, String> environment, String dotnet) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tokens(long accessTokenSeconds, long refreshTokenSeconds) {
    }

    /** An agent of stubs/users.json, without its password. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentEntry(String loginName, String loginId, String authMode) {
    }

    /**
     * @param url       e.g. http://127.0.0.1:8600 (loopback only)
     * @param token     the bearer token (Authorization: Bearer ...); null when only the file is given
     * @param tokenFile where the token is kept (0600), when serve has a --state folder
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Control(String url, String token, String tokenFile) {
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write world.json", e);
        }
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static WorldDescription parse(String json) {
        try {
            WorldDescription world = mapper().readValue(json, WorldDescription.class);
            if (world.format() == null || !world.format().startsWith("finesse-sso-kit/world@")) {
                throw new IllegalArgumentException("Not a world.json of the kit (no \"format\": \"" + FORMAT
                        + "\"): write it with ./kit serve");
            }
            return world;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read world.json: " + e.getMessage()
                    + " (write it with ./kit serve --world FILE)", e);
        }
    }

    public static WorldDescription read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage()
                    + " (start ./kit serve; it writes world.json)", e);
        }
    }
}
