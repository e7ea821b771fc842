package dev.ssokit.client.cookies;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user agent's cookie store: the storage model of rfc6265bis §5.7 and the retrieval of §5.8.3, on an injected
 * clock (the kit's shared virtual clock), so expiry follows the scenario's time, not the wall clock. Thread-safe.
 */
public final class CookieStore {
    /** Who hands a cookie to the store or asks for cookies: an HTTP response/request, or a script (document.cookie). */
    public enum Source { HTTP, SCRIPT }

    /** Departures from the RFC a broken twin of the reference client is switched into; none for a browser. */
    public enum Leniency {
        /** Domain attributes the request host does not domain-match are accepted. */
        ACCEPTS_FOREIGN_DOMAIN,
        /** A cookie of the same name, domain and path is not replaced. */
        KEEPS_OLD_VALUE
    }

    /** What the store did with one cookie: the cookie stored (possibly already expired: a deletion), or why not. */
    public record Decision(StoredCookie cookie, String rejection) {
        public boolean stored() {
            return cookie != null;
        }

        static Decision rejected(String why) {
            return new Decision(null, why);
        }
    }

    private final Clock clock;
    private final Set<Leniency> leniency;
    private final List<StoredCookie> cookies = new ArrayList<>();
    private long nextOrder;

    public CookieStore(Clock clock) {
        this(clock, Set.of());
    }

    public CookieStore(Clock clock, Set<Leniency> leniency) {
        this.clock = clock;
        this.leniency = leniency.isEmpty() ? EnumSet.noneOf(Leniency.class) : EnumSet.copyOf(leniency);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Parses a Set-Cookie value received from {@code requestUri} and stores it. */
    public Decision receive(String setCookieString, URI requestUri, Source source) {
        return SetCookieParser.parse(setCookieString, now())
                .map(cookie -> store(cookie, requestUri, source))
                .orElseGet(() -> Decision.rejected("the Set-Cookie line is blank, too long or holds a control character"));
    }

    /** §5.7: from a parsed cookie to a stored one, or a rejection naming the rule. */
    public synchronized Decision store(SetCookie cookie, URI requestUri, Source source) {
        String name = cookie.name();
        String value = cookie.value();
        if (name.isEmpty() && value.isEmpty()) {
            return Decision.rejected("both name and value are empty");
        }
        if (SetCookieParser.hasControl(name) || SetCookieParser.hasControl(value)) {
            return Decision.rejected("the name or value holds a control character");
        }
        if (name.length() + value.length() > SetCookieParser.MAX_NAME_VALUE_OCTETS) {
            return Decision.rejected("name and value exceed 4096 octets");
        }
        Instant now = now();
        String host = CookieScope.canonicalHost(requestUri.getHost());
        boolean secureOrigin = "https".equalsIgnoreCase(requestUri.getScheme());
        Instant expiry = cookie.last(SetCookie.MAX_AGE).or(() -> cookie.last(SetCookie.EXPIRES))
                .map(SetCookie.Attribute::expiry).orElse(null);
        String domainAttribute = cookie.last(SetCookie.DOMAIN).map(SetCookie.Attribute::value).orElse("");
        if (!CookieScope.isAscii(domainAttribute)) {
            return Decision.rejected("the Domain attribute is not US-ASCII");
        }
        if (!domainAttribute.isEmpty() && CookieScope.isPublicSuffix(domainAttribute)) {
            if (!domainAttribute.equals(host)) {
                return Decision.rejected("Domain=" + domainAttribute + " is a public suffix");
            }
            domainAttribute = "";
        }
        boolean hostOnly = domainAttribute.isEmpty();
        if (!hostOnly && !CookieScope.domainMatches(host, domainAttribute)
                && !leniency.contains(Leniency.ACCEPTS_FOREIGN_DOMAIN)) {
            return Decision.rejected("the request host " + host + " does not domain-match Domain=" + domainAttribute);
        }
        String domain = hostOnly ? host : domainAttribute;
        String path = cookie.last(SetCookie.PATH).map(SetCookie.Attribute::value).filter(p -> !p.isEmpty())
                .orElseGet(() -> CookieScope.defaultPath(requestUri.getRawPath()));
        boolean secure = cookie.has(SetCookie.SECURE);
        if (secure && !secureOrigin) {
            return Decision.rejected("a Secure cookie from a non-secure origin");
        }
        boolean httpOnly = cookie.has(SetCookie.HTTP_ONLY);
        if (httpOnly && source == Source.SCRIPT) {
            return Decision.rejected("a script cannot set an HttpOnly cookie");
        }
        if (!secure && !secureOrigin && cookies.stream().anyMatch(old -> old.name().equals(name) && old.secureOnly()
                && (CookieScope.domainMatches(old.domain(), domain) || CookieScope.domainMatches(domain, old.domain()))
                && CookieScope.pathMatches(path, old.path()))) {
            return Decision.rejected("a non-secure origin cannot overwrite a Secure cookie");
        }
        SameSite sameSite = cookie.last(SetCookie.SAME_SITE).map(a -> SameSite.valueOf(a.value()))
                .orElse(SameSite.DEFAULT);
        if (sameSite == SameSite.NONE && !secure) {
            return Decision.rejected("SameSite=None without Secure");
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (lowerName.startsWith("__secure-") && !secure) {
            return Decision.rejected("a __Secure- cookie without Secure");
        }
        if (lowerName.startsWith("__host-") && !(secure && hostOnly
                && cookie.last(SetCookie.PATH).map(p -> p.value().equals("/")).orElse(false))) {
            return Decision.rejected("a __Host- cookie needs Secure, no Domain and Path=/");
        }
        String lowerValue = value.toLowerCase(Locale.ROOT);
        if (name.isEmpty() && (lowerValue.startsWith("__secure-") || lowerValue.startsWith("__host-"))) {
            return Decision.rejected("a nameless cookie whose value looks like a __Secure-/__Host- name");
        }
        StoredCookie fresh = new StoredCookie(name, value, domain, path, expiry, now, nextOrder++, hostOnly, secure,
                httpOnly, sameSite);
        for (int i = 0; i < cookies.size(); i++) {
            StoredCookie old = cookies.get(i);
            if (old.sameKey(fresh)) {
                if (source == Source.SCRIPT && old.httpOnly()) {
                    return Decision.rejected("a script cannot overwrite an HttpOnly cookie");
                }
                if (leniency.contains(Leniency.KEEPS_OLD_VALUE)) {
                    return Decision.rejected("kept the old cookie (broken twin)");
                }
                fresh = fresh.keeping(old);
                cookies.remove(i);
                break;
            }
        }
        cookies.add(fresh);
        evictExpired();
        return new Decision(fresh, null);
    }

    /** Puts a cookie made by the application itself (a pre-seeded cc_username, a restored persistent cookie). */
    public synchronized StoredCookie insert(String name, String value, String domain, boolean hostOnly, String path,
                                            Instant expiry, boolean secure, boolean httpOnly, SameSite sameSite) {
        StoredCookie fresh = new StoredCookie(name, value, CookieScope.canonicalHost(domain), path, expiry, now(),
                nextOrder++, hostOnly, secure, httpOnly, sameSite == null ? SameSite.DEFAULT : sameSite);
        cookies.removeIf(fresh::sameKey);
        cookies.add(fresh);
        evictExpired();
        return fresh;
    }

    /**
     * §5.8.3: the cookies for a request to {@code uri}, longer paths first, then earlier creation. A script sees no
     * HttpOnly cookie; a cross-site POST carries no SameSite=Strict or Lax cookie.
     */
    public synchronized List<StoredCookie> forRequest(URI uri, Source source, boolean crossSitePost) {
        evictExpired();
        String host = CookieScope.canonicalHost(uri.getHost());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        return cookies.stream()
                .filter(c -> c.hostOnly() ? host.equals(c.domain()) : CookieScope.domainMatches(host, c.domain()))
                .filter(c -> CookieScope.pathMatches(path, c.path()))
                .filter(c -> !c.secureOnly() || secure)
                .filter(c -> !c.httpOnly() || source == Source.HTTP)
                .filter(c -> !crossSitePost || (c.sameSite() != SameSite.STRICT && c.sameSite() != SameSite.LAX))
                .sorted(ORDER)
                .toList();
    }

    /** The Cookie header for a request, or empty when no cookie applies. */
    public String cookieHeader(URI uri, boolean crossSitePost) {
        return header(forRequest(uri, Source.HTTP, crossSitePost));
    }

    /** §5.8.3 step 4: the pairs joined by "; " (a nameless cookie is its value alone). */
    public static String header(List<StoredCookie> cookies) {
        return String.join("; ", cookies.stream().map(StoredCookie::pair).toList());
    }

    /** Longer paths first; then earlier creation; then earlier insertion. */
    public static final Comparator<StoredCookie> ORDER = Comparator
            .comparingInt((StoredCookie c) -> -c.path().length())
            .thenComparing(StoredCookie::creation)
            .thenComparingLong(StoredCookie::order);

    /** Every cookie not expired at the store's clock, in creation order. */
    public synchronized List<StoredCookie> all() {
        evictExpired();
        return List.copyOf(cookies);
    }

    public synchronized void remove(StoredCookie cookie) {
        cookies.removeIf(cookie::sameKey);
    }

    public synchronized void clear() {
        cookies.clear();
    }

    /** "The user agent MUST evict all expired cookies": judged on the injected clock. */
    public synchronized void evictExpired() {
        Instant now = now();
        cookies.removeIf(c -> c.expiredAt(now));
    }
}
