package dev.ssokit.conformance.checks;

import static dev.ssokit.conformance.checks.CheckFixture.fails;
import static dev.ssokit.conformance.checks.CheckFixture.passes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.world.StubSystem;
import org.junit.jupiter.api.Test;

/** The checks of the deployment variants V5 (agent names), V6 (second IdS node) and V7 (proxy IP block). */
class DeploymentVariantChecksTest {
    private static final AgentNames KIM = new AgentNames("kwalker@corp.example", "kwalker", "kim.walker", "98416");

    // ---- AgentNames ----

    @Test
    void agentNamesSayWhichNameAValueIs() {
        assertThat(KIM.whichIs(null)).isEqualTo("nothing");
        assertThat(KIM.whichIs("KWalker@corp.example")).isEqualTo("'KWalker@corp.example', the IdP login name");
        assertThat(KIM.whichIs("kwalker")).isEqualTo("'kwalker', the uid (the token's user_id)");
        assertThat(KIM.whichIs("kim.walker")).isEqualTo("'kim.walker', the Finesse loginName");
        assertThat(KIM.whichIs("98416")).isEqualTo("'98416', the loginId (peripheralId)");
        assertThat(KIM.whichIs("someone")).isEqualTo("'someone', none of this agent's names");
        assertThat(KIM.legend()).contains("IdP login name 'kwalker@corp.example'", "uid 'kwalker'",
                "loginName 'kim.walker'", "loginId '98416'");
    }

    @Test
    void whereTheNamesAreAllTheSameTheLoginNameWins() {
        AgentNames same = new AgentNames("sjefferson", "sjefferson", "sjefferson", "98411");
        assertThat(same.whichIs("sjefferson")).isEqualTo("'sjefferson', the Finesse loginName");
        assertThat(same.whichIs("98411")).isEqualTo("'98411', the loginId (peripheralId)");
    }

    // ---- V5: the IdP page gets the IdP login name ----

    @Test
    void theIdpFormWithTheIdpLoginNamePassesIgnoringCase() {
        passes(new EnsureIdpGetsIdpLoginName(KIM, "UserName"), Hops.journal()
                .hop(StubSystem.IDP, "POST", "/adfs/ls/").form("UserName=KWALKER%40corp.example&Password=x").answer(200)
                .hop(StubSystem.IDP, "POST", "/adfs/ls/").form("UserName=kwalker%40corp.example&Password=x").answer(200));
    }

    @Test
    void theFinesseLoginNameOnTheIdpPageFailsAndSaysWhichNameItWas() {
        Verdict verdict = fails(new EnsureIdpGetsIdpLoginName(KIM, "UserName"), Hops.journal()
                .hop(StubSystem.IDP, "POST", "/adfs/ls/").form("UserName=kwalker%40corp.example&Password=x").answer(200)
                .hop(StubSystem.IDP, "POST", "/adfs/ls/").form("UserName=kim.walker&Password=x").answer(200));
        assertThat(verdict.observed()).contains("#2 POST", "UserName='kim.walker', the Finesse loginName",
                "only as 'kwalker@corp.example'");
        assertThat(verdict.expected()).startsWith("UserName=kwalker@corp.example on the IdP login form");
    }

    @Test
    void noIdpLoginPostFails() {
        Verdict verdict = fails(new EnsureIdpGetsIdpLoginName(KIM, "UserName"), Hops.journal()
                .hop(StubSystem.IDP, "POST", "/adfs/ls/").form("Other=kim.walker").answer(200)
                .hop(StubSystem.FINESSE, "POST", "/x").form("UserName=kwalker%40corp.example").answer(200)
                .hop(StubSystem.IDP, "GET", "/adfs/ls/?UserName=kwalker%40corp.example").answer(200));
        assertThat(verdict.observed()).isEqualTo("the IdP login form was never posted");
        assertThat(new EnsureIdpGetsIdpLoginName(KIM, "UserName").requirement()).isEqualTo("V5");
        assertThat(new EnsureIdpGetsIdpLoginName(KIM, "UserName").severity()).isEqualTo(Severity.FAIL);
        assertThat(new EnsureIdpGetsIdpLoginName(KIM, "UserName").rule()).contains("kwalker@corp.example");
    }

    // ---- V5: cc_username carries the Finesse name ----

    @Test
    void ccUsernameAsLoginNameOrLoginIdInQueryOrCookiePasses() {
        passes(new EnsureCcUsernameIsFinesseName(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token?cc_username=kim.walker").answer(302)
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token?cc_username=98416").answer(302)
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token").header("cookie", "cc_username=kim.walker")
                .answer(302)
                .hop(StubSystem.FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=b").answer(200));
    }

    @Test
    void ccUsernameAsTheIdpNameFailsNamingEveryWrongRequest() {
        Verdict verdict = fails(new EnsureCcUsernameIsFinesseName(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token?cc_username=kim.walker").answer(302)
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token").header("cookie",
                        "cc_username=kwalker%40corp.example").answer(302)
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token?cc_username=kwalker").answer(302));
        assertThat(verdict.observed()).contains("#2 GET", "cc_username='kwalker@corp.example', the IdP login name",
                "#3 GET", "'kwalker', the uid", "the IdP login name goes only on the IdP page")
                .doesNotContain("#1 GET");
    }

    @Test
    void aTokenRequestWithoutCcUsernameFailsAndNoneAtAllToo() {
        Verdict missing = fails(new EnsureCcUsernameIsFinesseName(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token").answer(302));
        assertThat(missing.observed()).contains("cc_username=nothing");
        Verdict none = fails(new EnsureCcUsernameIsFinesseName(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=b").answer(200)
                .hop(StubSystem.IDS, "GET", "/desktop/sso/token?cc_username=kim.walker").answer(200));
        assertThat(none.observed()).isEqualTo("no token request was sent");
        assertThat(new EnsureCcUsernameIsFinesseName(KIM).rule()).contains("kim.walker");
        assertThat(new EnsureCcUsernameIsFinesseName(KIM).requirement()).isEqualTo("V5");
        assertThat(new EnsureCcUsernameIsFinesseName(KIM).severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void aBadlyEncodedCookieIsJudgedAsSent() {
        Verdict verdict = fails(new EnsureCcUsernameIsFinesseName(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/desktop/sso/token").header("cookie", "cc_username=kim%zz").answer(302));
        assertThat(verdict.observed()).contains("'kim%zz', none of this agent's names");
    }

    // ---- V5: the loginId lookup ----

    @Test
    void lookupByUidOrLoginNameThenPutByLoginIdPasses() {
        passes(new EnsureLoginIdLookupNamesFinesseUser(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/User/kwalker").answer(200)
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/User/kim.walker").answer(200)
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/User/98416").answer(200)
                .hop(StubSystem.FINESSE, "PUT", "/finesse/api/User/98416").body("<User/>").answer(202));
    }

    @Test
    void aPutByLoginNameFailsAsAStateChange() {
        Verdict verdict = fails(new EnsureLoginIdLookupNamesFinesseUser(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/User/kwalker").answer(200)
                .hop(StubSystem.FINESSE, "PUT", "/finesse/api/User/kim.walker").body("<User/>").answer(401));
        assertThat(verdict.observed()).contains("#2 PUT", "'kim.walker', the Finesse loginName",
                "state changes name the loginId");
    }

    @Test
    void aLookupByTheIdpNameFails() {
        Verdict verdict = fails(new EnsureLoginIdLookupNamesFinesseUser(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/User/kwalker%40corp.example").answer(404));
        assertThat(verdict.observed()).contains("'kwalker@corp.example', the IdP login name",
                "never by the IdP login name");
        AgentNames plus = new AgentNames("anne+ops", "anne+ops", "anne+ops", "98413");
        passes(new EnsureLoginIdLookupNamesFinesseUser(plus), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/User/anne+ops").answer(200));
        Verdict put = fails(new EnsureLoginIdLookupNamesFinesseUser(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "PUT", "/finesse/api/User/kwalker").body("<User/>").answer(401));
        assertThat(put.observed()).contains("state changes name the loginId");
    }

    @Test
    void noUserCallFails() {
        Verdict verdict = fails(new EnsureLoginIdLookupNamesFinesseUser(KIM), Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/SystemInfo").answer(200));
        assertThat(verdict.observed()).isEqualTo("no User API call at all");
        assertThat(verdict.expected()).contains("GET /finesse/api/User/kwalker", "PUT /finesse/api/User/98416");
    }

    // ---- V6: the second IdS node ----

    private static Hops secondNodeFlow(String relayCookie) {
        return Hops.journal()
                .hop(StubSystem.IDS, "GET", "/ids/v1/oauth/authorize").setCookie("JSESSIONID=first1; Path=/; Secure")
                .answer(302)
                .hop(StubSystem.IDS, "POST", "/ids/saml/response").on("https", "ids2.test", 8553)
                .form("SAMLResponse=x").setCookie("JSESSIONID=second2; Path=/; Secure").answer(200)
                .hop(StubSystem.IDS, "POST", "/ids/relay").on("https", "ids2.test", 8553).form("uniqueId=u")
                .header("cookie", relayCookie).answer(302);
    }

    @Test
    void theSecondNodeGetsItsOwnCookieBackAndNoneOfTheFirst() {
        passes(new EnsureSecondIdsNodeFollowed("ids2.test"), secondNodeFlow("JSESSIONID=second2; cc_username=x"));
        passes(new EnsureSecondIdsNodeFollowed("IDS2.test"), secondNodeFlow("JSESSIONID=second2"));
    }

    @Test
    void theFirstNodesHostOnlyCookieOnTheSecondNodeFails() {
        Verdict verdict = fails(new EnsureSecondIdsNodeFollowed("ids2.test"),
                secondNodeFlow("JSESSIONID=first1; JSESSIONID=second2"));
        assertThat(verdict.observed()).contains("#3 POST", "carried JSESSIONID set by another host",
                "keep cookies per host name");
    }

    @Test
    void aRelayWithoutTheSecondNodesCookieFails() {
        Verdict verdict = fails(new EnsureSecondIdsNodeFollowed("ids2.test"), secondNodeFlow("other=1"));
        assertThat(verdict.observed()).contains("did not carry the JSESSIONID that ids2.test set", "[other]");
    }

    @Test
    void aSamlResponseThatNeverReachesTheSecondNodeFails() {
        Verdict verdict = fails(new EnsureSecondIdsNodeFollowed("ids2.test"), Hops.journal()
                .hop(StubSystem.IDS, "POST", "/ids/saml/response").form("SAMLResponse=x").answer(200)
                .hop(StubSystem.IDS, "GET", "/ids/saml/response").on("https", "ids2.test", 8553).answer(405));
        assertThat(verdict.observed()).startsWith("the SAML response never reached ids2.test:");
        Verdict noRelay = fails(new EnsureSecondIdsNodeFollowed("ids2.test"), Hops.journal()
                .hop(StubSystem.IDS, "POST", "/ids/saml/response").on("https", "ids2.test", 8553)
                .form("SAMLResponse=x").setCookie("JSESSIONID=second2").answer(200)
                .hop(StubSystem.IDS, "GET", "/ids/relay").on("https", "ids2.test", 8553).answer(405)
                .hop(StubSystem.IDS, "POST", "/ids/relay").form("uniqueId=u").answer(302));
        assertThat(noRelay.observed()).isEqualTo("the relay form of ids2.test was not posted to ids2.test");
        assertThat(new EnsureSecondIdsNodeFollowed("ids2.test").rule()).contains("ids2.test");
        assertThat(new EnsureSecondIdsNodeFollowed("ids2.test").requirement()).isEqualTo("V6");
        assertThat(new EnsureSecondIdsNodeFollowed("ids2.test").severity()).isEqualTo(Severity.FAIL);
    }

    // ---- V7: the reverse proxy's IP block ----

    @Test
    void stoppingAtTheBlockAndNamingTheStatusPasses() {
        Hops hops = Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/SystemInfo").answer(403)
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/SystemInfo").answer(401);
        blockAnswer(hops);
        hops.hop(StubSystem.IDP, "GET", "/adfs/ls/").answer(200).failure("SystemInfo answered HTTP 403, not 200");
        passes(new EnsureStoppedAtProxyBlock(), hops);
    }

    @Test
    void requestsAfterTheBlockFailAndAreCounted() {
        Hops hops = Hops.journal();
        blockAnswer(hops);
        hops.hop(StubSystem.FINESSE, "GET", "/finesse/api/SystemInfo").answer(403)
                .hop(StubSystem.IDS, "GET", "/ids/v1/oauth/authorize").answer(403)
                .failure("SystemInfo answered HTTP 403");
        Verdict verdict = fails(new EnsureStoppedAtProxyBlock(), hops);
        assertThat(verdict.observed()).contains("2 more request(s) after the block answer #1 GET",
                "Retry-After [600] s", "stop and tell the agent");
    }

    @Test
    void blamingThePasswordOrNotNaming403Fails() {
        Hops password = Hops.journal();
        blockAnswer(password);
        password.failure("HTTP 403: the password is wrong");
        assertThat(fails(new EnsureStoppedAtProxyBlock(), password).observed()).contains("(blames the password");
        Hops wrongCredentials = Hops.journal();
        blockAnswer(wrongCredentials);
        wrongCredentials.failure("403: the credentials are wrong");
        assertThat(fails(new EnsureStoppedAtProxyBlock(), wrongCredentials).observed()).contains("blames the password");
        Hops silent = Hops.journal();
        blockAnswer(silent);
        silent.failure("refused");
        assertThat(fails(new EnsureStoppedAtProxyBlock(), silent).observed()).contains("(does not name HTTP 403)")
                .doesNotContain("blames");
        Hops success = Hops.journal();
        blockAnswer(success);
        assertThat(fails(new EnsureStoppedAtProxyBlock(), success).observed())
                .isEqualTo("the client reported success although the proxy refused it");
    }

    @Test
    void withoutABlockAnswerThereIsNothingToJudge() {
        Hops hops = Hops.journal()
                .hop(StubSystem.FINESSE, "GET", "/finesse/api/SystemInfo").answer(403)
                .hop(StubSystem.IDP, "GET", "/adfs/ls/").retryAfter("600").answer(403);
        Verdict verdict = fails(new EnsureStoppedAtProxyBlock(), hops);
        assertThat(verdict.observed()).startsWith("the proxy never answered with its block: nothing to judge");
        assertThat(new EnsureStoppedAtProxyBlock().severity()).isEqualTo(Severity.WARN);
        assertThat(new EnsureStoppedAtProxyBlock().requirement()).isEqualTo("V7");
        assertThat(new EnsureStoppedAtProxyBlock().rule()).contains("403");
    }

    @Test
    void theIdpsRequestsAfterTheBlockAreNotTheProxys() {
        Hops hops = Hops.journal();
        blockAnswer(hops);
        hops.hop(StubSystem.IDP, "GET", "/adfs/ls/").answer(200).failure("SystemInfo answered HTTP 403");
        passes(new EnsureStoppedAtProxyBlock(), hops);
    }

    private static void blockAnswer(Hops hops) {
        hops.hop(StubSystem.FINESSE, "GET", "/finesse/api/SystemInfo").retryAfter("600").answer(403);
    }
}
