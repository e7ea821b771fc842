package dev.ssokit.conformance.checks;

import static dev.ssokit.conformance.checks.CheckFixture.fails;
import static dev.ssokit.conformance.checks.CheckFixture.passes;
import static dev.ssokit.conformance.checks.Hops.journal;
import static dev.ssokit.world.StubSystem.FINESSE;
import static dev.ssokit.world.StubSystem.IDP;
import static dev.ssokit.world.StubSystem.IDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser-catalogue and contract checks, each on a journal that passes and one that fails. */
class CatalogueChecksTest {
    private static final Target FINESSE_CHECK = Target.parse("https://finesse.test/lab/x/check");

    private static Hops checkWithCookies(String cookieHeader) {
        Hops hops = journal();
        Hops.Hop hop = hops.hop(FINESSE, "GET", "/lab/x/check");
        if (cookieHeader != null) {
            hop.header("Cookie", cookieHeader);
        }
        return hop.answer(200);
    }

    @Test
    void cookieDelivery() {
        passes(new EnsureCookieDelivery("C1", "a", FINESSE_CHECK, true, null), checkWithCookies("a=1; b=2"));
        passes(new EnsureCookieDelivery("C10", "a", FINESSE_CHECK, true, "new"), checkWithCookies("a=new"));
        passes(new EnsureCookieDelivery("C14", "s", FINESSE_CHECK, false, null), checkWithCookies("a=1"));
        fails(new EnsureCookieDelivery("C1", "c", FINESSE_CHECK, true, null), checkWithCookies("a=1; b=2"));
        fails(new EnsureCookieDelivery("C10", "a", FINESSE_CHECK, true, "new"), checkWithCookies("a=old; a=new"));
        fails(new EnsureCookieDelivery("C14", "s", FINESSE_CHECK, false, null), checkWithCookies("s=1"));
        fails(new EnsureCookieDelivery("C14", "s", FINESSE_CHECK, false, null), journal());
        fails(new EnsureCookieDelivery("C14", "s", Target.parse("http://finesse.test/lab/x/check"), false, null),
                checkWithCookies(null));
    }

    @Test
    void requestedWithMethod() {
        passes(new EnsureRequested("J6", "GET", FINESSE_CHECK), checkWithCookies(null));
        fails(new EnsureRequested("J6", "POST", FINESSE_CHECK), checkWithCookies(null));
        fails(new EnsureRequested("J6", "GET", FINESSE_CHECK), journal());
    }

    @Test
    void getWithoutBodyAfterRedirectedPost() {
        Check check = new EnsureGetWithoutBody("R2", FINESSE_CHECK);
        passes(check, checkWithCookies(null));
        fails(check, journal().hop(FINESSE, "POST", "/lab/x/check").form("a=1").answer(200));
        fails(check, journal());
    }

    @Test
    void bodyPreservedOn307() {
        Check check = new EnsureBodyPreserved("R3", Target.parse("https://finesse.test/lab/p"),
                Target.parse("https://finesse.test/lab/t"));
        passes(check, journal().hop(FINESSE, "POST", "/lab/p").form("a=1").answer(307)
                .hop(FINESSE, "POST", "/lab/t").form("a=1").answer(200));
        fails(check, journal().hop(FINESSE, "POST", "/lab/p").form("a=1").answer(307)
                .hop(FINESSE, "GET", "/lab/t").answer(200));
    }

    @Test
    void redirectLoopStopped() {
        Check check = new EnsureRedirectLoopStopped("R6", "/lab/r6/", 3);
        passes(check, journal().hop(FINESSE, "GET", "/lab/r6/a").answer(302).failure("Too much redirect"));
        fails(check, journal().hop(FINESSE, "GET", "/lab/r6/a").answer(302));
        Hops loop = journal();
        for (int i = 0; i < 5; i++) {
            loop.hop(FINESSE, "GET", "/lab/r6/a").answer(302);
        }
        fails(check, loop.failure("Too much redirect"));
    }

    @Test
    void headersAtTarget() {
        Target landing = Target.parse("https://idp.test/lab/r8/landing");
        Check noAuthorization = new EnsureHeaderAt("R8", List.of("authorization"), landing, false);
        passes(noAuthorization, journal().hop(IDP, "GET", "/lab/r8/landing").answer(200));
        fails(noAuthorization, journal().hop(IDP, "GET", "/lab/r8/landing").header("Authorization", "Bearer x")
                .answer(200));
        Check origin = new EnsureHeaderAt("R10", List.of("origin", "referer"),
                Target.parse("https://ids.test/ids/saml/response"), true);
        passes(origin, journal().hop(IDS, "POST", "/ids/saml/response").header("Origin", "https://idp.test")
                .answer(200));
        fails(origin, journal().hop(IDS, "POST", "/ids/saml/response").answer(200));
    }

    @Test
    void oneCookieHeaderAndOrder() {
        passes(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), checkWithCookies("a=1; b=2; c=3"));
        fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), journal().hop(FINESSE, "GET", "/lab/x/check")
                .header("Cookie", "a=1").header("Cookie", "b=2").header("Cookie", "c=3").answer(200));
        fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), checkWithCookies("a=1, b=2, c=3"));
        assertThat(fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3),
                checkWithCookies("$Version=1; a=1; $Path=/; b=2; c=3")).observed()).contains("[$Version, $Path]");
        fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), checkWithCookies("a=1; b=2"));
        fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), checkWithCookies("a=1; b=2; c"));
        fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), journal().hop(FINESSE, "GET", "/lab/x/check").answer(200));
        fails(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 3), journal());
        passes(new EnsureOneCookieHeader("C16", FINESSE_CHECK, 2), checkWithCookies("a=1; b=2; c=3"));
        passes(new EnsureCookieOrder("C17", "a", "deep", "root", FINESSE_CHECK), checkWithCookies("a=deep; a=root"));
        fails(new EnsureCookieOrder("C17", "a", "deep", "root", FINESSE_CHECK), checkWithCookies("a=root; a=deep"));
    }

    @Test
    void scriptCookieView() {
        Check check = new EnsureScriptCookieView("C20", "v", "h", "secret", Target.parse("https://idp.test/lab/c20/report"));
        passes(check, journal().hop(IDP, "GET", "/lab/c20/report?seen=v%3D1").header("Cookie", "h=secret; v=1")
                .answer(200));
        fails(check, journal().hop(IDP, "GET", "/lab/c20/report?seen=v%3D1%3B%20h%3Dsecret")
                .header("Cookie", "h=secret; v=1").answer(200));
        fails(check, journal().hop(IDP, "GET", "/lab/c20/report?seen=v%3D1").header("Cookie", "h=overwritten; v=1")
                .answer(200));
    }

    @Test
    void noscriptHandled() {
        Check check = new EnsureNoscriptHandled("J3", Target.parse("https://idp.test/lab/j3/post"));
        passes(check, journal().hop(IDP, "POST", "/lab/j3/post").answer(200));
        passes(check, journal().failure("a form that only a <noscript> button submits"));
        fails(check, journal().hop(IDP, "GET", "/lab/j3/page").answer(200));
    }

    @Test
    void refererIsOriginOnly() {
        Check check = new EnsureRefererIsOrigin("R10", Target.parse("https://ids.test/ids/saml/response"));
        passes(check, journal().hop(IDS, "POST", "/ids/saml/response").header("Referer", "https://idp.test:8443/")
                .answer(200));
        passes(check, journal().hop(IDS, "POST", "/ids/saml/response").answer(200));
        fails(check, journal().hop(IDS, "POST", "/ids/saml/response")
                .header("Referer", "https://idp.test:8443/adfs/ls/?SAMLRequest=x").answer(200));
    }

    @Test
    void contractProbe() {
        passes(new EnsureContract("shape", List::of), journal());
        fails(new EnsureContract("shape", () -> List.of("[status] expected 200 but was 500")), journal());
    }
}
