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

/** Boundary cases of the older checks: what comes before the event they judge, and each condition on its own. */
class MoreChecksTest {
    @Test
    void renewalsPer401CountOnlyWhatFollowsTheFirstApi401() {
        Hops before = journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(FINESSE, "GET", "/finesse/api/User/1").answer(200)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(401)
                .hop(FINESSE, "GET", "/finesse/api/User/1").answer(401)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=b").answer(200)
                .hop(FINESSE, "GET", "/finesse/api/User/1").answer(200);
        passes(new CheckRenewalsPer401(), before);
        Hops twoRenewals = journal().hop(FINESSE, "GET", "/finesse/api/User/1").answer(401)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=b").answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302);
        assertThat(fails(new CheckRenewalsPer401(), twoRenewals).observed()).isEqualTo("2 renewals and 0 retries");
        Hops twoRetries = journal().hop(FINESSE, "GET", "/finesse/api/User/1").answer(401)
                .hop(FINESSE, "GET", "/finesse/api/User/1").answer(401)
                .hop(FINESSE, "GET", "/finesse/api/User/1").answer(401);
        assertThat(fails(new CheckRenewalsPer401(), twoRetries).observed()).isEqualTo("0 renewals and 2 retries");
        fails(new CheckRenewalsPer401(), journal().hop(FINESSE, "GET", "/finesse/api/User/1").answer(200));
    }

    @Test
    void singleReauthJudgesFromTheRefusedRefresh() {
        Hops good = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=b").answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=c").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDP, "POST", "/adfs/ls/").form("UserName=a").answer(200).token("a", true);
        passes(new EnsureSingleReauthAfterRefusedRefresh(), good);
        Hops noToken = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=c").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDP, "POST", "/adfs/ls/").form("UserName=a").answer(200).failure("gave up");
        assertThat(fails(new EnsureSingleReauthAfterRefusedRefresh(), noToken).observed()).isEqualTo("no token: gave up");
        Hops loop = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=c").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDP, "POST", "/adfs/ls/").form("UserName=a").answer(200)
                .hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=c").answer(401).token("a", true);
        assertThat(fails(new EnsureSingleReauthAfterRefusedRefresh(), loop).observed())
                .contains("1 login(s), 1 refresh(es)");
        Hops noLogin = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=c").answer(401)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302).token("a", true);
        // an open IdS/IdP session spares the login page when signing in again (protocol 8.9): that is fine
        passes(new EnsureSingleReauthAfterRefusedRefresh(), noLogin);
        Hops noFlow = journal().hop(FINESSE, "POST", "/desktop/sso/token").form("token=a&refresh-token=c").answer(401)
                .hop(IDP, "POST", "/adfs/ls/").form("UserName=a").answer(200).token("a", true);
        fails(new EnsureSingleReauthAfterRefusedRefresh(), noFlow);
        fails(new EnsureSingleReauthAfterRefusedRefresh(), journal().hop(FINESSE, "POST", "/desktop/sso/token")
                .form("token=a&refresh-token=c").answer(200));
    }

    @Test
    void userAuthModeAskedByNameAndBeforeTheToken() {
        EnsureUserAuthModeAsked check = new EnsureUserAuthModeAsked("F2", "mary ann");
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/mary%20ann").answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=mary%20ann").answer(302));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/mary+ann").answer(200))
                .observed()).isEqualTo("it named 'mary+ann' (/finesse/api/UserAuthMode/mary+ann)");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=x").answer(302)
                .hop(FINESSE, "GET", "/finesse/api/UserAuthMode/mary%20ann").answer(200)).observed())
                .isEqualTo("the token was requested first");
        fails(check, journal().hop(IDS, "GET", "/finesse/api/UserAuthMode/mary%20ann").answer(200));
    }

    @Test
    void redirectChainStartsAtTheFirstTokenRequest() {
        Check check = new EnsureRedirectChain(List.of(new ExpectHop("Finesse", "GET", "/desktop/sso/token"),
                new ExpectHop("IdS", "GET", "/ids/v1/oauth/authorize")));
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize").answer(302));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDS, "POST", "/ids/v1/oauth/authorize").answer(302)).observed()).startsWith("hop 2 was #2 POST");
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").answer(200)).observed())
                .startsWith("the chain stopped after 0 hops");
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDP, "GET", "/ids/v1/oauth/authorize").answer(302));
        fails(check, journal().hop(FINESSE, "GET", "/desktop/sso/token?cc_username=a").answer(302)
                .hop(IDS, "GET", "/ids/v1/oauth/authorize/x").answer(302));
        assertThat(new ExpectHop("IdS", "GET", "/x").toString()).isEqualTo("GET IdS /x");
    }

    @Test
    void autoPostJudgesThePageThatOfferedTheForm() {
        Hops wrongPasswordFirst = journal().hop(IDP, "POST", "/adfs/ls/").form("UserName=a").page("<form>again</form>")
                .answer(200)
                .hop(IDS, "POST", "/ids/saml/response").form("SAMLResponse=old&RelayState=r0").answer(400)
                .hop(IDP, "POST", "/adfs/ls/").form("UserName=a").page(SSO_PAGE).answer(200)
                .hop(IDS, "POST", "/ids/saml/response").form("SAMLResponse=PHNhbWw%2B&RelayState=r1").answer(200);
        passes(EnsureAutoPostSubmitted.samlResponse(), wrongPasswordFirst);
        Verdict altered = fails(EnsureAutoPostSubmitted.samlResponse(), journal().hop(IDP, "POST", "/adfs/ls/")
                .form("UserName=a").page(SSO_PAGE).answer(200).hop(IDS, "POST", "/ids/saml/response")
                .form("SAMLResponse=PHNhbWw%2B&RelayState=zz").answer(200));
        assertThat(altered.observed()).isEqualTo("RelayState altered in #2 POST ids.test /ids/saml/response -> 200");
        Verdict missing = fails(EnsureAutoPostSubmitted.samlResponse(), journal().hop(IDP, "POST", "/adfs/ls/")
                .form("UserName=a").page(SSO_PAGE).answer(200).hop(IDS, "POST", "/ids/saml/response")
                .form("SAMLResponse=PHNhbWw%2B").answer(200));
        assertThat(missing.observed()).startsWith("RelayState missing");
        fails(EnsureAutoPostSubmitted.samlResponse(), journal().hop(IDS, "POST", "/ids/saml/response")
                .form("SAMLResponse=PHNhbWw%2B&RelayState=r1").answer(200));
        Verdict notAfter = fails(EnsureAutoPostSubmitted.samlResponse(), journal().hop(IDS, "POST", "/ids/saml/response")
                .form("SAMLResponse=PHNhbWw%2B&RelayState=r1").answer(200).hop(IDP, "POST", "/adfs/ls/")
                .form("UserName=a").page(SSO_PAGE).answer(200).hop(FINESSE, "GET", "/x").answer(200));
        assertThat(notAfter.observed()).contains("#3 GET finesse.test /x").doesNotContain("#1 POST");
    }

    @Test
    void cookiesFromRedirectsComeBackOnTheirPath() {
        Hops set = journal();
        set.hop(IDS, "GET", "/ids/start").setCookie("s=1; Path=/ids").setCookie("gone=; Max-Age=0")
                .setCookie("other=2; Path=/elsewhere").answer(302)
                .hop(IDS, "GET", "/x").answer(200)
                .hop(IDS, "GET", "/ids/next").header("Cookie", "s=1").answer(200);
        passes(new EnsureCookiesReturnedOnNextHop(), set);
        Hops lost = journal();
        lost.hop(IDS, "GET", "/ids/start").setCookie("s=1; path=/ids").answer(302)
                .hop(IDS, "GET", "/ids/next").header("Cookie", "t=2").answer(200);
        assertThat(fails(new EnsureCookiesReturnedOnNextHop(), lost).observed()).startsWith("s set by #1 GET ids.test "
                + "/ids/start -> 302 was not sent on #2 GET ids.test /ids/next -> 200 (it sent [t])");
        Hops twoCookies = journal();
        twoCookies.hop(IDS, "GET", "/ids/start").setCookie("a=1").setCookie("b=2").answer(302)
                .hop(IDS, "GET", "/ids/next").header("Cookie", "a=1").answer(200);
        assertThat(fails(new EnsureCookiesReturnedOnNextHop(), twoCookies).observed()).startsWith("b set by");
        fails(new EnsureCookiesReturnedOnNextHop(), journal().hop(IDS, "GET", "/ids/start").setCookie("a=1")
                .answer(302));
        assertThat(EnsureCookiesReturnedOnNextHop.attribute("a=1; Path=/p; Secure", "path")).contains("/p");
        assertThat(EnsureCookiesReturnedOnNextHop.attribute("a=1; Secure", "secure")).contains("");
        assertThat(EnsureCookiesReturnedOnNextHop.attribute("a=1", "path")).isEmpty();
    }
}
