package dev.ssokit.client.cookies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parsed Set-Cookie line (rfc6265bis §5.6): the cookie-name, the cookie-value and the cookie-attribute-list in the
 * order received (repeats kept; the storage model takes the last). Names and values are byte strings: one char per
 * octet as it came off the wire (ISO-8859-1), never decoded, so they go back out byte for byte.
 */
public record SetCookie(String name, String value, List<Attribute> attributes) {
    public static final String EXPIRES = "Expires";
    public static final String MAX_AGE = "Max-Age";
    public static final String DOMAIN = "Domain";
    public static final String PATH = "Path";
    public static final String SECURE = "Secure";
    public static final String HTTP_ONLY = "HttpOnly";
    public static final String SAME_SITE = "SameSite";

    public SetCookie {
        attributes = List.copyOf(attributes);
    }

    /**
     * One entry of the cookie-attribute-list: a canonical name (the constants above), its processed value, and for
     * Expires and Max-Age the expiry-time it stands for.
     */
    public record Attribute(String name, String value, Instant expiry) {
        public static Attribute of(String name, String value) {
            return new Attribute(name, value, null);
        }
    }

    /** The last attribute of that name, as the storage model reads it. */
    public Optional<Attribute> last(String attributeName) {
        Attribute found = null;
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(attributeName)) {
                found = attribute;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean has(String attributeName) {
        return last(attributeName).isPresent();
    }

    /** The same cookie without any attribute of that name (for the reference client's broken twins). */
    public SetCookie without(String attributeName) {
        List<Attribute> kept = new ArrayList<>(attributes);
        kept.removeIf(attribute -> attribute.name().equals(attributeName));
        return new SetCookie(name, value, kept);
    }

    /** The same cookie with one more attribute at the end (so it is the last of its name). */
    public SetCookie with(Attribute attribute) {
        List<Attribute> more = new ArrayList<>(attributes);
        more.add(attribute);
        return new SetCookie(name, value, more);
    }

    /** The same cookie without the Expires and Max-Age attributes that already lie in the past at {@code now}. */
    public SetCookie withoutExpiryBefore(Instant now) {
        List<Attribute> kept = new ArrayList<>(attributes);
        kept.removeIf(attribute -> attribute.expiry() != null && !attribute.expiry().isAfter(now));
        return new SetCookie(name, value, kept);
    }
}
