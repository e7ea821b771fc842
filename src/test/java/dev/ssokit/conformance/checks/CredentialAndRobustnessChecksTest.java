package dev.ssokit.conformance.checks;

import static dev.ssokit.conformance.checks.CheckFixture.fails;
import static dev.ssokit.conformance.checks.CheckFixture.passes;
import static dev.ssokit.conformance.checks.Hops.journal;
import static dev.ssokit.world.StubSystem.FINESSE;
import static dev.ssokit.world.StubSystem.IDP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** S1-S4 and the hostile catalogue's report check, each on a journal that passes and one that fails. */
class CredentialAndRobustnessChecksTest {
    private static final String LOGIN_PAGE = "<form method=\"post\" action=\"/adfs/ls/\"><input name=\"UserName\"/>"
            + "<input name=\"Password\" type=\"password\"/></form>";

    @Test
    void passwordGoesOnlyToTheLoginPagesOriginOverHttps() {
        Check check = new EnsurePasswordStaysWithLoginOrigin("Password");
        passes(check, journal().hop(IDP, "GET", "/adfs/ls/").page(LOGIN_PAGE).answer(200)
                .hop(IDP, "POST", "/adfs/ls/").form("UserName=a&Password=secret").answer(200));
        assertThat(fails(check, journal().hop(IDP, "GET", "/adfs/ls/").page(LOGIN_PAGE).answer(200)
                .hop(IDP, "POST", "/adfs/ls/").on("https", "idp.ids.test", 8443).form("UserName=a&Password=secret")
                .answer(404)).observed()).contains("idp.ids.test");
        assertThat(fails(check, journal().hop(IDP, "GET", "/adfs/ls/").page(LOGIN_PAGE).answer(200)
                .hop(FINESSE, "POST", "/adfs/ls/").on("http", "finesse.test", 8080).form("UserName=a&Password=secret")
                .answer(404)).observed()).contains("http://finesse.test");
        assertThat(fails(check, journal().hop(IDP, "GET", "/adfs/ls/").answer(200)).observed())
                .contains("nothing to judge");
    }

    @Test
    void noCredentialsOverPlainHttp() {
        Check check = new EnsureNoCredentialsOverPlainHttp();
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").on("http", "finesse.test", 8080)
                .answer(200));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").on("http", "finesse.test", 8080)
                .answer(200).hop(FINESSE, "GET", "/finesse/api/User/bbasic").on("http", "finesse.test", 8080)
                .header("Authorization", "Basic YjpwCg==").answer(200));
        fails(check, journal());
    }

    @Test
    void noMixedContentFromAnHttpsPage() {
        Check check = new EnsureNoMixedContent(Target.parse("https://finesse.test/lab/s3/page"), "/lab/s3/");
        passes(check, journal().hop(FINESSE, "GET", "/lab/s3/page").answer(200));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/lab/s3/page").answer(200)
                .hop(FINESSE, "GET", "/lab/s3/socket").on("http", "finesse.test", 8080).header("Upgrade", "websocket")
                .answer(404)).observed()).contains("/lab/s3/socket");
        fails(check, journal());
    }

    @Test
    void noCredentialsAfterAnUnreadableAnswer() {
        Check check = new EnsureNoCredentialsAfterUnreadableAnswer("/finesse/api/UserAuthMode/", "Password");
        passes(check, journal().hop(FINESSE, "GET", "/finesse/api/SystemInfo").answer(200)
                .hop(FINESSE, "GET", "/finesse/api/UserAuthMode/sjefferson").answer(200)
                .failure("UserAuthMode could not be read"));
        assertThat(fails(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/sjefferson").answer(200)
                .hop(FINESSE, "GET", "/finesse/api/User/sjefferson").header("Authorization", "Basic c2o6cA==")
                .answer(401).failure("HTTP 401")).observed()).contains("/finesse/api/User/sjefferson");
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/sjefferson").answer(200));
        fails(check, journal().hop(FINESSE, "GET", "/finesse/api/UserAuthMode/sjefferson").answer(200)
                .hop(FINESSE, "GET", "/desktop/sso/token?cc_username=sjefferson").answer(302).failure("x"));
        fails(check, journal().failure("stopped"));
    }

    @Test
    void stoppedWithAReportThatNamesTheHopNotAnException() {
        Check check = new EnsureStoppedWithReport("H23", List.of("host finesse.test", "TLS", "trusts only"));
        passes(check, journal().failure("GET host finesse.test path /p: TLS failed: not signed by a CA the client "
                + "trusts. Hint: the client trusts only the stub CA"));
        assertThat(fails(check, journal().failure("GET host finesse.test path /p: TLS failed: trusts only x "
                + "(SunCertPathBuilderException)")).observed()).contains("SunCertPathBuilderException");
        fails(check, journal().failure("TLS failed somewhere"));
        fails(check, journal());
    }
}
