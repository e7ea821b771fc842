package dev.ssokit.lab;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The recorder between the client and a lab: WireMock in browser-proxy mode with HTTPS interception, on 127.0.0.1
 * and an ephemeral port. The client uses it as its HTTP proxy and trusts {@link #clientContext()} (a CA made for this
 * run); the proxy verifies the lab's certificates against the lab trust store only (never trust-all). What crossed
 * it becomes {@link Exchange}s, the journal type the checks already judge.
 */
public final class RecordingProxy implements AutoCloseable {
    private static final String TRUST_PASSWORD = "ssokit-lab-trust";
    private final WireMockServer server;
    private final ProxyCa ca;
    private final ProxyJournal journal;
    private final Path work;

    private RecordingProxy(WireMockServer server, ProxyCa ca, ProxyJournal journal, Path work) {
        this.server = server;
        this.ca = ca;
        this.journal = journal;
        this.work = work;
    }

    /**
     * @param labTrust     the lab's CA certificates: the only upstream certificates the proxy accepts
     * @param hosts        the lab's host names (from the target's URLs) and the system each belongs to
     */
    public static RecordingProxy start(KeyStore labTrust, Map<String, StubSystem> hosts) {
        return start(labTrust, hosts, null);
    }

    /**
     * As above; a request to any other host is journalled as {@code otherHosts} (a lab's IdP, whose host names the
     * target file does not list), or refused unrecorded when that is null.
     */
    public static RecordingProxy start(KeyStore labTrust, Map<String, StubSystem> hosts, StubSystem otherHosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("The recorder needs the lab's host names: give the target's URLs");
        }
        Path work;
        try {
            work = Files.createTempDirectory("finesse-sso-kit-recorder-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the recorder's keys", e);
        }
        ProxyCa ca = ProxyCa.generate(List.copyOf(hosts.keySet()), work);
        Path trust = work.resolve("lab-trust.p12");
        try (OutputStream out = Files.newOutputStream(trust)) {
            labTrust.store(out, TRUST_PASSWORD.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the lab trust store for the recorder to " + trust, e);
        }
        ProxyJournal journal = new ProxyJournal(host -> Optional.ofNullable(hosts.get(host))
                .or(() -> Optional.ofNullable(otherHosts)));
        WireMockConfiguration config = options()
                .port(0)
                .httpsPort(0)
                .bindAddress("127.0.0.1")
                .http2PlainDisabled(true)
                .http2TlsDisabled(true)
                .gzipDisabled(true)
                .enableBrowserProxying(true)
                .caKeystorePath(ca.keyStore().toString())
                .caKeystorePassword(ProxyCa.PASSWORD)
                .caKeystoreType("PKCS12")
                .trustStorePath(trust.toString())
                .trustStorePassword(TRUST_PASSWORD)
                .trustStoreType("PKCS12")
                .trustAllProxyTargets(false)
                .preserveUserAgentProxyHeader(true)
                .disableRequestJournal()
                .jettyAcceptors(1)
                .containerThreads(24)
                .notifier(new QuietNotifier())
                .extensions(journal);
        WireMockServer server = new WireMockServer(config);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The recording proxy did not start: " + e.getMessage(), e);
        }
        return new RecordingProxy(server, ca, journal, work);
    }

    /** Where the client sends its requests (an HTTP proxy; HTTPS goes through CONNECT). */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    /** The client's TLS context for this run: it trusts the recorder's CA and nothing else. */
    public SSLContext clientContext() {
        return ca.clientContext();
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** What the lab answered, in order, as the stub journal keeps it (secrets raw: pass the Redactor to show). */
    public List<Exchange> exchanges() {
        return journal.exchanges();
    }

    /** Requests the proxy could not complete (untrusted certificate, network failure): host and WireMock's reason. */
    public List<String> failures() {
        return journal.failures();
    }

    public void clear() {
        journal.clear();
    }

    @Override
    public void close() {
        server.stop();
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // a temporary folder left behind holds only this run's throw-away keys
        }
    }
}
