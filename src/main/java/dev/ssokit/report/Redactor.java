package dev.ssokit.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets are masked on their way to any output: console, transcripts, attachments, summaries.
 * Names and attributes stay readable; values become {@code ***}, or {@code ***#1a2b3c} (a short fingerprint) for
 * long high-entropy values, so a reader can still see that two hops carried the same token.
 */
public final class Redactor {
    /** Parameter, field and cookie names whose values are secrets wherever they appear. */
    public static final List<String> SECRET_NAMES = List.of("token", "refresh_token", "refresh-token",
            "access_token", "code", "SAMLRequest", "SAMLResponse", "RelayState", "uniqueId", "Password", "password",
            "JSESSIONID", "MSISContext", "MSISAuth", "MSISAuthenticated", "state", "client-request-id",
            "sid", "ESTSAUTH", "PF", "sessionToken", "flowToken", "flow", "redirectUrl", "passwd", "pf.pass");

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)((?:proxy-)?authorization\\s*[:=]\\s*\"?(?:bearer\\s+|basic\\s+)?)(?![<*]|(?:bearer|basic)\\b)([^\\s\",}]+)");
    private static final Pattern COOKIE_HEADER = Pattern.compile("(?im)^((?:set-)?cookie\\s*:\\s*)(.*)$");
    private static final Pattern COOKIE_PAIR = Pattern.compile("(^|;\\s*)([^=;\\s]+)=([^;]*)");
    private static final Pattern BASE64_BLOB = Pattern.compile("[A-Za-z0-9+/]{120,}={0,2}");

    private final Pattern namedValues;
    private final Set<String> knownSecrets;
    private final boolean enabled;

    /** As XML elements, Finesse's state (agent state) and code (reason code) are not secrets. */
    private static final Set<String> NOT_SECRET_AS_XML = Set.of("state", "code");

    private Redactor(Set<String> knownSecrets, boolean enabled) {
        String names = String.join("|", SECRET_NAMES.stream().map(Pattern::quote).toList());
        String xmlNames = String.join("|", SECRET_NAMES.stream().filter(n -> !NOT_SECRET_AS_XML.contains(n))
                .map(Pattern::quote).toList());
        // name=value (query, form), "name":"value" (JSON), name="value" (HTML attribute pairs), <name>value</name>
        this.namedValues = Pattern.compile("(?<![A-Za-z0-9_-])(" + names + ")(=|\"\\s*:\\s*\"|%3D)([^&\\s\"'<;,]+)"
                + "|(name=\"(?:" + names + ")\"[^>]*?value=\")([^\"]*)"
                + "|(<(" + xmlNames + ")>)([^<]*)(?=</(?:" + xmlNames + ")>)");
        this.knownSecrets = knownSecrets;
        this.enabled = enabled;
    }

    public static Redactor standard() {
        return new Redactor(Set.of(), true);
    }

    /** Also masks these literal values (passwords from the directory or the environment) in every encoding. */
    public Redactor withKnownSecrets(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>(knownSecrets);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                all.add(secret);
                all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
                all.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new Redactor(Set.copyOf(all), enabled);
    }

    /** Redaction switched off: only for the canary test's proof that the canary can fail. */
    public Redactor disabled() {
        return new Redactor(knownSecrets, false);
    }

    public String redact(String text) {
        if (text == null || !enabled || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            out = out.replace(secret, "***");
        }
        out = replace(JWT.matcher(out), m -> mask(m.group()));
        out = replace(AUTHORIZATION.matcher(out), m -> m.group(1) + mask(m.group(2)));
        out = replace(COOKIE_HEADER.matcher(out), m -> m.group(1) + cookieValues(m.group(2)));
        out = replace(namedValues.matcher(out), m -> {
            if (m.group(1) != null) {
                return m.group(1) + m.group(2) + mask(m.group(3));
            }
            if (m.group(4) != null) {
                return m.group(4) + mask(m.group(5));
            }
            return m.group(6) + mask(m.group(8));
        });
        out = replace(BASE64_BLOB.matcher(out), m -> mask(m.group()));
        return out;
    }

    /** "a=1; Path=/; b=2" -> "a=***; Path=/; b=***": cookie names and attributes stay, values go. */
    public String cookieValues(String header) {
        if (!enabled) {
            return header;
        }
        return replace(COOKIE_PAIR.matcher(header), m -> isAttribute(m.group(2))
                ? m.group() : m.group(1) + m.group(2) + "=" + mask(m.group(3)));
    }

    private static boolean isAttribute(String name) {
        return switch (name.toLowerCase()) {
            case "path", "domain", "expires", "max-age", "samesite", "priority", "version", "comment" -> true;
            default -> false;
        };
    }

    static String mask(String value) {
        if (value == null || value.isEmpty() || value.startsWith("***")) {
            return value;
        }
        if (value.length() < 16) {
            return "***";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "***#" + HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            return "***";
        }
    }

    private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
