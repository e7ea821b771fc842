package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.CookieStore;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.cookie.Cookie;
import org.apache.http.protocol.HttpContext;

/**
 * Set-Cookie as a browser stores it, where HtmlUnit's HttpClient is more lenient (found by the catalogue): the last of
 * a repeated attribute wins (C5), an http response cannot set or overwrite a Secure cookie (C15), __Secure- and
 * __Host- prefixes are enforced (C22), SameSite=None needs Secure (C21). Runs before HttpClient stores cookies.
 * A switched {@link Defect} rewrites headers instead, to make a broken twin.
 */
final class CookieRules implements HttpResponseInterceptor, HttpRequestInterceptor {
    private final ClientSettings settings;
    private final java.util.function.Supplier<java.util.Set<org.htmlunit.http.Cookie>> jar;
    private final Map<String, List<String>> foreignCookies = new LinkedHashMap<>();

    CookieRules(ClientSettings settings, java.util.function.Supplier<java.util.Set<org.htmlunit.http.Cookie>> jar) {
        this.settings = settings;
        this.jar = jar;
    }

    @Override
    public void process(HttpResponse response, HttpContext context) {
        HttpClientContext client = HttpClientContext.adapt(context);
        HttpHost host = client.getTargetHost();
        boolean https = host != null && "https".equalsIgnoreCase(host.getSchemeName());
        int status = response.getStatusLine().getStatusCode();
        Header[] headers = response.getHeaders("Set-Cookie");
        if (headers.length == 0) {
            return;
        }
        response.removeHeaders("Set-Cookie");
        List<String> kept = new ArrayList<>();
        for (Header header : headers) {
            if (header.getValue() == null || !header.getValue().contains("=")) {
                continue;
            }
            String received = lastAttributeWins(header.getValue());
            if (settings.has(Defect.ACCEPTS_FOREIGN_DOMAIN) && host != null) {
                attribute(received, "domain").map(d -> d.startsWith(".") ? d.substring(1) : d)
                        .filter(d -> !host.getHostName().endsWith(d))
                        .ifPresent(domain -> foreignCookies.computeIfAbsent(domain, k -> new ArrayList<>())
                                .add(received.split(";", 2)[0].trim()));
            }
            if (!acceptable(received, https, client.getCookieStore(), host)) {
                continue;
            }
            String cookie = applyDefects(received, client.getCookieStore(), host);
            if (cookie != null) {
                kept.add(cookie);
            }
        }
        if (settings.has(Defect.DROPS_SET_COOKIE_ON_REDIRECT) && status >= 300 && status < 400) {
            kept.clear();
        }
        if (settings.has(Defect.KEEPS_ONLY_FIRST_SET_COOKIE) && kept.size() > 1) {
            kept = List.of(kept.get(0));
        }
        kept.forEach(cookie -> response.addHeader("Set-Cookie", cookie));
    }

    /** The browser rules HttpClient does not apply. */
    private static boolean acceptable(String cookie, boolean https, CookieStore store, HttpHost host) {
        String name = cookie.split("=", 2)[0].trim();
        boolean secure = flag(cookie, "secure");
        if (!https && (secure || (store != null && host != null && store.getCookies().stream()
                .anyMatch(c -> c.getName().equals(name) && c.isSecure() && domainMatches(host.getHostName(), c))))) {
            return false;
        }
        if (name.startsWith("__Secure-") && !(secure && https)) {
            return false;
        }
        if (name.startsWith("__Host-") && !(secure && https && attribute(cookie, "domain").isEmpty()
                && attribute(cookie, "path").map("/"::equals).orElse(false))) {
            return false;
        }
        return !attribute(cookie, "samesite").map(v -> v.equalsIgnoreCase("none")).orElse(false) || secure;
    }

    private static boolean domainMatches(String host, Cookie cookie) {
        String domain = cookie.getDomain() == null ? "" : cookie.getDomain().replaceFirst("^\\.", "");
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private String applyDefects(String cookie, CookieStore store, HttpHost host) {
        String out = cookie;
        if (settings.has(Defect.IGNORES_COOKIE_PATH)) {
            out = withoutAttribute(out, "path") + "; Path=/";
        }
        if (settings.has(Defect.IGNORES_COOKIE_DOMAIN)) {
            out = withoutAttribute(out, "domain");
        }
        if (settings.has(Defect.IGNORES_SECURE)) {
            out = withoutAttribute(out, "secure");
        }
        if (settings.has(Defect.IGNORES_HTTPONLY)) {
            out = withoutAttribute(out, "httponly");
        }
        if (settings.has(Defect.IGNORES_COOKIE_DELETION)) {
            if (attribute(out, "max-age").map(v -> v.startsWith("-") || v.equals("0")).orElse(false)
                    || attribute(out, "expires").map(v -> v.contains("1970")).orElse(false)) {
                out = withoutAttribute(withoutAttribute(out, "max-age"), "expires");
            }
        }
        if (settings.has(Defect.KEEPS_OLD_COOKIE_VALUE) && store != null && host != null) {
            String name = out.split("=", 2)[0].trim();
            String path = attribute(out, "path").orElse("/");
            if (store.getCookies().stream().anyMatch(c -> c.getName().equals(name) && path.equals(c.getPath())
                    && domainMatches(host.getHostName(), c))) {
                return null;
            }
        }
        return out;
    }

    /**
     * Request side. The browser's referrer policy (strict-origin-when-cross-origin): across origins the Referer is
     * the origin alone (HtmlUnit sends the full URL, which would carry the IdP page's SAMLRequest to IdS). For broken
     * twins: cookies split into several headers, or sent to every host.
     */
    @Override
    public void process(HttpRequest request, HttpContext context) {
        HttpClientContext client = HttpClientContext.adapt(context);
        HttpHost host = client.getTargetHost();
        Header referer = request.getFirstHeader("Referer");
        if (referer != null && host != null) {
            try {
                java.net.URI from = java.net.URI.create(referer.getValue());
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
        withholdSameSiteCookiesOnCrossSitePost(request, host);
        if (settings.has(Defect.ACCEPTS_FOREIGN_DOMAIN) && host != null) {
            foreignCookies.forEach((domain, pairs) -> {
                if (host.getHostName().endsWith(domain)) {
                    pairs.forEach(pair -> request.addHeader("Cookie", pair));
                }
            });
        }
        if (settings.has(Defect.SENDS_COOKIES_TO_EVERY_HOST) && client.getCookieStore() != null) {
            request.removeHeaders("Cookie");
            List<String> pairs = client.getCookieStore().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).toList();
            if (!pairs.isEmpty()) {
                request.addHeader("Cookie", String.join("; ", pairs));
            }
        }
        if (settings.has(Defect.SPLITS_COOKIE_HEADER)) {
            Header[] cookies = request.getHeaders("Cookie");
            request.removeHeaders("Cookie");
            for (Header header : cookies) {
                for (String pair : header.getValue().split(";\\s*")) {
                    request.addHeader("Cookie", pair);
                }
            }
        }
    }

    /**
     * rfc6265bis "The SameSite attribute": a POST started from another site (its Origin names another registrable
     * domain) carries no SameSite=Lax or Strict cookie. HtmlUnit sends them (stack.md pitfall 7).
     */
    private void withholdSameSiteCookiesOnCrossSitePost(HttpRequest request, HttpHost host) {
        Header origin = request.getFirstHeader("Origin");
        if (host == null || origin == null || !"POST".equalsIgnoreCase(request.getRequestLine().getMethod())) {
            return;
        }
        String from;
        try {
            from = java.net.URI.create(origin.getValue()).getHost();
        } catch (IllegalArgumentException e) {
            return;
        }
        if (from == null || site(from).equals(site(host.getHostName()))) {
            return;
        }
        java.util.Set<String> restricted = new java.util.HashSet<>();
        for (org.htmlunit.http.Cookie cookie : jar.get()) {
            String sameSite = cookie.getSameSite();
            if (sameSite != null && (sameSite.equalsIgnoreCase("lax") || sameSite.equalsIgnoreCase("strict"))) {
                restricted.add(cookie.getName());
            }
        }
        if (restricted.isEmpty()) {
            return;
        }
        Header[] cookies = request.getHeaders("Cookie");
        request.removeHeaders("Cookie");
        for (Header header : cookies) {
            List<String> kept = new ArrayList<>();
            for (String pair : header.getValue().split(";\\s*")) {
                if (!restricted.contains(pair.split("=", 2)[0].trim())) {
                    kept.add(pair);
                }
            }
            if (!kept.isEmpty()) {
                request.addHeader("Cookie", String.join("; ", kept));
            }
        }
    }

    /** The registrable domain, approximated as the last two labels (the kit's hosts are all name.tld). */
    private static String site(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        return labels.length <= 2 ? host.toLowerCase(Locale.ROOT)
                : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    /** "a=1; Path=/x; Path=/y" -> "a=1; Path=/y": each attribute once, the last occurrence (RFC 6265 §5.3). */
    static String lastAttributeWins(String setCookie) {
        String[] parts = setCookie.split(";");
        if (parts.length == 0) {
            return setCookie;
        }
        LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            String key = part.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
            attributes.remove(key);
            attributes.put(key, part);
        }
        StringBuilder out = new StringBuilder(parts[0].trim());
        attributes.values().forEach(attribute -> out.append("; ").append(attribute));
        return out.toString();
    }

    static java.util.Optional<String> attribute(String setCookie, String name) {
        String[] parts = setCookie.split(";");
        String found = null;
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair[0].trim().equalsIgnoreCase(name)) {
                found = pair.length > 1 ? pair[1].trim() : "";
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    private static boolean flag(String setCookie, String name) {
        return attribute(setCookie, name).isPresent();
    }

    private static String withoutAttribute(String setCookie, String name) {
        String[] parts = setCookie.split(";");
        StringBuilder out = new StringBuilder(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (!part.isEmpty() && !part.split("=", 2)[0].trim().equalsIgnoreCase(name)) {
                out.append("; ").append(part);
            }
        }
        return out.toString();
    }
}
