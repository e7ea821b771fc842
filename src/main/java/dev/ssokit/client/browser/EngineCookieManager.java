package dev.ssokit.client.browser;

import dev.ssokit.client.cookies.CookieStore;
import dev.ssokit.client.cookies.SameSite;
import dev.ssokit.client.cookies.StoredCookie;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.htmlunit.CookieManager;
import org.htmlunit.http.Cookie;

/**
 * HtmlUnit's CookieManager as a view over the kit's {@link CookieStore}: whatever asks HtmlUnit's manager (the client's
 * cookie report, the restart, the pre-seeded cc_username) reads and writes the one store the wire uses. A domain
 * cookie shows with a leading dot, a host-only one without; expiry is judged on the store's (virtual) clock.
 */
final class EngineCookieManager extends CookieManager {
    private static final long serialVersionUID = 1L;
    /** The name HtmlUnit's document.cookie getter prints as the bare value. */
    static final String NAMELESS = "HTMLUNIT_EMPTY_COOKIE";

    private final transient CookieStore store;

    EngineCookieManager(CookieStore store) {
        this.store = store;
    }

    CookieStore store() {
        return store;
    }

    @Override
    public Set<Cookie> getCookies() {
        Set<Cookie> view = new LinkedHashSet<>();
        if (isCookiesEnabled()) {
            store.all().forEach(cookie -> view.add(toHtmlUnit(cookie, cookie.name())));
        }
        return view;
    }

    @Override
    public boolean clearExpired(Date ignoredWallClock) {
        int before = store.all().size();
        store.evictExpired();
        return store.all().size() != before;
    }

    @Override
    public Cookie getCookie(String name) {
        return getCookies().stream().filter(cookie -> cookie.getName().equals(name)).findFirst().orElse(null);
    }

    @Override
    public void addCookie(Cookie cookie) {
        if (!isCookiesEnabled()) {
            return;
        }
        String domain = cookie.getDomain();
        boolean hostOnly = !domain.startsWith(".");
        store.insert(cookie.getName(), cookie.getValue(), hostOnly ? domain : domain.substring(1), hostOnly,
                cookie.getPath() == null ? "/" : cookie.getPath(),
                cookie.getExpires() == null ? null : cookie.getExpires().toInstant(), cookie.isSecure(),
                cookie.isHttpOnly(), sameSite(cookie.getSameSite()));
    }

    @Override
    public void removeCookie(Cookie cookie) {
        store.all().stream().filter(c -> c.name().equals(cookie.getName()) && c.path().equals(cookie.getPath())
                && cookie.getDomain().replaceFirst("^\\.", "").equals(c.domain())).forEach(store::remove);
    }

    @Override
    public void clearCookies() {
        store.clear();
    }

    static Cookie toHtmlUnit(StoredCookie cookie, String name) {
        Instant expiry = cookie.expiry();
        return new Cookie(cookie.hostOnly() ? cookie.domain() : "." + cookie.domain(), name, cookie.value(),
                cookie.path(), expiry == null ? null : Date.from(expiry), cookie.secureOnly(), cookie.httpOnly(),
                cookie.sameSite() == SameSite.DEFAULT ? null : cookie.sameSite().name().toLowerCase(Locale.ROOT));
    }

    private static SameSite sameSite(String value) {
        if (value == null) {
            return SameSite.DEFAULT;
        }
        for (SameSite known : SameSite.values()) {
            if (known.name().equalsIgnoreCase(value)) {
                return known;
            }
        }
        return SameSite.DEFAULT;
    }
}
