package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;

/** Names for the kinds of request the checks talk about. */
public final class Exchanges {
    private Exchanges() {
    }

    public static boolean isTokenRequest(Exchange e) {
        return e.system() == StubSystem.FINESSE && e.path().equals("/desktop/sso/token")
                && e.method().equals("GET") && e.rawQueryParameter("refresh-token").isEmpty();
    }

    public static boolean isRefresh(Exchange e) {
        return e.system() == StubSystem.FINESSE && e.path().equals("/desktop/sso/token")
                && (e.method().equals("POST") || e.rawQueryParameter("refresh-token").isPresent());
    }

    public static boolean isIdpLoginPost(Exchange e) {
        return e.system() == StubSystem.IDP && e.method().equals("POST") && e.path().startsWith("/adfs/ls");
    }

    public static boolean isSamlPost(Exchange e) {
        return e.system() == StubSystem.IDS && e.method().equals("POST") && e.path().equals("/ids/saml/response");
    }

    public static boolean isRelayPost(Exchange e) {
        return e.system() == StubSystem.IDS && e.method().equals("POST") && e.path().equals("/ids/relay");
    }

    public static boolean isFinesseApi(Exchange e) {
        return e.system() == StubSystem.FINESSE && e.path().startsWith("/finesse/api/");
    }

    private static final java.util.regex.Pattern STATIC = java.util.regex.Pattern.compile(
            "(?i).*\\.(ico|png|gif|jpe?g|svg|webp|css|js|mjs|woff2?|ttf|map)$");

    /**
     * A sub-resource a browser fetches beside the navigation (favicon, image, stylesheet, script; protocol 8.15),
     * decided from the journal: Sec-Fetch-Dest when sent, else the Accept header and the path.
     */
    public static boolean isSubresource(Exchange e) {
        if (!e.method().equals("GET")) {
            return false;
        }
        java.util.Optional<String> dest = e.firstRequestHeader("sec-fetch-dest");
        if (dest.isPresent()) {
            return !java.util.List.of("document", "iframe", "frame", "empty").contains(dest.get().trim().toLowerCase());
        }
        String accept = e.firstRequestHeader("accept").orElse("").toLowerCase();
        return accept.startsWith("image/") || accept.startsWith("text/css") || STATIC.matcher(e.path()).matches();
    }

    /** The navigation requests (documents, redirects, form posts, API calls), in order: sub-resources left out. */
    public static java.util.List<Exchange> navigation(java.util.List<Exchange> journal) {
        return journal.stream().filter(e -> !isSubresource(e)).toList();
    }

    /** Every Authorization value the request carried (all field lines, Bearer and Basic together included). */
    public static java.util.List<String> authorizations(Exchange e) {
        return e.headers("authorization");
    }

    /** "#4 POST idp.test /adfs/ls/ -> 200" (no query: queries carry secrets; the redactor guards the rest). */
    public static String line(Exchange e) {
        return "#" + e.sequence() + " " + e.method() + " " + e.host() + " " + e.path() + " -> " + e.status()
                + (e.atSecond() > 0 ? " (t=" + e.atSecond() + " s)" : "");
    }

    public static String system(Exchange e) {
        return switch (e.system()) {
            case FINESSE -> "Finesse";
            case IDS -> "IdS";
            case IDP -> "IdP";
        };
    }
}
