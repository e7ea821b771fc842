package dev.ssokit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.TlsMaterial;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded stub world is "the lab": what the recorder journals must be what the world's own journal saw. */
class RecordingProxyTest {
    /** Hop-by-hop or framing headers a proxy may rewrite (RFC 9110 7.6.1, RFC 9112 6). */
    private static final Set<String> FRAMING = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "proxy-connection", "te", "upgrade", "host", "via");
    private static StubWorld world;

    @BeforeAll
    static void startTheLab() {
        world = StubWorld.start(Path.of(System.getProperty("kit.root", ".")).resolve("stubs"));
    }

    @AfterAll
    static void stopTheLab() {
        world.close();
    }

    static Map<String, StubSystem> hosts() {
        Map<String, StubSystem> hosts = new java.util.LinkedHashMap<>();
        for (StubSystem system : StubSystem.values()) {
            hosts.put(world.baseUri(system).getHost(), system);
        }
        return hosts;
    }

    private static HttpClient client(RecordingProxy proxy) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(proxy.address())).sslContext(proxy.clientContext())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsSystemInfoAndTheStartOfTheTokenChainAsTheLabSawThem() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start(world.tls().trustKeyStore(), hosts())) {
            HttpClient client = client(proxy);
            world.journal().clear();
            URI finesse = world.baseUri(StubSystem.FINESSE);
            assertThat(get(client, finesse.resolve("/finesse/api/SystemInfo")).statusCode()).isEqualTo(200);
            HttpResponse<String> token = get(client, finesse.resolve("/desktop/sso/token?cc_username=sjefferson"));
            assertThat(token.statusCode()).isEqualTo(302);
            URI authorize = URI.create(token.headers().firstValue("location").orElseThrow());
            HttpResponse<String> ids = get(client, authorize);
            assertThat(ids.statusCode()).isBetween(200, 399);

            List<Exchange> lab = world.journal().all();
            List<Exchange> recorded = proxy.exchanges();
            assertThat(proxy.failures()).isEmpty();
            assertThat(recorded).hasSameSizeAs(lab).hasSize(3);
            for (int i = 0; i < lab.size(); i++) {
                Exchange seen = lab.get(i);
                Exchange got = recorded.get(i);
                assertThat(got.system()).isEqualTo(seen.system());
                assertThat(got.method()).isEqualTo(seen.method());
                assertThat(got.host()).isEqualTo(seen.host());
                assertThat(got.port()).isEqualTo(seen.port());
                assertThat(got.path()).isEqualTo(seen.path());
                assertThat(got.rawQuery()).isEqualTo(seen.rawQuery());
                assertThat(got.status()).isEqualTo(seen.status());
                assertThat(withoutFraming(got.responseHeaders())).isEqualTo(withoutFraming(seen.responseHeaders()));
                assertThat(withoutFraming(got.requestHeaders())).containsAllEntriesOf(
                        withoutFraming(seen.requestHeaders()));
                assertThat(got.responseBody()).isEqualTo(seen.responseBody());
            }
            assertThat(recorded.get(2).system()).isEqualTo(StubSystem.IDS);
        }
    }

    @Test
    void keepsRepeatedResponseHeadersApart() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start(world.tls().trustKeyStore(), hosts())) {
            world.journal().clear();
            URI finesse = world.baseUri(StubSystem.FINESSE);
            get(client(proxy), finesse.resolve("/desktop/sso/token?cc_username=sjefferson"));
            List<String> seen = world.journal().all().get(0).responseHeader("set-cookie");
            assertThat(proxy.exchanges().get(0).responseHeader("set-cookie")).isEqualTo(seen);
        }
    }

    @Test
    void refusesAnUpstreamWhoseCertificateTheLabTrustDoesNotHold() throws Exception {
        Path other = Files.createTempDirectory("other-ca-");
        TlsMaterial stranger = TlsMaterial.generate(List.of("unrelated.test"), other);
        try (RecordingProxy proxy = RecordingProxy.start(stranger.trustKeyStore(), hosts())) {
            world.journal().clear();
            HttpResponse<String> answer = get(client(proxy),
                    world.baseUri(StubSystem.FINESSE).resolve("/finesse/api/SystemInfo"));
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body()).doesNotContain("<SystemInfo");
            assertThat(proxy.exchanges()).isEmpty();
            assertThat(proxy.failures()).singleElement().asString().contains("finesse.test").contains("SSL");
            assertThat(world.journal().all()).isEmpty();
        }
    }

    private static Map<String, List<String>> withoutFraming(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(headers);
        copy.keySet().removeAll(FRAMING);
        return copy;
    }
}
