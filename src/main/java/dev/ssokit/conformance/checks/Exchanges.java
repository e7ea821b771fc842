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
