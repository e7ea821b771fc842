package dev.ssokit.conformance.checks;

import static dev.ssokit.conformance.checks.CheckFixture.fails;
import static dev.ssokit.conformance.checks.CheckFixture.passes;
import static dev.ssokit.conformance.checks.Hops.journal;
import static dev.ssokit.world.StubSystem.FINESSE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks of the lifecycle over several cycles, credential hygiene, single use and request shape. */
class PowerChecksTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String json(String token, int expires) {
        return "{\"token\":\"" + token + "\",\"refresh_token\":\"r\",\"expires_in\":" + expires + "}";
    }

    private static Hops signIn(Hops hops, long at, String token) {
        return hops.hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&return_refresh_token=true").at(at).answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&return_refresh_token=true").at(at)
                .page(json(token, 300)).answer(200);
    }

    private static Hops refresh(Hops hops, long at, String posted, String granted) {
        return hops.hop(FINESSE, "POST", "/desktop/sso/token?cc_username=a").at(at)
                .form("token=" + posted + "&refresh-token=r").page(json(granted, 300)).answer(200);
    }

    private static Hops call(Hops hops, long at, String bearer) {
        return hops.hop(FINESSE, "GET", "/finesse/api/User/98411").at(at).header("Authorization", "Bearer " + bearer)
                .answer(200);
    }

    @Test
    void everyRefreshInWindowOverSeveralCycles() {
        passes(new EnsureEveryRefreshInWindow(720), refresh(refresh(refresh(signIn(journal(), 0, "t0"), 240, "t0", "t1"),
                480, "t1", "t2"), 720, "t2", "t3"));
        assertThat(fails(new EnsureEveryRefreshInWindow(720), refresh(refresh(signIn(journal(), 0, "t0"), 240, "t0",
                "t1"), 270, "t1", "t2")).observed()).contains("after 30 s").contains("too early");
        assertThat(fails(new EnsureEveryRefreshInWindow(720), refresh(signIn(journal(), 0, "t0"), 300, "t0", "t1"))
                .observed()).contains("too late");
        assertThat(fails(new EnsureEveryRefreshInWindow(720), refresh(signIn(journal(), 0, "t0"), 240, "t0", "t1"))
                .observed()).contains("expired at t=540 s").contains("1 refresh");
        passes(new EnsureEveryRefreshInWindow(500), refresh(signIn(journal(), 0, "t0"), 225, "t0", "t1"));
        fails(new EnsureEveryRefreshInWindow(500), refresh(signIn(journal(), 0, "t0"), 224, "t0", "t1"));
        passes(new EnsureEveryRefreshInWindow(299), signIn(journal(), 0, "t0"));
        fails(new EnsureEveryRefreshInWindow(300), signIn(journal(), 0, "t0"));
        fails(new EnsureEveryRefreshInWindow(10), journal());
    }

    @Test
    void callsUseTheLatestToken() {
        passes(new EnsureCallsUseLatestToken(), call(refresh(call(signIn(journal(), 0, "t0"), 10, "t0"), 240, "t0", "t1"),
                250, "t1"));
        assertThat(fails(new EnsureCallsUseLatestToken(), call(refresh(signIn(journal(), 0, "t0"), 240, "t0", "t1"),
                250, "t0")).observed()).contains("older token");
        assertThat(fails(new EnsureCallsUseLatestToken(), call(refresh(signIn(journal(), 0, "t0"), 240, "t0", "t1"),
                250, "forged")).observed()).contains("never granted");
        fails(new EnsureCallsUseLatestToken(), call(signIn(journal(), 0, "t0"), 10, "t0"));
        fails(new EnsureCallsUseLatestToken(), call(call(journal(), 0, "x"), 1, "y"));
    }

    @Test
    void refreshPostsTheCurrentToken() {
        passes(new EnsureRefreshPostsCurrentToken(), refresh(refresh(signIn(journal(), 0, "t0"), 240, "t0", "t1"), 480,
                "t1", "t2"));
        assertThat(fails(new EnsureRefreshPostsCurrentToken(), refresh(refresh(signIn(journal(), 0, "t0"), 240, "t0",
                "t1"), 480, "t0", "t2")).observed()).contains("older access token");
        assertThat(fails(new EnsureRefreshPostsCurrentToken(), refresh(signIn(journal(), 0, "t0"), 240, "zz", "t1"))
                .observed()).contains("never granted");
        assertThat(fails(new EnsureRefreshPostsCurrentToken(), signIn(journal(), 0, "t0")
                .hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401)).observed())
                .contains("no token field");
        fails(new EnsureRefreshPostsCurrentToken(), signIn(journal(), 0, "t0"));
    }

    @Test
    void refreshAfterSigningInAgain() {
        Hops twice = signIn(refresh(signIn(journal(), 0, "t0"), 240, "t0", "t1"), 240, "t2");
        passes(new EnsureRefreshAfterReauth(), refresh(twice, 480, "t2", "t3"));
        fails(new EnsureRefreshAfterReauth(), signIn(journal(), 0, "t0"));
        Hops again = signIn(journal(), 0, "t0").hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").at(240)
                .answer(302).hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").at(480).answer(302);
        assertThat(fails(new EnsureRefreshAfterReauth(), again).observed()).contains("signed in once more")
                .contains("return_refresh_token=true");
        Hops asked = signIn(signIn(journal(), 0, "t0"), 240, "t1");
        // asking for a refresh token again is what the client controls; what the grant then allows is not F11's
        passes(new EnsureRefreshAfterReauth(), asked);
        Hops refused = signIn(signIn(journal(), 0, "t0"), 240, "t1").hop(FINESSE, "POST", "/desktop/sso/token")
                .at(480).form("token=t1&refresh-token=r").answer(401);
        passes(new EnsureRefreshAfterReauth(), refused);
        Hops before = refresh(signIn(signIn(journal(), 0, "t0"), 240, "t1"), 240, "t0", "t1");
        passes(new EnsureRefreshAfterReauth(), before);
    }

    @Test
    void oneBearerAndNoPassword() {
        passes(new EnsureSingleBearerCredential(), call(journal(), 0, "t0"));
        assertThat(fails(new EnsureSingleBearerCredential(), journal().hop(FINESSE, "GET", "/finesse/api/User/1")
                .header("Authorization", "Bearer t").header("Authorization", "Basic YTpi").answer(200)).observed())
                .startsWith("2 Authorization header(s), with Basic");
        assertThat(fails(new EnsureSingleBearerCredential(), call(journal(), 0, "t").hop(FINESSE, "GET",
                "/finesse/api/User/1").header("Authorization", "basic YTpi").answer(401)).observed())
                .startsWith("1 Authorization header(s), with Basic");
        assertThat(fails(new EnsureSingleBearerCredential(), journal().hop(FINESSE, "GET", "/finesse/api/User/1")
                .header("Authorization", "Bearer a").header("Authorization", "Bearer b").answer(200)).observed())
                .isEqualTo("2 Authorization header(s)");
        fails(new EnsureSingleBearerCredential(), journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").answer(200));
    }

    @Test
    void authCodeOnce() {
        Hops once = journal().hop(FINESSE, "GET", "/desktop/sso/authcode?code=c1").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/authcode?code=c2").answer(302);
        passes(new EnsureAuthCodeUsedOnce(), once);
        assertThat(fails(new EnsureAuthCodeUsedOnce(), once.hop(FINESSE, "GET", "/desktop/sso/authcode?code=c1")
                .answer(401)).observed()).contains("presented again").contains("#3");
        fails(new EnsureAuthCodeUsedOnce(), journal());
    }

    @Test
    void repostKeepsContentTypeAndLength() {
        Target from = Target.parse("https://finesse.test/p");
        Target to = Target.parse("https://finesse.test/t");
        passes(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/p").form("a=1").answer(307)
                .hop(FINESSE, "POST", "/t").form("a=1").header("Content-Length", "3").answer(200));
        passes(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/p").form("a=1").answer(307)
                .hop(FINESSE, "POST", "/t").header("Content-Type", FORM.toUpperCase()).answer(200));
        assertThat(fails(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/p").form("a=1")
                .answer(307).hop(FINESSE, "POST", "/t").body("a=1").answer(200)).observed()).startsWith("no Content-Type");
        assertThat(fails(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/p").form("a=1")
                .answer(307).hop(FINESSE, "POST", "/t").header("Content-Type", "text/plain").body("a=1").answer(200))
                .observed()).startsWith("Content-Type text/plain");
        assertThat(fails(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/p").form("a=1")
                .answer(307).hop(FINESSE, "POST", "/t").form("a=1").header("Content-Length", "9").answer(200))
                .observed()).startsWith("Content-Length 9");
        fails(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/p").form("a=1").answer(307));
        fails(new EnsureRepostHeaders("R11", from, to), journal().hop(FINESSE, "POST", "/t").form("a=1").answer(307));
    }

    @Test
    void locationFollowedAsSent() {
        EnsureRawTargetRequested check = new EnsureRawTargetRequested("R12", "finesse.test", "/lab/r12/a%20b?q=%2B");
        passes(check, journal().hop(FINESSE, "GET", "/lab/r12/a%20b?q=%2B").answer(200));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/lab/r12/a%2520b?q=%252B").answer(200)).observed())
                .contains("encoded again");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/lab/r12/a%20b?q=+").answer(200)).observed())
                .contains("decoded or altered");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/other").answer(200)).observed())
                .isEqualTo("nothing requested under /lab/");
        fails(check, journal().hop(dev.ssokit.world.StubSystem.IDS, "GET", "/lab/r12/a%20b?q=%2B").answer(200));
    }

    @Test
    void fragmentStaysInTheClient() {
        EnsureNoFragmentSent check = new EnsureNoFragmentSent("R13", "desk");
        passes(check, journal().hop(FINESSE, "GET", "/lab/r5/start").answer(302));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/lab/r5/start%23desk").answer(404)).observed())
                .contains("/lab/r5/start%23desk");
        fails(check, journal().hop(FINESSE, "GET", "/lab/r5/start?x=1#desk").answer(404));
        fails(check, journal());
    }

    @Test
    void grantsReadFromTokenAnswers() {
        Hops hops = signIn(journal(), 0, "t0").hop(FINESSE, "GET", "/desktop/sso/token").page("{\"error\":1}").answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token").page(json("x", 1)).answer(401)
                .hop(FINESSE, "GET", "/other").page(json("y", 1)).answer(200)
                .hop(dev.ssokit.world.StubSystem.IDS, "GET", "/desktop/sso/token").page(json("z", 1)).answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token").page("{\"token\":\"n\"}").answer(200);
        var grants = TokenGrants.in(hops.evidence());
        assertThat(grants).extracting(TokenGrants.Grant::accessToken).containsExactly("t0", "n");
        assertThat(grants.get(0).expiresIn()).isEqualTo(300);
        assertThat(grants.get(0).refresh()).isFalse();
        assertThat(grants.get(1).expiresIn()).isZero();
        assertThat(grants.get(0).expiresAt()).isEqualTo(300);
        assertThat(TokenGrants.before(grants, grants.get(0).exchange())).isEmpty();
        assertThat(TokenGrants.before(grants, grants.get(1).exchange())).contains(grants.get(0));
        assertThat(TokenGrants.bearer(call(journal(), 0, "abc").evidence().journal().get(0))).isEqualTo("abc");
        assertThat(TokenGrants.bearer(journal().hop(FINESSE, "GET", "/x").header("Authorization", "Basic q").answer(200)
                .evidence().journal().get(0))).isEmpty();
    }

    private static Hops idpPost(String userField) {
        return journal().hop(dev.ssokit.world.StubSystem.IDP, "POST", "/adfs/ls/?client-request-id=1")
                .form("UserName=" + userField + "&Password=p&AuthMethod=FormsAuthentication").answer(200);
    }

    @Test
    void idpFormDiagnosesPlusAndCharset() {
        passes(new EnsureIdpFormPostedLikeBrowser("anne+ops"), idpPost("anne%2Bops"));
        passes(new EnsureIdpFormPostedLikeBrowser("ren\u00e9"), idpPost("ren%C3%A9"));
        Verdict plus = fails(new EnsureIdpFormPostedLikeBrowser("anne+ops"), idpPost("anne+ops"));
        assertThat(plus.observed()).isEqualTo("the IdP read UserName 'anne ops' from UserName=anne+ops: the '+' was not "
                + "percent-encoded (%2B), so it decodes to a space; the IdP then shows its login page again, which looks "
                + "like a wrong password but is not");
        assertThat(plus.expected()).isEqualTo("UserName=anne+ops, form-encoded in UTF-8 (anne%2Bops), in "
                + "#1 POST idp.test /adfs/ls/ -> 200");
        Verdict latin = fails(new EnsureIdpFormPostedLikeBrowser("ren\u00e9"), idpPost("ren%E9"));
        assertThat(latin.observed()).contains("from UserName=ren%E9: the form was encoded in ISO-8859-1");
        Verdict other = fails(new EnsureIdpFormPostedLikeBrowser("sjefferson"), idpPost("someone"));
        assertThat(other.observed()).contains(": the client filled in another name;");
        assertThat(fails(new EnsureIdpFormPostedLikeBrowser("sjefferson"), journal().hop(dev.ssokit.world.StubSystem.IDP,
                "POST", "/adfs/ls/?client-request-id=1").form("Password=p&AuthMethod=FormsAuthentication").answer(200))
                .observed()).isEqualTo("fields [Password, AuthMethod]");
        fails(new EnsureIdpFormPostedLikeBrowser("sjefferson"), journal().hop(dev.ssokit.world.StubSystem.IDP,
                "POST", "/adfs/ls/?client-request-id=1").form("UserName=sjefferson&AuthMethod=FormsAuthentication")
                .answer(200));
        assertThat(EnsureIdpFormPostedLikeBrowser.diagnosis("ren\u00e9", "ren\u00e9x", "UserName=ren%C3%A9x"))
                .isEqualTo(": the client filled in another name");
        assertThat(EnsureIdpFormPostedLikeBrowser.diagnosis("a+b", "a b", "UserName=a+b")).contains("'+'");
        assertThat(EnsureIdpFormPostedLikeBrowser.diagnosis("a+b", "a-b", "UserName=a-b"))
                .isEqualTo(": the client filled in another name");
    }

    @Test
    void exchangeLinesShowTheVirtualTimeWhenItMoved() {
        var at0 = journal().hop(FINESSE, "GET", "/x?secret=1").answer(200).evidence().journal().get(0);
        var at1 = journal().hop(FINESSE, "GET", "/x").at(1).answer(302).evidence().journal().get(0);
        assertThat(Exchanges.line(at0)).isEqualTo("#1 GET finesse.test /x -> 200");
        assertThat(Exchanges.line(at1)).isEqualTo("#1 GET finesse.test /x -> 302 (t=1 s)");
    }

    @Test
    void refreshWindowMessagesNameTheBoundsAndTheShare() {
        Verdict early = fails(new EnsureEveryRefreshInWindow(720), refresh(refresh(signIn(journal(), 0, "t0"), 240, "t0",
                "t1"), 270, "t1", "t2"));
        assertThat(early.expected()).isEqualTo("the token granted at t=240 s (expires_in 300 s) renewed between t=465 s "
                + "and t=540 s");
        assertThat(early.observed()).startsWith("refresh #4 POST finesse.test /desktop/sso/token -> 200 (t=270 s) "
                + "renewed it after 30 s (10 %): too early");
        Verdict late = fails(new EnsureEveryRefreshInWindow(720), signIn(signIn(journal(), 0, "t0"), 301, "t1"));
        assertThat(late.observed()).startsWith("new sign-in #4 GET finesse.test /desktop/sso/token -> 200 (t=301 s) "
                + "renewed it after 301 s (100 %): too late");
        Verdict zero = fails(new EnsureEveryRefreshInWindow(720), journal().hop(FINESSE, "GET", "/desktop/sso/token")
                .page("{\"token\":\"a\"}").answer(200).hop(FINESSE, "GET", "/desktop/sso/token").at(5)
                .page("{\"token\":\"b\"}").answer(200));
        assertThat(zero.observed()).contains("(0 %)");
        passes(new EnsureEveryRefreshInWindow(700), refresh(refresh(signIn(journal(), 0, "t0"), 299, "t0", "t1"), 524,
                "t1", "t2"));
        Verdict stopped = fails(new EnsureEveryRefreshInWindow(900), refresh(refresh(signIn(journal(), 0, "t0"), 240,
                "t0", "t1"), 480, "t1", "t2"));
        assertThat(stopped.expected()).isEqualTo("a valid token at t=900 s (each one renewed before it ran out)");
        assertThat(stopped.observed()).endsWith("expired at t=780 s and was never renewed: the refresh timer stopped "
                + "after 2 refresh(es)");
    }
}
