package dev.ssokit.client.cookies;

import dev.ssokit.client.cookies.SetCookie.Attribute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * rfc6265bis §5.6, "The Set-Cookie header field": a set-cookie-string becomes a name, a value and a
 * cookie-attribute-list, or nothing (the whole line ignored). Pure text processing: which cookie is then stored is the
 * storage model's decision ({@link CookieStore}). Every line is taken as a byte string (one char per octet).
 */
public final class SetCookieParser {
    /** The cookie-age-limit: "400 days or less" (rfc6265bis §5.5), the figure every major browser uses. */
    public static final Duration AGE_LIMIT = Duration.ofDays(400);
    /** The earliest representable date: an expiry-time that means "delete now". */
    public static final Instant EARLIEST = Instant.parse("1601-01-01T00:00:00Z");
    static final int MAX_NAME_VALUE_OCTETS = 4096;
    static final int MAX_ATTRIBUTE_VALUE_OCTETS = 1024;

    private SetCookieParser() {
    }

    /**
     * Parses one Set-Cookie header value received at {@code now}. Empty when the line must be ignored: it holds a
     * control character (other than HTAB), or its name and value exceed 4096 octets, or it is blank.
     */
    public static Optional<SetCookie> parse(String setCookieString, Instant now) {
        if (setCookieString == null || hasControl(setCookieString)) {
            return Optional.empty();
        }
        int semicolon = setCookieString.indexOf(';');
        String pair = semicolon < 0 ? setCookieString : setCookieString.substring(0, semicolon);
        String unparsed = semicolon < 0 ? "" : setCookieString.substring(semicolon);
        int equals = pair.indexOf('=');
        String name = equals < 0 ? "" : trim(pair.substring(0, equals));
        String value = trim(equals < 0 ? pair : pair.substring(equals + 1));
        if (name.length() + value.length() > MAX_NAME_VALUE_OCTETS) {
            return Optional.empty();
        }
        if (name.isEmpty() && value.isEmpty()) {
            return Optional.empty();
        }
        List<Attribute> attributes = new ArrayList<>();
        while (!unparsed.isEmpty()) {
            unparsed = unparsed.substring(1);
            int next = unparsed.indexOf(';');
            String av = next < 0 ? unparsed : unparsed.substring(0, next);
            unparsed = next < 0 ? "" : unparsed.substring(next);
            int eq = av.indexOf('=');
            String attributeName = trim(eq < 0 ? av : av.substring(0, eq));
            String attributeValue = eq < 0 ? "" : trim(av.substring(eq + 1));
            if (attributeValue.length() > MAX_ATTRIBUTE_VALUE_OCTETS) {
                continue;
            }
            attribute(attributeName.toLowerCase(Locale.ROOT), attributeValue, now).ifPresent(attributes::add);
        }
        return Optional.of(new SetCookie(name, value, attributes));
    }

    /** §5.6.1-§5.6.7: what each known attribute appends to the list; unknown ones append nothing. */
    private static Optional<Attribute> attribute(String name, String value, Instant now) {
        Instant limit = now.plus(AGE_LIMIT);
        switch (name) {
            case "expires": {
                return CookieDate.parse(value).map(expiry -> new Attribute(SetCookie.EXPIRES, value,
                        expiry.isAfter(limit) ? limit : expiry.isBefore(EARLIEST) ? EARLIEST : expiry));
            }
            case "max-age": {
                return maxAge(value).map(seconds -> new Attribute(SetCookie.MAX_AGE, value,
                        seconds <= 0 ? EARLIEST : now.plusSeconds(Math.min(seconds, AGE_LIMIT.toSeconds()))));
            }
            case "domain": {
                String domain = value.startsWith(".") ? value.substring(1) : value;
                return Optional.of(Attribute.of(SetCookie.DOMAIN, domain.toLowerCase(Locale.ROOT)));
            }
            case "path": {
                return Optional.of(Attribute.of(SetCookie.PATH, value.isEmpty() || value.charAt(0) != '/' ? "" : value));
            }
            case "secure":
                return Optional.of(Attribute.of(SetCookie.SECURE, ""));
            case "httponly":
                return Optional.of(Attribute.of(SetCookie.HTTP_ONLY, ""));
            case "samesite":
                return Optional.of(Attribute.of(SetCookie.SAME_SITE, sameSite(value).name()));
            default:
                return Optional.empty();
        }
    }

    /**
     * §5.6.2: a first character that is neither a DIGIT nor "-", or any later non-DIGIT, means the attribute is
     * ignored (not the cookie). Huge values are capped later, so an overflow simply reads as "very large".
     */
    private static Optional<Long> maxAge(String value) {
        if (value.isEmpty() || !(Character.isDigit(value.charAt(0)) && value.charAt(0) < 128 || value.charAt(0) == '-')) {
            return Optional.empty();
        }
        String digits = value.charAt(0) == '-' ? value.substring(1) : value;
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        boolean negative = value.charAt(0) == '-';
        if (digits.length() > 18) {
            return Optional.of(negative ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        long seconds = Long.parseLong(digits);
        return Optional.of(negative ? -seconds : seconds);
    }

    /** §5.6.7: None, Strict or Lax case-insensitively; anything else is "Default". */
    static SameSite sameSite(String value) {
        for (SameSite known : List.of(SameSite.NONE, SameSite.STRICT, SameSite.LAX)) {
            if (known.name().equalsIgnoreCase(value)) {
                return known;
            }
        }
        return SameSite.DEFAULT;
    }

    /** %x00-08 / %x0A-1F / %x7F: a set-cookie-string holding one is ignored entirely (§5.6 step 1). */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Removes leading and trailing WSP (SP and HTAB only, not other white space). */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }
}
