package dev.ssokit.world.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.TlsMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The hostile-server catalogue's tools. On the stub world's own servers it adds answers for one scenario (removed
 * by {@link #reset()}): malformed or oversized bodies, stalls, dribbles, resets, bad redirects; they take
 * precedence over the normal mappings, so the rest of the flow stays real and every request is journaled. Where
 * WireMock cannot (a 100 MB body streamed, a body cut half-way, TLS faults) it starts a {@link RawServer}. Every
 * server binds loopback on an ephemeral port, stops at reset, and stops by itself after a minute anyway.
 */
public final class HostileLab implements AutoCloseable {
    /** A fault WireMock makes at the socket. */
    public enum SocketFault { RESET, EMPTY, GARBAGE }

    /** A raw server's body. */
    public enum RawBody { ENDLESS_PAGE, HUGE_ANNOUNCED_PAGE, STALL_MID_BODY }

    /** A TLS fault of a raw server. */
    public enum TlsFault { WRONG_HOST_NAME, UNKNOWN_CA, EXPIRED }

    private static final int PRIORITY = 1;

    private final Map<StubSystem, WireMockServer> servers;
    private final TlsMaterial tls;
    private final Path work;
    private final List<StubMapping> added = new ArrayList<>();
    private final List<RawServer> raw = new ArrayList<>();

    public HostileLab(Map<StubSystem, WireMockServer> servers, TlsMaterial tls, Path work) {
        this.servers = servers;
        this.tls = tls;
        this.work = work;
    }

    /** Any method on that exact path answers this status, content type and body. */
    public void answer(StubSystem system, String path, int status, String contentType, String body) {
        add(system, path, aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body));
    }

    /** A body of that many bytes (repeating the given text), to test the body limits on a JSON or XML answer. */
    public void oversized(StubSystem system, String path, String contentType, String unit, int bytes) {
        StringBuilder body = new StringBuilder(bytes + unit.length());
        while (body.length() < bytes) {
            body.append(unit);
        }
        answer(system, path, 200, contentType, body.toString());
    }

    /** Nothing for {@code delay} (no status line, no headers), then a small page. */
    public void stall(StubSystem system, String path, Duration delay) {
        add(system, path, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>late</body></html>").withFixedDelay((int) delay.toMillis()));
    }

    /** The status and headers at once, then the body in {@code chunks} pieces spread over {@code total}. */
    public void dribble(StubSystem system, String path, String contentType, String body, int chunks, Duration total) {
        add(system, path, aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)
                .withChunkedDribbleDelay(chunks, (int) total.toMillis()));
    }

    public void fault(StubSystem system, String path, SocketFault fault) {
        add(system, path, aResponse().withFault(switch (fault) {
            case RESET -> Fault.CONNECTION_RESET_BY_PEER;
            case EMPTY -> Fault.EMPTY_RESPONSE;
            case GARBAGE -> Fault.RANDOM_DATA_THEN_CLOSE;
        }));
    }

    public void redirect(StubSystem system, String path, int status, String location) {
        add(system, path, aResponse().withStatus(status).withHeader("Location", location));
    }

    private synchronized void add(StubSystem system, String path, ResponseDefinitionBuilder response) {
        StubMapping mapping = servers.get(system).stubFor(any(urlPathEqualTo(path)).atPriority(PRIORITY)
                .willReturn(response));
        added.add(mapping);
    }

    /** A raw HTTPS server (the stub world's certificate, so trusted) that answers any request with that body. */
    public URI rawPage(RawBody body, String hostName) {
        return start(switch (body) {
            case ENDLESS_PAGE -> RawServer.Behaviour.ENDLESS_PAGE;
            case HUGE_ANNOUNCED_PAGE -> RawServer.Behaviour.HUGE_ANNOUNCED_PAGE;
            case STALL_MID_BODY -> RawServer.Behaviour.STALL_MID_BODY;
        }, serverContext(tls.serverKeyStore()), hostName);
    }

    /** A raw HTTPS server with a faulty certificate (signed by the stub CA unless the fault is the CA). */
    public URI badTls(TlsFault fault, String hostName) {
        Instant now = Instant.now();
        Path store = switch (fault) {
            case WRONG_HOST_NAME -> tls.issueServerKeyStore("hostile-wrong-name.p12", List.of("elsewhere.test",
                    "other.elsewhere.test"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
            case EXPIRED -> tls.issueServerKeyStore("hostile-expired.p12", List.of(hostName),
                    now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2)));
            case UNKNOWN_CA -> TlsMaterial.generate(List.of(hostName), work.resolve("hostile-other-ca"))
                    .serverKeyStore();
        };
        return start(RawServer.Behaviour.SMALL_PAGE, serverContext(store), hostName);
    }

    /** A port on loopback where nothing listens (taken and released at once). */
    public URI closedPort(String hostName) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("https://" + hostName + ":" + probe.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free loopback port: " + e.getMessage(), e);
        }
    }

    private synchronized URI start(RawServer.Behaviour behaviour, SSLContext context, String hostName) {
        RawServer server = RawServer.start(behaviour, context);
        raw.add(server);
        return URI.create("https://" + hostName + ":" + server.port());
    }

    private SSLContext serverContext(Path keyStore) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, tls.storePassword().toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, tls.storePassword().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the hostile server's key store " + keyStore + ": "
                    + e.getMessage(), e);
        }
    }

    /** Removes this scenario's answers and stops its raw servers. */
    public synchronized void reset() {
        for (StubMapping mapping : added) {
            for (WireMockServer server : servers.values()) {
                server.removeStubMapping(mapping);
            }
        }
        added.clear();
        raw.forEach(RawServer::close);
        raw.clear();
    }

    @Override
    public void close() {
        reset();
    }
}
