package dev.ssokit.client.cookies;

import java.util.Locale;
import java.util.Set;

/**
 * Where a cookie applies (rfc6265bis §5.1.3-§5.1.4): canonical host names, domain-match, the default-path and
 * path-match, and the public-suffix test. The kit keeps no copy of the Public Suffix List: a single label
 * ("test", "com") and a handful of well-known two-label registry suffixes count as public suffixes.
 */
public final class CookieScope {
    private static final Set<String> REGISTRY_SUFFIXES = Set.of("co.uk", "org.uk", "ac.uk", "gov.uk", "com.au",
            "net.au", "org.au", "co.jp", "ne.jp", "com.br", "com.cn", "co.nz", "co.in", "co.za", "com.mx", "github.io");

    private CookieScope() {
    }

    /** Lower case, without the brackets of an IPv6 literal: the canonicalized host name of §5.1.2. */
    public static String canonicalHost(String host) {
        String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    /**
     * §5.1.3: identical, or {@code domain} is a suffix of {@code host} preceded by "." and the host is a name, not an
     * IP address. A trailing dot therefore never matches ("finesse.test." is no suffix of "finesse.test").
     */
    public static boolean domainMatches(String host, String domain) {
        String h = canonicalHost(host);
        String d = canonicalHost(domain);
        if (h.equals(d)) {
            return true;
        }
        return !d.isEmpty() && h.endsWith(d) && h.charAt(h.length() - d.length() - 1) == '.' && !isIpAddress(h);
    }

    public static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** §5.1.4: the request path up to, not including, its right-most "/"; "/" when that leaves nothing. */
    public static String defaultPath(String requestPath) {
        if (requestPath == null || requestPath.isEmpty() || requestPath.charAt(0) != '/') {
            return "/";
        }
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }

    /** §5.1.4: identical, or a prefix that ends in "/" or is followed by "/" in the request path. */
    public static boolean pathMatches(String requestPath, String cookiePath) {
        String path = requestPath == null || requestPath.isEmpty() ? "/" : requestPath;
        if (path.equals(cookiePath)) {
            return true;
        }
        return path.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/');
    }

    /** Public-suffix-ish: a single label, or one of the well-known registry suffixes above. */
    public static boolean isPublicSuffix(String domain) {
        String d = canonicalHost(domain);
        return !d.contains(".") || REGISTRY_SUFFIXES.contains(d);
    }

    /** The registrable domain, approximated as the last two labels (the kit's hosts are all name.tld). */
    public static String site(String host) {
        String[] labels = canonicalHost(host).split("\\.");
        return labels.length <= 2 ? canonicalHost(host) : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    /** True when every char is US-ASCII (a Domain attribute with anything else is refused, §5.7 step 7). */
    static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
