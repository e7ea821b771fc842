package dev.ssokit.client.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.world.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's cookie corpus (src/test/resources/cookies/rfc6265bis-corpus.txt), written from rfc6265bis §5: each case
 * is Set-Cookie lines from request URLs on a clock, then the Cookie header (or script view, or stored expiry) the
 * engine must produce.
 */
class CookieCorpusTest {
    private static final Pattern REPEAT = Pattern.compile("\\{(.)\\*(\\d+)}");
    private static final Pattern OCTET = Pattern.compile("\\\\x([0-9A-Fa-f]{2})");

    record Case(String title, List<String> commands) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = CookieCorpusTest.class.getResourceAsStream("/cookies/rfc6265bis-corpus.txt")) {
            String title = null;
            List<String> commands = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("== ")) {
                    if (title != null) {
                        cases.add(new Case(title, commands));
                    }
                    title = line.substring(3);
                    commands = new ArrayList<>();
                } else if (title != null && !line.isBlank() && !line.startsWith("#")) {
                    commands.add(line);
                }
            }
            if (title != null) {
                cases.add(new Case(title, commands));
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void behavesAsTheRfcSays(Case c) {
        VirtualClock clock = new VirtualClock();
        CookieStore store = new CookieStore(clock);
        for (String command : c.commands()) {
            String verb = command.substring(0, command.indexOf(' '));
            String rest = command.substring(verb.length() + 1);
            String[] expectation = rest.split("=>", -1);
            expectation[0] = expectation[0].strip();
            String expected = expectation.length > 1 ? bytes(expectation[1].strip()) : null;
            switch (verb) {
                case "set", "sset" -> {
                    int space = rest.indexOf(' ');
                    store.receive(bytes(rest.substring(space + 1)), URI.create(rest.substring(0, space)),
                            verb.equals("set") ? CookieStore.Source.HTTP : CookieStore.Source.SCRIPT);
                }
                case "advance" -> clock.advance(Duration.ofSeconds(Long.parseLong(rest.strip())));
                case "get" -> assertThat(store.cookieHeader(URI.create(expectation[0]), false))
                        .as(command).isEqualTo(expected);
                case "xpost" -> assertThat(store.cookieHeader(URI.create(expectation[0]), true))
                        .as(command).isEqualTo(expected);
                case "sget" -> assertThat(CookieStore.header(store.forRequest(URI.create(expectation[0]),
                        CookieStore.Source.SCRIPT, false))).as(command).isEqualTo(expected);
                case "expiry" -> {
                    StoredCookie cookie = store.all().stream().filter(s -> s.name().equals(expectation[0]))
                            .findFirst().orElseThrow(() -> new AssertionError("no cookie " + expectation[0]));
                    assertThat(cookie.expiry()).as(command)
                            .isEqualTo(expected.equals("session") ? null : Instant.parse(expected));
                }
                case "count" -> assertThat(store.all()).as(command).hasSize(Integer.parseInt(expected));
                default -> throw new IllegalArgumentException("Unknown corpus command '" + verb + "' in " + c);
            }
        }
    }

    /** "{v*3}" -> "vvv", "\xC3" -> the char U+00C3 (one octet, as the engine keeps header bytes). */
    private static String bytes(String text) {
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out, Matcher.quoteReplacement(repeat.group(1).repeat(
                    Integer.parseInt(repeat.group(2)))));
        }
        repeat.appendTail(out);
        Matcher octet = OCTET.matcher(out.toString());
        StringBuilder decoded = new StringBuilder();
        while (octet.find()) {
            octet.appendReplacement(decoded, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(octet.group(1), 16))));
        }
        octet.appendTail(decoded);
        return decoded.toString();
    }
}
