package dev.ssokit.conformance.checks;

import static dev.ssokit.conformance.checks.CheckFixture.SSO_PAGE;
import static dev.ssokit.conformance.checks.CheckFixture.fails;
import static dev.ssokit.conformance.checks.CheckFixture.passes;
import static dev.ssokit.conformance.checks.Hops.journal;
import static dev.ssokit.world.StubSystem.FINESSE;
import static dev.ssokit.world.StubSystem.IDP;
import static dev.ssokit.world.StubSystem.IDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check judged on a journal where the client behaves, and on one where it does not: each check can fail. */
class ChecksTest {
    @Test
    void systemInfoFirstWithOrWithoutCredentials() {
        Check check = new EnsureSystemInfoReadFirst("F1");
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").answer(200));
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").header("Authorization", "Basic eA==")
                .answer(200));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").answer(302)).observed())
                .contains("/desktop/sso/token");
    }

    @Test
    void noUserAuthModeOnSso() {
        Check check = new EnsureNoUserAuthModeRequest();
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").answer(200));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/sjefferson").answer(200));
    }

    @Test
    void userAuthModeAskedWithEncodedName() {
        Check check = new EnsureUserAuthModeAsked("F2", "mary ann");
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/mary%20ann").answer(200));
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=mary+ann").answer(302));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/mary").answer(200));
    }

    @Test
    void noSsoFlowAndBasicCredentials() {
        Hops basic = journal().hop(FINESSE, "GET", "/finesse/api/User/bbasic").header("Authorization", "Basic YjpwCg==")
                .answer(200);
        passes(new EnsureNoSsoFlow(), basic);
        passes(new EnsureBasicCredentialsOnApiCalls(), basic);
        Hops sso = journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=bbasic").answer(302)
                .hop(FINESSE, "GET", "/finesse/api/User/bbasic").header("Authorization", "Bearer eyJ").answer(401);
        fails(new EnsureNoSsoFlow(), sso);
        fails(new EnsureBasicCredentialsOnApiCalls(), sso);
    }

    @Test
    void redirectChainInOrder() {
        Check check = new EnsureRedirectChain(List.of(new ExpectHop("Finesse", "GET", "/desktop/sso/token"),
                new ExpectHop("IdS", "GET", "/ids/v1/oauth/authorize")));
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(302));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302))
                .observed()).contains("stopped after 1");
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDP, "GET", "/adfs/ls/").answer(200));
        // Sub-resources (protocol 8.15) are not hops: a favicon between two hops leaves the chain intact.
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(FINESSE, "GET", "/favicon.ico").header("Accept", "image/avif,image/*").answer(404)
                .hop(IDS, "GET", "/static/site.css").header("Sec-Fetch-Dest", "style").answer(404)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(302));
    }

    @Test
    void ccUsernameUrlEncodedInQuery() {
        Check check = new EnsureCcUsernameInQuery("anne+ops");
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=anne%2Bops").answer(302));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=anne+ops").answer(302))
                .observed()).contains("'anne ops'");
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?return_refresh_token=true").answer(400));
    }

    @Test
    void ccUsernameCookieOnTokenEndpoint() {
        Check check = new EnsureCcUsernameCookie("rené");
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").header("Cookie", "cc_username=ren%C3%A9")
                .answer(302).hop(FINESSE, "GET", "/desktop/sso/authcode").answer(302));
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").answer(400));
        fails(new EnsureCcUsernameCookie("anne+ops"), journal().hop(FINESSE, "GET", "/desktop/sso/token")
                .header("Cookie", "cc_username=anne+ops").answer(302));
        // TechNote 214555: the cookie may also reach other paths, IdS and the IdP; lower-case hex is the same name.
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").header("Cookie", "cc_username=ren%c3%a9")
                .answer(302).hop(IDS, "GET", "/ids/v1/oauth/authorize").header("Cookie", "cc_username=ren%C3%A9")
                .answer(302));
    }

    @Test
    void cookiesFromRedirectComeBack() {
        Check check = new EnsureCookiesReturnedOnNextHop();
        passes(check, journal().hop(IDS, "GET", "/ids/v1/oauth/authorize").setCookie("JSESSIONID=i1; Path=/ids")
                .answer(302).hop(IDS, "POST", "/ids/saml/response").header("Cookie", "JSESSIONID=i1").answer(200));
        assertThat(fails(check, journal().hop(IDS, "GET", "/ids/v1/oauth/authorize")
                .setCookie("JSESSIONID=i1; Path=/ids").answer(302).hop(IDS, "POST", "/ids/saml/response").answer(400))
                .observed()).contains("JSESSIONID");
    }

    @Test
    void cookiesStayWithTheirHost() {
        Check check = new EnsureCookiesStayWithTheirHost();
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").setCookie("JSESSIONID=f1; Path=/").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/authcode").header("Cookie", "JSESSIONID=f1").answer(302));
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").setCookie("JSESSIONID=f1; Path=/").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").header("Cookie", "JSESSIONID=f1").answer(302));
        passes(check, journal().hop(FINESSE, "GET", "/desktop/sso/token").header("Cookie", "cc_username=s").answer(302)
                .hop(IDP, "GET", "/adfs/ls/").header("Cookie", "cc_username=s").answer(200));
    }

    @Test
    void autoPostSubmittedUnchangedAndOnce() {
        Hops good = journal().hop(IDP, "POST", "/adfs/ls/").form("UserName=a").page(SSO_PAGE).answer(200)
                .hop(IDS, "POST", "/ids/saml/response").form("SAMLResponse=PHNhbWw%2B&RelayState=r1")
                .page("<input name=\"uniqueId\" value=\"u1\">").answer(200)
                .hop(IDS, "POST", "/ids/relay").form("uniqueId=u1").answer(302);
        passes(EnsureAutoPostSubmitted.samlResponse(), good);
        passes(EnsureAutoPostSubmitted.relay(), good);
        passes(new EnsureSingleSubmission(), good);
        Hops notSubmitted = journal().hop(IDP, "POST", "/adfs/ls/").form("UserName=a").page(SSO_PAGE).answer(200);
        fails(EnsureAutoPostSubmitted.samlResponse(), notSubmitted);
        fails(new EnsureSingleSubmission(), notSubmitted);
        fails(EnsureAutoPostSubmitted.samlResponse(), journal().hop(IDP, "POST", "/adfs/ls/").form("UserName=a")
                .page(SSO_PAGE).answer(200).hop(IDS, "POST", "/ids/saml/response")
                .form("SAMLResponse=PHNhbWw&RelayState=r1").answer(400));
        fails(new EnsureSingleSubmission(), journal().hop(IDP, "POST", "/adfs/ls/").form("UserName=a").page(SSO_PAGE)
                .answer(200).hop(IDS, "POST", "/ids/saml/response").answer(200)
                .hop(IDS, "POST", "/ids/saml/response").answer(400).hop(IDS, "POST", "/ids/relay").answer(302));
    }

    @Test
    void tokenHeldOrNot() {
        passes(new EnsureTokenHeld("J10", "sjefferson"), journal().token("sjefferson", true));
        fails(new EnsureTokenHeld("J10", "sjefferson"), journal().failure("refused"));
        fails(new EnsureTokenHeld("J10", "sjefferson"), journal().token("sjefferson", false));
        fails(new EnsureTokenHeld("J10", "sjefferson"), journal().token("jdoe", true));
        passes(new EnsureNoTokenHeld("P4"), journal());
        fails(new EnsureNoTokenHeld("P4"), journal().token("sjefferson", true));
    }

    @Test
    void failureReportedWithItsCause() {
        Check check = new EnsureFailureReported("P4", "a refused login", List.of("IdP", "credentials"));
        passes(check, journal().failure("The IdP did not accept the credentials of 'x'"));
        fails(check, journal());
        fails(check, journal().failure("something went wrong"));
    }

    @Test
    void nothingPostedToIdsAfterRefusedLogin() {
        passes(new EnsureNothingPostedToIds(), journal().hop(IDP, "POST", "/adfs/ls/").answer(200));
        fails(new EnsureNothingPostedToIds(), journal().hop(IDS, "POST", "/ids/saml/response").answer(400));
    }

    @Test
    void idpFormPostedLikeBrowser() {
        Check check = new EnsureIdpFormPostedLikeBrowser("sjefferson");
        passes(check, journal().hop(IDP, "POST", "/adfs/ls/?SAMLRequest=x&client-request-id=1")
                .form("UserName=sjefferson&Password=p&AuthMethod=FormsAuthentication").answer(200));
        fails(check, journal().hop(IDP, "POST", "/adfs/ls/")
                .form("UserName=sjefferson&Password=p&AuthMethod=FormsAuthentication").answer(200));
        fails(check, journal().hop(IDP, "POST", "/adfs/ls/?client-request-id=1")
                .form("UserName=sjefferson&Password=p").answer(200));
    }

    @Test
    void loginIdLookedUpAndUsed() {
        Hops good = journal().hop(FINESSE, "GET", "/finesse/api/User/sjefferson").answer(200)
                .hop(FINESSE, "PUT", "/finesse/api/User/98411").answer(202);
        passes(new EnsureLoginIdLookedUp("sjefferson"), good);
        passes(new EnsureUserCallsUseLoginId("98411"), good);
        Hops skipped = journal().hop(FINESSE, "PUT", "/finesse/api/User/sjefferson").answer(401);
        fails(new EnsureLoginIdLookedUp("sjefferson"), skipped);
        fails(new EnsureUserCallsUseLoginId("98411"), skipped);
        passes(new CheckNoLoginIdLookup("sjefferson"), journal().hop(FINESSE, "PUT", "/finesse/api/User/sjefferson")
                .answer(202));
        fails(new CheckNoLoginIdLookup("sjefferson"), good);
        passes(new EnsureNoUserApiCall(), journal());
        fails(new EnsureNoUserApiCall(), good);
    }

    @Test
    void bearerOnlyInHeader() {
        Check check = new EnsureBearerInHeaderOnly();
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411").header("Authorization", "Bearer eyJ")
                .answer(200));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411?access_token=eyJabc").answer(401));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401));
        // Every Authorization value is read: Bearer and Basic together (the password on every call) is seen.
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411").header("Authorization", "Bearer eyJ")
                .header("Authorization", "Basic eA==").answer(200));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411")
                .header("Authorization", "Basic eA==, Bearer eyJ").answer(200));
    }

    @Test
    void signInAccepted() {
        Check check = new EnsureSignInAccepted("98411", "98411");
        passes(check, journal().hop(FINESSE, "PUT", "/finesse/api/User/98411")
                .body("<User><state>LOGIN</state><extension>98411</extension></User>").answer(202));
        fails(check, journal().hop(FINESSE, "PUT", "/finesse/api/User/98411")
                .body("<User><state>LOGIN</state><extension>98411</extension></User>").answer(400));
        fails(check, journal().hop(FINESSE, "PUT", "/finesse/api/User/98411").body("<User/>").answer(400));
    }

    @Test
    void clientReportedValue() {
        passes(new EnsureClientReported("P1", "mode", "SSO", "SSO"), journal());
        fails(new EnsureClientReported("P1", "mode", "SSO", null), journal().failure("SystemInfo answered 503"));
    }

    @Test
    void refreshTiming() {
        Hops at240 = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=r1").at(240)
                .answer(200);
        passes(new EnsureRefreshedBeforeExpiry(300), at240);
        passes(new EnsureNoRefreshYet(225), at240);
        Hops at301 = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=r1").at(301)
                .answer(401);
        fails(new EnsureRefreshedBeforeExpiry(300), at301);
        fails(new EnsureRefreshedBeforeExpiry(300), journal());
        Hops early = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=r1").at(120)
                .answer(200);
        passes(new EnsureRefreshedBeforeExpiry(300), early);
        fails(new EnsureNoRefreshYet(225), early);
        assertThat(new EnsureNoRefreshYet(225).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void refreshShapeAndRotation() {
        Hops good = journal().hop(FINESSE, "POST", "/desktop/sso/token?cc_username=sjefferson")
                .form("token=a1&refresh-token=r1").answer(200)
                .hop(FINESSE, "POST", "/desktop/sso/token?cc_username=sjefferson").form("token=a2&refresh-token=r2")
                .answer(200);
        passes(new EnsureRefreshRequestShape(), good);
        passes(new EnsureRefreshAsPostForm(), good);
        passes(new EnsureEachRefreshTokenUsedOnce(2), good);
        passes(new EnsureRefreshRequestShape(), journal().hop(FINESSE, "POST", "/desktop/sso/token")
                .form("token=a1&refresh-token=r1").answer(200));
        Hops queryForm = journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s&refresh-token=r1").answer(200);
        passes(new EnsureRefreshRequestShape(), queryForm);
        fails(new EnsureRefreshAsPostForm(), queryForm);
        fails(new EnsureRefreshRequestShape(), journal().hop(FINESSE, "POST", "/desktop/sso/token?cc_username=s")
                .form("token=a1").answer(401));
        assertThat(new EnsureEachRefreshTokenUsedOnce(2).severity()).isEqualTo(Severity.WARN);
        assertThat(new EnsureEachRefreshTokenUsedOnce("F9", 2).severity()).isEqualTo(Severity.FAIL);
        fails(new EnsureEachRefreshTokenUsedOnce(2), journal().hop(FINESSE, "POST", "/desktop/sso/token")
                .form("token=a1&refresh-token=r1").answer(200).hop(FINESSE, "POST", "/desktop/sso/token")
                .form("token=a2&refresh-token=r1").answer(401));
    }

    @Test
    void singleReauthenticationAfterRefusedRefresh() {
        Check check = new EnsureSingleReauthAfterRefusedRefresh();
        passes(check, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s").answer(302)
                .hop(IDP, "POST", "/adfs/ls/").answer(200).token("s", true));
        fails(check, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401));
        fails(check, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401));
        // An open IdS session spares the IdP login page (real IdPs do): still one re-authentication.
        passes(check, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/authcode").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s").answer(200).token("s", true));
    }

    @Test
    void refreshRedirectFollowed() {
        Check check = new EnsureRefreshRedirectFollowed();
        passes(check, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s").answer(200));
        fails(check, journal().hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(302));
    }

    @Test
    void atMostOneRenewalPer401() {
        Check check = new CheckRenewalsPer401();
        assertThat(check.severity()).isEqualTo(Severity.WARN);
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(200)
                .hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401));
        Hops storm = journal().hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401);
        for (int i = 0; i < 3; i++) {
            storm.hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r" + i).answer(200)
                    .hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401);
        }
        fails(check, storm);
        // One sign-in flow (its first token request and the one that ends in the JSON) is one renewal.
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/User/98411").answer(401)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("refresh-token=r").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s").answer(302)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=s").answer(200)
                .hop(FINESSE, "GET", "/finesse/api/User/98411").answer(200));
    }
}
