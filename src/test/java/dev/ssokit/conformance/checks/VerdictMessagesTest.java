package dev.ssokit.conformance.checks;

import static dev.ssokit.conformance.checks.Hops.journal;
import static dev.ssokit.world.StubSystem.FINESSE;
import static dev.ssokit.world.StubSystem.IDP;
import static dev.ssokit.world.StubSystem.IDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verdicts and failure messages of the checks the first unit tests left thin (found by PIT): each failure names what
 * the client did, what it should have done, and the hop (method, host, path).
 */
class VerdictMessagesTest {
    private static final String SYSTEM_INFO = "/finesse/api/SystemInfo";

    private static Verdict passes(Check check, Hops hops) {
        Verdict verdict = check.evaluate(hops.evidence());
        assertThat(verdict.passed()).as("%s should pass, but: expected %s, observed %s",
                check.getClass().getSimpleName(), verdict.expected(), verdict.observed()).isTrue();
        return verdict;
    }

    private static Verdict fails(Check check, Hops hops) {
        Verdict verdict = check.evaluate(hops.evidence());
        assertThat(verdict.passed()).as("%s should fail, observed %s", check.getClass().getSimpleName(),
                verdict.observed()).isFalse();
        assertThat(verdict.observed()).isNotBlank();
        return verdict;
    }

    private static String json(String token, int expires) {
        return "{\"token\":\"" + token + "\",\"refresh_token\":\"r\",\"expires_in\":" + expires + "}";
    }

    // --- F17: SystemInfo behind the VPN-less reverse proxy -------------------------------------------------------

    @Test
    void systemInfoRetriedOnceWithCredentials() {
        Check check = new EnsureSystemInfoRetriedWithCredentials();
        Verdict ok = passes(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/a").answer(200)
                .hop(FINESSE, "GET", SYSTEM_INFO).answer(401)
                .hop(FINESSE, "GET", SYSTEM_INFO).header("Authorization", "Basic YTpi").answer(200));
        assertThat(ok.observed()).contains("#3 GET finesse.test " + SYSTEM_INFO + " -> 200").contains("[Basic]");

        assertThat(fails(check, journal()).expected()).contains("with credentials answered 200");
        Verdict allRefused = fails(check, journal().hop(FINESSE, "GET", SYSTEM_INFO).answer(401)
                .hop(FINESSE, "GET", SYSTEM_INFO).header("Authorization", "Bearer x").answer(401));
        assertThat(allRefused.observed()).contains("#1 GET").contains("#2 GET");

        Verdict twice = fails(check, journal().hop(FINESSE, "GET", SYSTEM_INFO).answer(401)
                .hop(FINESSE, "GET", SYSTEM_INFO).answer(401)
                .hop(FINESSE, "GET", SYSTEM_INFO).header("Authorization", "Basic YTpi").answer(200));
        assertThat(twice.expected()).isEqualTo("one 401, then one retry with credentials");
        assertThat(twice.observed()).startsWith("2 refused reads").contains("#2 GET").contains("#3 GET");

        Verdict bare = fails(check, journal().hop(FINESSE, "GET", SYSTEM_INFO).answer(401)
                .hop(FINESSE, "GET", SYSTEM_INFO).answer(200));
        assertThat(bare.observed()).contains("#2 GET").endsWith("with []");
        fails(check, journal().hop(FINESSE, "GET", SYSTEM_INFO).answer(401)
                .hop(FINESSE, "GET", SYSTEM_INFO).header("Authorization", "Basic YTpi").answer(403));
    }

    // --- F5: the loginId lookup: a skipped lookup and a wrong id are told apart ---------------------------------

    @Test
    void loginIdLookupTellsASkippedLookupFromAWrongId() {
        Check check = new EnsureLoginIdLookedUp("mary ann");
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/User/mary%20ann").answer(200));
        assertThat(fails(check, journal()).observed()).isEqualTo("no User API call at all");

        Verdict skipped = fails(check, journal().hop(FINESSE, "PUT", "/finesse/api/User/mary%20ann").answer(401));
        assertThat(skipped.observed()).contains("#1 PUT finesse.test /finesse/api/User/mary%20ann")
                .contains("skipped the loginId lookup");

        Verdict wrongId = fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/mary@corp").answer(404));
        assertThat(wrongId.observed()).contains("#1 GET finesse.test /finesse/api/User/mary@corp")
                .contains("looked up 'mary@corp', not the token's user_id 'mary ann'").doesNotContain("skipped");

        Verdict plus = fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/mary+ann").answer(404));
        assertThat(plus.observed()).contains("looked up 'mary+ann'").contains("%20").doesNotContain("skipped")
                .doesNotContain("not the token's user_id");
    }

    // --- F7: Bearer in the header only ----------------------------------------------------------------------------

    @Test
    void bearerInTheHeaderOnly() {
        Check check = new EnsureBearerInHeaderOnly();
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411?x=1").header("Authorization", "bearer t")
                .answer(200));
        assertThat(fails(check, journal()).observed()).isEqualTo("no User API call was made");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411?access=eyJabc")
                .header("Authorization", "Bearer t").answer(200)).observed()).contains("query string")
                .contains("#1 GET finesse.test /finesse/api/User/98411");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411?Access_Token=abc")
                .header("Authorization", "Bearer t").answer(200)).observed()).contains("query string");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411")
                .header("Authorization", "Basic YTpi").answer(200)).observed()).contains("without a Bearer")
                .contains("#1 GET");
        Verdict two = fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411")
                .header("Authorization", "Bearer t").header("Authorization", "Basic YTpi").answer(200));
        assertThat(two.observed()).contains("[Bearer, Basic]").contains("#1 GET");
    }

    // --- F11: after signing in again, a refresh ------------------------------------------------------------------

    private static Hops start(Hops hops, long at, boolean askRefresh) {
        return hops.hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a" + (askRefresh ? "&return_refresh_token=true"
                : "")).at(at).answer(302);
    }

    @Test
    void refreshAfterReauth() {
        Check check = new EnsureRefreshAfterReauth();
        Verdict refreshed = passes(check, start(start(journal(), 0, true), 240, false)
                .hop(FINESSE, "POST", "/desktop/sso/token").at(465).form("token=t&refresh-token=r").answer(200));
        assertThat(refreshed.observed()).startsWith("a refresh after #2 GET");
        assertThat(passes(check, start(start(journal(), 0, true), 240, true)).observed())
                .contains("asked for a refresh token");

        Verdict refreshBefore = fails(check, start(start(journal(), 0, true)
                .hop(FINESSE, "POST", "/desktop/sso/token").at(200).form("token=t&refresh-token=r").answer(200), 240, false));
        assertThat(refreshBefore.observed()).startsWith("no refresh followed").contains("return_refresh_token=true");
        fails(check, start(start(journal(), 0, true), 240, false)
                .hop(FINESSE, "POST", "/desktop/sso/token").at(465).form("token=t&refresh-token=r").answer(401));
        fails(check, start(start(journal(), 0, true), 240, false)
                .hop(FINESSE, "GET", "/finesse/api/User/98411").at(465).answer(200));
        Verdict again = fails(check, start(start(start(journal(), 0, true), 240, false), 480, false));
        assertThat(again.expected()).contains("#2 GET finesse.test /desktop/sso/token");
        assertThat(again.observed()).contains("signed in once more instead (#3 GET");
        assertThat(fails(check, start(journal(), 0, true)).expected()).contains("a sign-in again");
    }

    // --- F11: one sign-in again after a refused refresh ----------------------------------------------------------

    private static Hops refusedThenFlow(int authorizes, int logins) {
        Hops hops = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=t&refresh-token=r").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&return_refresh_token=true").answer(302);
        for (int i = 0; i < authorizes; i++) {
            hops = hops.hop(IDS, "GET", "/ids/v1/oauth/authorize?client_id=x").answer(302);
        }
        hops = hops.hop(IDP, "GET", "/adfs/ls/").answer(200);
        for (int i = 0; i < logins; i++) {
            hops = hops.hop(IDP, "POST", "/adfs/ls/?client-request-id=1").form("UserName=a&Password=b").answer(200);
        }
        return hops.hop(IDS, "POST", "/ids/saml/response").form("SAMLResponse=x").answer(200)
                .hop(IDS, "POST", "/ids/relay").form("uniqueId=u").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&return_refresh_token=true").page(json("t1", 300))
                .answer(200).token("a", true);
    }

    @Test
    void singleReauthAfterRefusedRefresh() {
        Check check = new EnsureSingleReauthAfterRefusedRefresh();
        passes(check, refusedThenFlow(1, 1));
        passes(check, refusedThenFlow(1, 0));
        assertThat(fails(check, refusedThenFlow(2, 1)).observed()).contains("2 authorize(s)").contains("1 login(s)")
                .contains("after #1 POST finesse.test /desktop/sso/token -> 401");
        assertThat(fails(check, refusedThenFlow(1, 2)).observed()).contains("1 authorize(s)").contains("2 login(s)");
    }

    // --- F16/F9: each refresh token once, and a refused refresh explained ----------------------------------------

    private static Hops signIn(Hops hops, long at, String token) {
        return hops.hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&return_refresh_token=true").at(at)
                .page(json(token, 300)).answer(200);
    }

    @Test
    void eachRefreshTokenUsedOnce() {
        assertThat(fails(new EnsureEachRefreshTokenUsedOnce(2), signIn(journal(), 0, "t0")
                .hop(FINESSE, "POST", "/desktop/sso/token").at(240).form("token=t0&refresh-token=r1")
                .page(json("t1", 300)).answer(200)).observed()).startsWith("1:").contains("#2 POST");
        passes(new EnsureEachRefreshTokenUsedOnce(2), signIn(journal(), 0, "t0")
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&refresh-token=r1").at(240).page(json("t1", 300))
                .answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&refresh-token=r2").at(480).page(json("t2", 300))
                .answer(200));
        assertThat(fails(new EnsureEachRefreshTokenUsedOnce(2), signIn(journal(), 0, "t0")
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&refresh-token=r1").at(240).page(json("t1", 300))
                .answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&refresh-token=r1").at(480).answer(200))
                .observed()).contains("already used").contains("#3 GET");
        assertThat(new EnsureEachRefreshTokenUsedOnce("F9", 1).severity()).isEqualTo(Severity.FAIL);
        assertThat(new EnsureEachRefreshTokenUsedOnce(1).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void aRefusedRefreshWithAnOldAccessTokenIsNotBlamedOnTheRefreshToken() {
        Hops twoCycles = signIn(journal(), 0, "t0")
                .hop(FINESSE, "POST", "/desktop/sso/token").at(240).form("token=t0&refresh-token=r1")
                .page(json("t1", 300)).answer(200);
        Verdict stale = fails(new EnsureEachRefreshTokenUsedOnce("F9", 2), twoCycles
                .hop(FINESSE, "POST", "/desktop/sso/token").at(480).form("token=t0&refresh-token=r2").answer(401));
        assertThat(stale.observed()).contains("#3 POST finesse.test /desktop/sso/token -> 401")
                .contains("refresh token was new")
                .contains("older access token of #1 GET").contains("not the current one of #2 POST");
        Hops again = signIn(journal(), 0, "t0")
                .hop(FINESSE, "POST", "/desktop/sso/token").at(240).form("token=t0&refresh-token=r1")
                .page(json("t1", 300)).answer(200);
        assertThat(fails(new EnsureEachRefreshTokenUsedOnce("F9", 2), again
                .hop(FINESSE, "POST", "/desktop/sso/token").at(480).form("token=forged&refresh-token=r2").answer(401))
                .observed()).contains("never granted");
        Hops current = signIn(journal(), 0, "t0")
                .hop(FINESSE, "POST", "/desktop/sso/token").at(240).form("token=t0&refresh-token=r1")
                .page(json("t1", 300)).answer(200);
        assertThat(fails(new EnsureEachRefreshTokenUsedOnce("F9", 2), current
                .hop(FINESSE, "POST", "/desktop/sso/token").at(480).form("token=t1&refresh-token=r2").answer(401))
                .observed()).endsWith("refresh token was new");
    }

    // --- F8 over several cycles ----------------------------------------------------------------------------------

    @Test
    void noTokenRunsOutOverSeveralCycles() {
        Check check = new EnsureNoTokenRanOut(720);
        assertThat(check.requirement()).isEqualTo("F8");
        assertThat(check.severity()).isEqualTo(Severity.FAIL);
        assertThat(check.rule()).contains("t=720 s");
        Hops early = signIn(journal(), 0, "t0");
        for (int at = 40; at <= 720; at += 40) {
            early.hop(FINESSE, "POST", "/desktop/sso/token").at(at).form("token=t&refresh-token=r")
                    .page(json("t" + at, 300)).answer(200);
        }
        passes(check, early);
        passes(check, signIn(journal(), 0, "t0").hop(FINESSE, "POST", "/desktop/sso/token").at(299)
                .form("token=t0&refresh-token=r").page(json("t1", 300)).answer(200)
                .hop(FINESSE, "POST", "/desktop/sso/token").at(598).form("token=t1&refresh-token=r")
                .page(json("t2", 300)).answer(200));

        Verdict oneShot = fails(check, signIn(journal(), 0, "t0").hop(FINESSE, "POST", "/desktop/sso/token").at(240)
                .form("token=t0&refresh-token=r").page(json("t1", 300)).answer(200));
        assertThat(oneShot.observed()).contains("granted at t=240 s by #2 POST finesse.test /desktop/sso/token")
                .contains("expired at t=540 s").contains("1 renewal(s)");
        Verdict late = fails(check, signIn(journal(), 0, "t0").hop(FINESSE, "POST", "/desktop/sso/token").at(300)
                .form("token=t0&refresh-token=r").page(json("t1", 600)).answer(200));
        assertThat(late.expected()).contains("expired at t=300 s");
        assertThat(late.observed()).startsWith("the refresh #2 POST").contains("came at t=300 s");
        Verdict lateSignIn = fails(check, signIn(signIn(journal(), 0, "t0"), 400, "t1"));
        assertThat(lateSignIn.observed()).startsWith("the sign-in #2 GET");
        passes(new EnsureNoTokenRanOut(299), signIn(journal(), 0, "t0"));
        fails(new EnsureNoTokenRanOut(300), signIn(journal(), 0, "t0"));
        assertThat(fails(check, journal()).observed()).contains("never got a token");
    }

    // --- cookies, headers, Referer --------------------------------------------------------------------------------

    @Test
    void cookieDelivery() {
        Target check = Target.parse("https://finesse.test/lab/c1/check");
        Hops sentTwice = journal().hop(FINESSE, "GET", "/lab/c1/check").header("Cookie", "a=1; b=2; a=1").answer(200);
        assertThat(new EnsureCookieDelivery("C1", "a", check, true, null).rule())
                .isEqualTo("Cookie a is sent to https://finesse.test/lab/c1/check");
        assertThat(new EnsureCookieDelivery("C1", "a", check, true, "1").rule()).contains("is sent with value 1");
        assertThat(new EnsureCookieDelivery("C1", "a", check, false, null).rule()).contains("a is not sent to");
        assertThat(fails(new EnsureCookieDelivery("C1", "a", check, true, null), sentTwice).observed())
                .isEqualTo("sent as a=1 and a=1");
        passes(new EnsureCookieDelivery("C1", "b", check, true, null), sentTwice);
        passes(new EnsureCookieDelivery("C1", "b", check, true, "2"), sentTwice);
        fails(new EnsureCookieDelivery("C1", "b", check, true, "3"), sentTwice);
        passes(new EnsureCookieDelivery("C1", "c", check, false, null), sentTwice);
        Verdict leaked = fails(new EnsureCookieDelivery("C1", "b", check, false, null), sentTwice);
        assertThat(leaked.expected()).isEqualTo("no b on #1 GET finesse.test /lab/c1/check -> 200");
        assertThat(fails(new EnsureCookieDelivery("C1", "c", check, true, null), sentTwice).observed())
                .isEqualTo("not sent (cookies sent: [a, b])");
        assertThat(fails(new EnsureCookieDelivery("C1", "a", check, true, null), journal()).expected())
                .contains("a request to https://finesse.test/lab/c1/check");
    }

    @Test
    void headerAtATarget() {
        Target landing = Target.parse("https://idp.test/lab/r8/landing");
        List<String> auth = List.of("authorization");
        Hops with = journal().hop(IDP, "GET", "/lab/r8/landing").header("Authorization", "Bearer x").answer(200);
        Hops without = journal().hop(IDP, "GET", "/lab/r8/landing").answer(200);
        assertThat(new EnsureHeaderAt("R8", auth, landing, false).rule()).startsWith("No [authorization] is sent");
        assertThat(new EnsureHeaderAt("R10", auth, landing, true).rule()).startsWith("One of [authorization] is sent");
        Verdict forwarded = fails(new EnsureHeaderAt("R8", auth, landing, false), with);
        assertThat(forwarded.expected()).isEqualTo("none of [authorization] on #1 GET idp.test /lab/r8/landing -> 200");
        assertThat(forwarded.observed()).isEqualTo("sent [authorization]");
        passes(new EnsureHeaderAt("R8", auth, landing, false), without);
        passes(new EnsureHeaderAt("R10", auth, landing, true), with);
        assertThat(fails(new EnsureHeaderAt("R10", auth, landing, true), without).observed())
                .isEqualTo("none of them was sent");
        assertThat(fails(new EnsureHeaderAt("R8", auth, landing, false), journal()).observed())
                .startsWith("never requested");
    }

    @Test
    void refererIsTheOriginAcrossOrigins() {
        Target target = Target.parse("https://ids.test/ids/saml/response");
        Check check = new EnsureRefererIsOrigin("R10", target);
        assertThat(passes(check, journal().hop(IDS, "POST", "/ids/saml/response").answer(200)).observed())
                .isEqualTo("no Referer");
        passes(check, journal().hop(IDS, "POST", "/ids/saml/response").header("Referer", "https://idp.test/").answer(200));
        passes(check, journal().hop(IDS, "POST", "/ids/saml/response").header("Referer", "https://idp.test").answer(200));
        Verdict path = fails(check, journal().hop(IDS, "POST", "/ids/saml/response")
                .header("Referer", "https://idp.test/adfs/ls/").answer(200));
        assertThat(path.expected()).isEqualTo("Referer: https://idp.test/ on #1 POST ids.test /ids/saml/response -> 200");
        assertThat(path.observed()).startsWith("Referer with path /adfs/ls/:");
        assertThat(fails(check, journal().hop(IDS, "POST", "/ids/saml/response")
                .header("Referer", "https://idp.test/?SAMLRequest=x").answer(200)).observed()).contains("and a query");
        assertThat(fails(check, journal()).observed()).isEqualTo("never requested");
    }

    // --- the early "nothing to judge" answers name what was missing ---------------------------------------------

    @Test
    void nothingToJudgeIsAFailureThatSaysWhatWasMissing() {
        assertThat(fails(new EnsureUserCallsUseLoginId("98411"), journal().hop(FINESSE, "GET", "/finesse/api/User/a")
                .answer(200)).observed()).startsWith("no state change was sent").contains("#1 GET");
        assertThat(fails(new EnsureRefreshAsPostForm(), journal()).observed()).isEqualTo("none was made");
        assertThat(fails(new EnsureRefreshRequestShape(), journal()).observed()).isEqualTo("none was made");
        assertThat(fails(new EnsureBasicCredentialsOnApiCalls(), journal()).observed())
                .isEqualTo("the client made no User API call");
        assertThat(fails(new EnsureCcUsernameInQuery("a"), journal()).observed()).isEqualTo("no token request was made");
        assertThat(fails(new EnsureCcUsernameCookie("a"), journal()).observed()).isEqualTo("no token request");
        assertThat(fails(new EnsureSystemInfoReadFirst("P1"), journal()).observed())
                .isEqualTo("the client sent no request");
        assertThat(fails(new EnsureScriptCookieView("C20", "v", "h", "1", Target.parse("https://idp.test/lab/c20/r")),
                journal()).observed()).contains("did the page script run");
        assertThat(fails(new EnsureBodyPreserved("R3", Target.parse("https://finesse.test/a"),
                Target.parse("https://finesse.test/b")), journal().hop(FINESSE, "POST", "/a").form("x=1").answer(307))
                .expected()).isEqualTo("POST https://finesse.test/a then POST https://finesse.test/b");
        assertThat(fails(new EnsureTokenHeld("J10", "anne"), journal().token("bob", true)).observed())
                .isEqualTo("user_id bob");
        assertThat(EnsureFailureReported.withStatus("P3", "the refusal", 403).words()).containsExactly("403");
    }

    @Test
    void lastStepAndSignInMessages() {
        Check last = new EnsureLastStepSucceeded("I3", "the last token request");
        passes(last, journal());
        Verdict failed = fails(last, journal().failure("The IdP showed no login form to fill"));
        assertThat(failed.expected()).isEqualTo("the last token request to succeed");
        assertThat(failed.observed()).isEqualTo("it failed: The IdP showed no login form to fill");

        Check signIn = new EnsureSignInAccepted("98411", "1001");
        assertThat(fails(signIn, journal().failure("GET /finesse/api/User/a answered 401")).observed())
                .isEqualTo("no PUT was sent; the client reported: GET /finesse/api/User/a answered 401");
        assertThat(fails(signIn, journal()).observed()).isEqualTo("no PUT was sent");
        assertThat(fails(signIn, journal().hop(FINESSE, "PUT", "/finesse/api/User/98411")
                .body("<User><state>READY</state></User>").answer(202)).observed())
                .startsWith("#1 PUT finesse.test /finesse/api/User/98411 -> 202 had the body");
    }

    @Test
    void refreshShapeMessagesNameTheHop() {
        Verdict query = fails(new EnsureRefreshAsPostForm(), journal()
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&refresh-token=r").answer(200));
        assertThat(query.observed()).contains("#1 GET finesse.test /desktop/sso/token -> 200").contains("TechNote 215626");
        Verdict bare = fails(new EnsureRefreshAsPostForm(), journal()
                .hop(FINESSE, "POST", "/desktop/sso/token").body("token=t&refresh-token=r").answer(200));
        assertThat(bare.observed()).isEqualTo("#1 POST finesse.test /desktop/sso/token -> 200 without Content-Type");
        Verdict noToken = fails(new EnsureRefreshRequestShape(), journal()
                .hop(FINESSE, "POST", "/desktop/sso/token").form("token=t&refresh-token=").answer(400));
        assertThat(noToken.observed()).startsWith("#1 POST finesse.test /desktop/sso/token -> 400 with fields [token, "
                + "refresh-token] and no refresh-token");
        passes(new EnsureRefreshRequestShape(), journal()
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a&refresh-token=r").answer(200));
    }

    @Test
    void idpFormWithoutAPostOrAFormBody() {
        Check check = new EnsureIdpFormPostedLikeBrowser("anne");
        assertThat(fails(check, journal().hop(IDP, "GET", "/adfs/ls/").answer(200)).observed()).startsWith("none:")
                .contains("#1 GET idp.test /adfs/ls/");
        assertThat(fails(check, journal().hop(IDP, "POST", "/adfs/ls/?client-request-id=1")
                .body("UserName=anne&Password=x&AuthMethod=FormsAuthentication").answer(200)).observed())
                .isEqualTo("no Content-Type");
    }

    @Test
    void formAndNameMessagesNameTheHop() {
        Check form = new EnsureIdpFormPostedLikeBrowser("anne");
        assertThat(fails(form, journal().hop(IDP, "POST", "/adfs/ls/").form("UserName=anne&Password=x").answer(200))
                .observed()).isEqualTo("the POST went to #1 POST idp.test /adfs/ls/ -> 200 without it: the relative "
                + "action was not resolved");
        assertThat(fails(form, journal().hop(IDP, "POST", "/adfs/ls/?client-request-id=1").form("UserName=anne&Password=x")
                .answer(200)).observed()).isEqualTo("AuthMethod missing in #1 POST idp.test /adfs/ls/ -> 200: post the "
                + "form's hidden fields with it");
        assertThat(fails(new EnsureCcUsernameInQuery("anne+ops"), journal()
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=anne+ops").answer(302)).expected())
                .isEqualTo("cc_username=anne%2Bops (decodes to 'anne+ops') on #1 GET finesse.test /desktop/sso/token -> 302");
        assertThat(fails(new EnsureCcUsernameCookie("anne+ops"), journal().hop(FINESSE, "GET", "/desktop/sso/token")
                .header("Cookie", "cc_username=anne+ops").answer(302)).expected())
                .endsWith("on #1 GET finesse.test /desktop/sso/token -> 302");
        Verdict posted = fails(new EnsureGetWithoutBody("R2", Target.parse("https://finesse.test/lab/r2/after303")),
                journal().hop(FINESSE, "POST", "/lab/r2/after303").form("a=1").answer(200));
        assertThat(posted.observed()).isEqualTo("POST with a body / Content-Type application/x-www-form-urlencoded "
                + "(#1 POST finesse.test /lab/r2/after303 -> 200)");
        assertThat(passes(new EnsureGetWithoutBody("R2", Target.parse("https://finesse.test/lab/r2/after303")),
                journal().hop(FINESSE, "GET", "/lab/r2/after303").answer(200)).observed()).startsWith("GET (#1 GET");
        assertThat(fails(new EnsureGetWithoutBody("R2", Target.parse("https://finesse.test/lab/r2/after303")),
                journal().hop(FINESSE, "GET", "/lab/r2/after303").body("x").answer(200)).observed()).startsWith("GET with a body");
        assertThat(fails(new CheckRenewalsPer401(), journal().hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401)
                .hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401)
                .hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401)).expected())
                .isEqualTo("at most 1 renewal and 1 retry after the 401 of #1 GET finesse.test /finesse/api/User/98411 -> 401");
    }

    @Test
    void boundariesAndSmallMessages() {
        Hops refreshAt = journal().hop(FINESSE, "POST", "/desktop/sso/token").at(300).form("token=t&refresh-token=r")
                .answer(200);
        assertThat(fails(new EnsureRefreshedBeforeExpiry(300), refreshAt).observed())
                .isEqualTo("first refresh at t=300 s, after the token expired");
        passes(new EnsureRefreshedBeforeExpiry(301), refreshAt);
        passes(new EnsureNoRefreshYet(300), refreshAt);
        assertThat(fails(new EnsureNoRefreshYet(301), refreshAt).observed()).contains("#1 POST");
        Hops loop = journal().hop(FINESSE, "GET", "/loop/a").answer(302).hop(FINESSE, "GET", "/loop/b").answer(302)
                .failure("redirect loop");
        passes(new EnsureRedirectLoopStopped("R6", "/loop/", 2), loop);
        assertThat(fails(new EnsureRedirectLoopStopped("R6", "/loop/", 1), loop).observed()).isEqualTo("2 requests");
        passes(new EnsureRedirectLoopStopped("R6", "/elsewhere/", 1), loop);
        assertThat(fails(new EnsureSingleSubmission(), journal()).expected())
                .isEqualTo("0 POST(s) to /ids/saml/response and to /ids/relay");
        assertThat(fails(new EnsureNoTokenHeld("F4"), journal().token("anne", true)).observed())
                .isEqualTo("the client holds a token for anne");
        passes(new EnsureNoTokenHeld("F4"), journal());
        assertThat(fails(new EnsureClientReported("P3", "the status", 403, null), journal().failure("refused"))
                .observed()).isEqualTo("nothing (refused)");
        assertThat(fails(new EnsureClientReported("P3", "the status", 403, 500), journal()).observed()).isEqualTo("500");
        Target done = Target.parse("https://finesse.test/lab/r1/done");
        assertThat(fails(new EnsureRequested("R1", "GET", done), journal().hop(FINESSE, "POST", "/lab/r1/done")
                .answer(405).failure("HTTP 405")).observed()).isEqualTo("requested with [POST]; the client reported: HTTP 405");
        assertThat(fails(new EnsureRequested("R1", "GET", done), journal().hop(FINESSE, "POST", "/lab/r1/done")
                .answer(405)).observed()).isEqualTo("requested with [POST]");
        assertThat(fails(new EnsureRequested("R1", "GET", done), journal().hop(FINESSE, "GET", "/lab/r1/start")
                .answer(308)).observed()).startsWith("never requested; the client's requests:").contains("#1 GET");
        assertThat(journal().evidence().listing(List.of())).isEqualTo("(none)");
        assertThat(Origins.listing(List.of())).isEqualTo("(none)");
        assertThat(TokenGrants.bearer(journal().hop(FINESSE, "GET", "/x").header("Authorization", "Basic YWxhZGRpbjpv")
                .answer(200).evidence().journal().get(0))).isEmpty();
        assertThat(journal().hop(FINESSE, "GET", "/finesse/api/User/1").answer(200).hop(IDS, "GET", "/finesse/api/User/2")
                .answer(200).evidence().to(FINESSE, "/finesse/api/User/")).hasSize(1);
        assertThat(Verdicts.capBySource("F12", Severity.FAIL)).isEqualTo(Severity.WARN);
        assertThat(Verdicts.capBySource("F8", Severity.FAIL)).isEqualTo(Severity.FAIL);
        assertThat(Verdicts.capBySource("F12", Severity.INFO)).isEqualTo(Severity.INFO);
        assertThat(Verdicts.capBySource("NO-SUCH-ID", Severity.FAIL)).isEqualTo(Severity.FAIL);
    }

    @Test
    void tokenHeldNeedsAUsableTokenAndAPostFormNamesItsContentType() {
        java.util.function.Function<dev.ssokit.model.TokenSet, Evidence> held = t -> new Evidence(List.of(),
                java.util.Optional.of(t), java.util.Optional.empty(), java.util.Optional.empty());
        Check check = new EnsureTokenHeld("J10", "anne");
        assertThat(check.evaluate(held.apply(new dev.ssokit.model.TokenSet(dev.ssokit.model.Secret.of("eyJ.a"),
                dev.ssokit.model.Secret.of("r"), 0, "anne", "realm", "anne@realm", java.time.Instant.EPOCH))).observed())
                .isEqualTo("token blank: false, expires_in 0");
        assertThat(check.evaluate(held.apply(new dev.ssokit.model.TokenSet(dev.ssokit.model.Secret.of("eyJ.a"),
                dev.ssokit.model.Secret.of("r"), 1, "anne", "realm", "anne@realm", java.time.Instant.EPOCH))).passed())
                .isTrue();
        assertThat(check.evaluate(held.apply(new dev.ssokit.model.TokenSet(dev.ssokit.model.Secret.of("eyJ.a"), null, 1,
                "anne", "realm", "anne@realm", java.time.Instant.EPOCH))).observed()).isEqualTo("no refresh token kept");
        assertThat(fails(new EnsureRefreshAsPostForm(), journal().hop(FINESSE, "POST", "/desktop/sso/token")
                .header("Content-Type", "text/plain").body("token=t&refresh-token=r").answer(400)).observed())
                .isEqualTo("#1 POST finesse.test /desktop/sso/token -> 400 with Content-Type text/plain");
        assertThat(fails(new EnsureCookieDelivery("C1", "a", Target.parse("https://finesse.test/c"), true, null),
                journal().hop(FINESSE, "GET", "/c").answer(200)).expected()).isEqualTo("a once on #1 GET finesse.test /c -> 200");
    }

    @Test
    void whatEachCheckLooksAtAndNothingElse() {
        Check signIn = new EnsureSignInAccepted("98411", "1001");
        passes(signIn, journal().hop(FINESSE, "GET", "/finesse/api/User/a").answer(200)
                .hop(FINESSE, "PUT", "/finesse/api/User/98411").body("<User><state>LOGIN</state><extension>1001"
                        + "</extension></User>").answer(202));
        assertThat(fails(new EnsureSingleBearerCredential(), journal().hop(FINESSE, "GET", SYSTEM_INFO).answer(200))
                .observed()).isEqualTo("no Finesse API call carried Authorization");
        assertThat(fails(new EnsureAuthCodeUsedOnce(), journal().hop(FINESSE, "GET", "/desktop/sso/token").answer(302))
                .observed()).isEqualTo("the client never reached it");
        Check noscript = new EnsureNoscriptHandled("J3", Target.parse("https://ids.test/lab/j3/continue"));
        passes(noscript, journal().failure("the page's <noscript> form was not submitted"));
        passes(noscript, journal().failure("no form to submit"));
        passes(noscript, journal().hop(IDS, "POST", "/lab/j3/continue").form("a=1").answer(200));
        assertThat(fails(noscript, journal().failure("timed out")).observed()).isEqualTo("neither: timed out");
        assertThat(fails(noscript, journal()).observed()).contains("reported success and posted nothing");
        Check password = new EnsurePasswordStaysWithLoginOrigin("Password");
        Hops login = journal().hop(IDP, "GET", "/adfs/ls/").page("<form><input type=password name=\"Password\"></form>")
                .answer(200);
        passes(password, login.hop(IDS, "POST", "/ids/saml/response").form("Password=&SAMLResponse=x").answer(200));
        Check followed = new EnsureRefreshRedirectFollowed();
        assertThat(fails(followed, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=t&refresh-token=r")
                .answer(200)).observed()).startsWith("refreshes:").contains("#1 POST");
        fails(followed, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=t&refresh-token=r").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(401));
    }
}
