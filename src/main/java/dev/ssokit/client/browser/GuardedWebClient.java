package dev.ssokit.client.browser;

import java.net.URL;
import java.util.Locale;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.http.Cookie;

/**
 * HtmlUnit's WebClient, with document.cookie writes held to a browser's rule (RFC 6265 §5.3 steps 10-11): a script
 * can neither create an HttpOnly cookie nor overwrite one (C20). HtmlUnit lets it.
 */
final class GuardedWebClient extends WebClient {
    private final boolean guard;

    GuardedWebClient(BrowserVersion version, boolean guard) {
        super(version);
        this.guard = guard;
    }

    @Override
    public void addCookie(String cookieString, URL pageUrl, Object origin) {
        if (guard) {
            String name = cookieString.split("=", 2)[0].trim();
            if (cookieString.toLowerCase(Locale.ROOT).contains("httponly")) {
                return;
            }
            for (Cookie existing : getCookieManager().getCookies()) {
                if (existing.isHttpOnly() && existing.getName().equals(name)) {
                    return;
                }
            }
        }
        super.addCookie(cookieString, pageUrl, origin);
    }
}
