package dev.ssokit.client.cookies;

import java.time.Instant;

/**
 * A cookie in the store, with the fields of rfc6265bis §5.7: {@code expiry} is null for a session
 * (non-persistent) cookie. {@code order} breaks ties between equal creation times (a frozen virtual clock makes
 * many): it is the insertion order, kept like the creation time when a cookie is replaced.
 */
public record StoredCookie(String name, String value, String domain, String path, Instant expiry, Instant creation,
                           long order, boolean hostOnly, boolean secureOnly, boolean httpOnly, SameSite sameSite) {
    public boolean persistent() {
        return expiry != null;
    }

    public boolean expiredAt(Instant now) {
        return expiry != null && !expiry.isAfter(now);
    }

    /** Same name, domain, host-only-flag and path: the new one replaces the old (§5.7 step 23). */
    public boolean sameKey(StoredCookie other) {
        return name.equals(other.name) && domain.equals(other.domain) && hostOnly == other.hostOnly
                && path.equals(other.path);
    }

    /** As it goes into a Cookie header: name=value, or the value alone for a nameless cookie (§5.8.3 step 4). */
    public String pair() {
        return name.isEmpty() ? value : name + "=" + value;
    }

    StoredCookie keeping(StoredCookie old) {
        return new StoredCookie(name, value, domain, path, expiry, old.creation, old.order, hostOnly, secureOnly,
                httpOnly, sameSite);
    }
}
