package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.cookies.CookieStore;
import dev.ssokit.client.cookies.StoredCookie;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.http.Cookie;

/**
 * HtmlUnit's WebClient with the kit's cookie engine ({@link CookieStore}) behind document.cookie and behind its
 * CookieManager. A script sees no HttpOnly cookie and can neither create nor overwrite one (C20); its strings are
 * UTF-8 on the wire, as in a browser. A nameless cookie reads as its bare value.
 */
final class GuardedWebClient extends WebClient {
    private final boolean guard;
    private final EngineCookieManager jar;

    GuardedWebClient(BrowserVersion version, ClientSettings settings) {
        super(version);
        this.guard = !settings.has(Defect.IGNORES_HTTPONLY);
        Set<CookieStore.Leniency> leniency = EnumSet.noneOf(CookieStore.Leniency.class);
        if (settings.has(Defect.ACCEPTS_FOREIGN_DOMAIN)) {
            leniency.add(CookieStore.Leniency.ACCEPTS_FOREIGN_DOMAIN);
        }
        if (settings.has(Defect.KEEPS_OLD_COOKIE_VALUE)) {
            leniency.add(CookieStore.Leniency.KEEPS_OLD_VALUE);
        }
        // the broken twin ignores-max-age-expiry judges expiry on a clock that never moves: nothing ever runs out
        java.time.Clock expiryClock = settings.has(Defect.IGNORES_MAX_AGE_EXPIRY)
                ? java.time.Clock.fixed(settings.clock().instant(), java.time.ZoneOffset.UTC) : settings.clock();
        this.jar = new EngineCookieManager(new CookieStore(expiryClock, leniency));
        setCookieManager(jar);
    }

    EngineCookieManager jar() {
        return jar;
    }

    @Override
    public synchronized Set<Cookie> getCookies(URL url) {
        Set<Cookie> visible = new LinkedHashSet<>();
        if (!getCookieManager().isCookiesEnabled() || url.getHost().isEmpty()) {
            return visible;
        }
        for (StoredCookie cookie : jar.store().forRequest(uri(url), CookieStore.Source.SCRIPT, false)) {
            StoredCookie utf8 = new StoredCookie(cookie.name(), fromBytes(cookie.value()), cookie.domain(),
                    cookie.path(), cookie.expiry(), cookie.creation(), cookie.order(), cookie.hostOnly(),
                    cookie.secureOnly(), cookie.httpOnly(), cookie.sameSite());
            visible.add(EngineCookieManager.toHtmlUnit(utf8, cookie.name().isEmpty()
                    ? EngineCookieManager.NAMELESS : fromBytes(cookie.name())));
        }
        return visible;
    }

    @Override
    public void addCookie(String cookieString, URL pageUrl, Object origin) {
        if (getCookieManager().isCookiesEnabled() && cookieString != null) {
            jar.store().receive(new String(cookieString.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                    uri(pageUrl), guard ? CookieStore.Source.SCRIPT : CookieStore.Source.HTTP);
        }
    }

    static URI uri(URL url) {
        return URI.create(url.getProtocol() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath().replace(" ", "%20")));
    }

    /** A byte string (one char per octet) as the UTF-8 text a page script sees. */
    private static String fromBytes(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
