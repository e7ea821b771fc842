package dev.ssokit.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.browser.HtmlUnitClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference client's cookie engine on the wire, against a server that sends header bytes as written: octets
 * round-trip unchanged, a nameless cookie goes back as its bare value, an invalid Max-Age is ignored (not the
 * cookie), a Domain with a trailing dot is refused, a control character refuses the cookie, expiry follows the
 * shared virtual clock.
 */
class RawCookieBytesTest {
    private static final Map<String, RawLabServer.Page> PAGES = Map.of(
            "/set", new RawLabServer.Page(302, List.of("Location: /check",
                    "Set-Cookie: u=caf\u00C3\u00A9; Path=/",
                    "Set-Cookie: =bare; Path=/",
                    "Set-Cookie: m=1; Max-Age=abc; Path=/",
                    "Set-Cookie: d=1; Domain=localhost.; Path=/",
                    "Set-Cookie: c=a\u0001b; Path=/",
                    "Set-Cookie: e=1; Max-Age=60; Path=/"), ""),
            "/check", new RawLabServer.Page(200, List.of("Content-Type: text/html"),
                    "<html><head><title>check</title></head><body>ok</body></html>"));

    private static Path keys;
    private static TlsMaterial tls;
    private static RawLabServer server;
    private static final Journal JOURNAL = new Journal();
    private static final VirtualClock CLOCK = new VirtualClock();

    @BeforeAll
    static void start() throws IOException {
        keys = Files.createTempDirectory("raw-cookie-test-");
        tls = TlsMaterial.generate(List.of("localhost"), keys);
        server = RawLabServer.start(tls, JOURNAL, CLOCK, PAGES);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(keys)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void fresh() {
        JOURNAL.clear();
        CLOCK.reset();
    }

    private HtmlUnitClient client() {
        return new HtmlUnitClient(new ClientSettings(URI.create("https://localhost:" + server.port()),
                tls.clientContext(), CLOCK, IdpLoginForm.adfs(), Duration.ofSeconds(5), Set.of()));
    }

    private URI at(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    @Test
    void sendsBackExactlyTheCookiesABrowserWould() {
        try (HtmlUnitClient client = client()) {
            assertThat(client.browse(at("/set")).succeeded()).isTrue();
        }
        Exchange check = JOURNAL.matching(e -> e.path().equals("/check")).get(0);
        // the header bytes decode as UTF-8 on the server: "café" means C3 A9 went out as it came in
        assertThat(check.requestHeader("cookie")).containsExactly("u=café; bare; m=1; e=1");
    }

    @Test
    void judgesExpiryOnTheSharedClock() {
        try (HtmlUnitClient client = client()) {
            client.browse(at("/set"));
            CLOCK.advance(Duration.ofSeconds(61));
            client.browse(at("/check"));
        }
        List<Exchange> checks = JOURNAL.matching(e -> e.path().equals("/check"));
        assertThat(checks.get(1).requestHeader("cookie")).containsExactly("u=café; bare; m=1");
    }
}
