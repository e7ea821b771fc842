package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.cookies.CookieScope;
import dev.ssokit.client.cookies.CookieStore;
import dev.ssokit.client.cookies.SetCookie;
import dev.ssokit.client.cookies.SetCookieParser;
import dev.ssokit.client.cookies.StoredCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.protocol.HttpContext;

/**
 * The cookie path of the reference client, on the wire: HttpClient's own cookie handling is switched off (see
 * {@link RulesConnection}), and every request takes its Cookie header from the kit's engine
 * ({@link CookieStore}, rfc6265bis §5.8.3), every response hands its Set-Cookie lines to it (§5.6-§5.7) as the raw
 * header bytes. Also the browser's referrer policy. A switched {@link Defect} bends the engine into a broken twin.
 */
final class CookieRules {
    private final ClientSettings settings;
    private final EngineCookieManager jar;

    CookieRules(ClientSettings settings, EngineCookieManager jar) {
        this.settings = settings;
        this.jar = jar;
    }

    /** Response side: each Set-Cookie line to the store, after the defects that bend it. */
    void process(HttpResponse response, HttpRequest request, HttpContext context) {
        HttpHost host = HttpClientContext.adapt(context).getTargetHost();
        int status = response.getStatusLine().getStatusCode();
        if (!jar.isCookiesEnabled() || host == null
                || (settings.has(Defect.DROPS_SET_COOKIE_ON_REDIRECT) && status >= 300 && status < 400)) {
            return;
        }
        URI uri = requestUri(request, host);
        CookieStore store = jar.store();
        for (Header header : response.getHeaders("Set-Cookie")) {
            String line = settings.has(Defect.KEEPS_CONTROL_CHARACTER_COOKIES)
                    ? header.getValue().replaceAll("[\\x00-\\x08\\x0A-\\x1F\\x7F]", "?") : header.getValue();
            Optional<SetCookie> parsed = SetCookieParser.parse(line, store.now());
            if (parsed.isEmpty()) {
                continue;
            }
            store.store(bend(parsed.get(), store), uri, CookieStore.Source.HTTP);
            if (settings.has(Defect.KEEPS_ONLY_FIRST_SET_COOKIE)) {
                return;
            }
        }
    }

    private SetCookie bend(SetCookie cookie, CookieStore store) {
        SetCookie out = cookie;
        if (settings.has(Defect.IGNORES_COOKIE_PATH)) {
            out = out.without(SetCookie.PATH).with(SetCookie.Attribute.of(SetCookie.PATH, "/"));
        }
        if (settings.has(Defect.IGNORES_COOKIE_DOMAIN)) {
            out = out.without(SetCookie.DOMAIN);
        }
        if (settings.has(Defect.IGNORES_SECURE)) {
            out = out.without(SetCookie.SECURE);
        }
        if (settings.has(Defect.IGNORES_HTTPONLY)) {
            out = out.without(SetCookie.HTTP_ONLY);
        }
        if (settings.has(Defect.IGNORES_COOKIE_DELETION)) {
            out = out.withoutExpiryBefore(store.now());
        }
        return out;
    }

    /**
     * Request side. The Cookie header from the engine (one header; a cross-site POST without SameSite=Lax/Strict
     * cookies). The browser's referrer policy (strict-origin-when-cross-origin): across origins the Referer is the
     * origin alone (HtmlUnit sends the full URL, which would carry the IdP page's SAMLRequest to IdS).
     */
    void process(HttpRequest request, HttpContext context) {
        HttpHost host = HttpClientContext.adapt(context).getTargetHost();
        Header referer = request.getFirstHeader("Referer");
        if (referer != null && host != null) {
            try {
                URI from = URI.create(referer.getValue());
                int fromPort = from.getPort() == -1 ? ("https".equals(from.getScheme()) ? 443 : 80) : from.getPort();
                int toPort = host.getPort() == -1 ? ("https".equals(host.getSchemeName()) ? 443 : 80) : host.getPort();
                if (!from.getHost().equalsIgnoreCase(host.getHostName()) || fromPort != toPort
                        || !from.getScheme().equalsIgnoreCase(host.getSchemeName())) {
                    request.setHeader("Referer", from.getScheme() + "://" + from.getRawAuthority() + "/");
                }
            } catch (IllegalArgumentException | NullPointerException malformed) {
                request.removeHeaders("Referer");
            }
        }
        if (!jar.isCookiesEnabled() || host == null) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (Header explicit : request.getHeaders("Cookie")) {
            pairs.add(explicit.getValue());
        }
        request.removeHeaders("Cookie");
        List<StoredCookie> cookies = settings.has(Defect.SENDS_COOKIES_TO_EVERY_HOST) ? jar.store().all()
                : jar.store().forRequest(requestUri(request, host), CookieStore.Source.HTTP,
                        crossSitePost(request, host));
        cookies.forEach(cookie -> pairs.add(cookie.pair()));
        if (pairs.isEmpty()) {
            return;
        }
        if (settings.has(Defect.SPLITS_COOKIE_HEADER)) {
            pairs.forEach(pair -> request.addHeader("Cookie", pair));
        } else {
            request.addHeader("Cookie", String.join("; ", pairs));
        }
    }

    /** A POST whose Origin names another site (registrable domain) than the target's. */
    private static boolean crossSitePost(HttpRequest request, HttpHost host) {
        Header origin = request.getFirstHeader("Origin");
        if (origin == null || !"POST".equalsIgnoreCase(request.getRequestLine().getMethod())) {
            return false;
        }
        try {
            String from = URI.create(origin.getValue()).getHost();
            return from != null && !CookieScope.site(from).equals(CookieScope.site(host.getHostName()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static URI requestUri(HttpRequest request, HttpHost host) {
        String path = "/";
        try {
            String raw = URI.create(request.getRequestLine().getUri()).getRawPath();
            path = raw == null || raw.isEmpty() ? "/" : raw;
        } catch (IllegalArgumentException unparsable) {
            // keeps "/": the cookie path of a request line HttpClient itself could send is never this odd
        }
        return URI.create(host.getSchemeName() + "://" + host.getHostName()
                + (host.getPort() < 0 ? "" : ":" + host.getPort()) + path);
    }
}
