package dev.ssokit.lab.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.report.Redactor;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what crossed the wire into text that may be written down: tokens (JWTs), codes, SAML messages, RelayState,
 * cookie values and passwords become placeholders ({@link Placeholders}), the lab's host names and ports and the
 * agent's names become role placeholders. The secret names are the Redactor's ({@link Redactor#SECRET_NAMES}); the
 * Redactor then has the last word on every text, so what it would mask never reaches a file.
 */
public final class Scrubber {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.([A-Za-z0-9_-]{8,})\\.[A-Za-z0-9_-]{8,}");
    private static final Pattern COOKIE_PAIR = Pattern.compile("(^|;\\s*)([^=;\\s]+)=([^;]*)");
    private static final Pattern LOGIN_ID = Pattern.compile("<loginId>([^<]+)</loginId>");
    private final Placeholders placeholders = new Placeholders();
    private final Redactor redactor;
    private final List<String[]> literals = new ArrayList<>();
    private final Pattern named;
    private final Map<String, String> roles = new LinkedHashMap<>();

    /**
     * @param hosts the lab's hosts and their systems
     * @param ports each host's HTTPS port as the flow used it
     */
    Scrubber(Map<String, StubSystem> hosts, Map<String, Integer> ports, String loginName, String idpLoginName,
             String extension, List<String> secrets, List<Exchange> exchanges) {
        this.redactor = Redactor.standard().withKnownSecrets(secrets);
        for (String secret : secrets) {
            literal(secret, Placeholders.fixed("password"));
        }
        Map<StubSystem, Integer> seen = new LinkedHashMap<>();
        List<String> byLength = new ArrayList<>(hosts.keySet());
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        for (String host : byLength) {
            StubSystem system = hosts.get(host);
            int n = seen.merge(system, 1, Integer::sum);
            String role = system.folder() + (n == 1 ? "" : "-" + n);
            roles.put(host, role);
            int port = ports.getOrDefault(host, 443);
            String base = "https://" + host + (port == 443 ? "" : ":" + port);
            literal(base, Placeholders.fixed("url." + role));
            literal(URLEncoder.encode(base, StandardCharsets.UTF_8), Placeholders.fixed("url-enc." + role));
            literal(host + ":" + port, Placeholders.fixed("authority." + role));
            literal(host + "%3A" + port, Placeholders.fixed("authority-enc." + role));
        }
        for (String host : byLength) {
            literal(host, Placeholders.fixed("host." + roles.get(host)));
        }
        String loginId = exchanges.stream().map(Exchange::responseBody).filter(b -> b != null)
                .map(LOGIN_ID::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
        if (idpLoginName != null && !idpLoginName.equals(loginName)) {
            agent(idpLoginName, "idpLoginName"); // before the loginName, which it may contain (agent1@lab.example)
        }
        agent(loginName, "loginName");
        agent(loginId, "loginId");
        agent(extension, "extension");
        String names = String.join("|", Redactor.SECRET_NAMES.stream().map(Pattern::quote).toList());
        this.named = Pattern.compile("(?<![A-Za-z0-9_.-])(" + names + ")(=|%3D)([^&\\s\"'<;,]+)"
                + "|\"(" + names + ")\"(\\s*:\\s*\")([^\"]*)\""
                + "|(name=\"(" + names + ")\"[^>]*?value=\")([^\"]*)\"");
    }

    private void literal(String value, String placeholder) {
        if (value != null && !value.isEmpty()) {
            literals.add(new String[] {value, placeholder});
        }
    }

    private void agent(String value, String field) {
        if (value == null || value.isBlank()) {
            return;
        }
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) {
            literal(encoded, Placeholders.fixed("agent-enc." + field));
        }
        literals.add(new String[] {"\u0000word\u0000" + value, Placeholders.fixed("agent." + field)});
    }

    /** The scrubber of this capture: its hosts, ports, agent and password. */
    public static Scrubber of(FlowCapture.Capture capture) {
        LabSide side = capture.side();
        return new Scrubber(capture.hosts(), ports(capture.exchanges(), capture.hosts(),
                java.util.List.of(side.finesse(), side.ids())), side.loginName(), side.idpLoginName(), side.extension(),
                capture.knownSecrets(), capture.exchanges());
    }

    /** The role of a host ("finesse", "ids", "idp", "finesse-2"), or empty for a host outside the lab. */
    public String role(String host) {
        return roles.getOrDefault(host.toLowerCase(Locale.ROOT), "");
    }

    /** True when this text names the lab or the agent (so a request matcher must not pin it). */
    boolean identifies(String text) {
        return !scrub(text).equals(text);
    }

    /** A body or header value with every secret, host and agent name replaced. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replaceAll(JWT.matcher(text), m -> placeholders.secret(jwtKind(m.group(1)), m.group()));
        out = replaceAll(named.matcher(out), m -> {
            if (m.group(1) != null) {
                return m.group(1) + m.group(2) + value(m.group(1), m.group(3));
            }
            if (m.group(4) != null) {
                return "\"" + m.group(4) + "\"" + m.group(5) + value(m.group(4), m.group(6)) + "\"";
            }
            return m.group(7) + value(m.group(8), m.group(9)) + "\"";
        });
        out = literals(out);
        return redactor.redact(out);
    }

    /** A Set-Cookie or Cookie value: names and attributes stay, each value becomes a placeholder. */
    public String scrubCookie(String header) {
        String out = replaceAll(COOKIE_PAIR.matcher(header), m -> {
            String name = m.group(2);
            if (isAttribute(name)) {
                return m.group(1) + name + "=" + literals(m.group(3));
            }
            String value = m.group(3);
            String scrubbed = name.equals("cc_username") ? literals(value)
                    : value.isEmpty() || Placeholders.isPlaceholder(value) ? value : placeholders.secret("cookie." + name, value);
            return m.group(1) + name + "=" + scrubbed;
        });
        return redactor.cookieValues(out).equals(out) ? out : redactor.redact(out);
    }

    private String value(String name, String value) {
        if (Placeholders.isPlaceholder(value) || value.isEmpty()) {
            return value;
        }
        return placeholders.secret(name, value);
    }

    private String literals(String text) {
        String out = text;
        for (String[] literal : literals) {
            if (literal[0].startsWith("\u0000word\u0000")) {
                String word = literal[0].substring(6);
                out = out.replaceAll("(?<![A-Za-z0-9_%])" + Pattern.quote(word) + "(?![A-Za-z0-9_])",
                        Matcher.quoteReplacement(literal[1]));
            } else {
                out = Pattern.compile(Pattern.quote(literal[0]), Pattern.CASE_INSENSITIVE).matcher(out)
                        .replaceAll(Matcher.quoteReplacement(literal[1]));
            }
        }
        return out;
    }

    /** "jwt.access.300": the token's usage and lifetime, so a replay can mint one like it. */
    private static String jwtKind(String payload) {
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            long lifetime = claims.path("exp").asLong(0) - claims.path("iat").asLong(0);
            String usage = "access";
            JsonNode sub = claims.path("sub");
            if (sub.isTextual() && sub.asText().startsWith("{")) {
                usage = JSON.readTree(sub.asText()).path("usage").asText("access");
            }
            return "jwt." + usage.replaceAll("[^a-z]", "") + "." + Math.max(lifetime, 0);
        } catch (Exception e) {
            return "jwt.access.0";
        }
    }

    private static boolean isAttribute(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "path", "domain", "expires", "max-age", "samesite", "priority", "version", "comment" -> true;
            default -> false;
        };
    }

    static String replaceAll(Matcher matcher, java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static Map<String, Integer> ports(List<Exchange> exchanges, Map<String, StubSystem> hosts, List<URI> known) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (URI uri : known) {
            ports.put(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 443 : uri.getPort());
        }
        for (Exchange e : exchanges) {
            if (hosts.containsKey(e.host())) {
                ports.putIfAbsent(e.host(), e.port());
            }
        }
        return ports;
    }
}
