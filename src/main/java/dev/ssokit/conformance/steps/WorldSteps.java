package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import io.cucumber.java.en.Given;
import java.time.Duration;

/** Givens that set up the stub world for a scenario (each scenario starts from the defaults). */
public final class WorldSteps {
    private final ScenarioContext scenario;

    public WorldSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Given("a {deployment} system in {authMode} mode")
    public void aSystemInMode(DeploymentType deployment, AuthMode mode) {
        if (scenario.target().isPresent()) { // a lab is what it is: a scenario for another system is skipped
            java.util.Optional<String> unlike = scenario.target().get().notLike(deployment, mode);
            if (unlike.isPresent()) {
                throw new org.opentest4j.TestAbortedException("skipped: " + unlike.get());
            }
            return;
        }
        scenario.world().settings().deploymentType(deployment);
        scenario.world().settings().systemAuthMode(mode);
    }

    @Given("agent {string} is configured for {authMode} sign-in")
    public void agentIsConfiguredFor(String agent, AuthMode mode) {
        scenario.world().settings().userAuthMode(scenario.agent(agent).loginName(), mode);
    }

    @Given("the UserAuthMode service is disabled")
    public void userAuthModeDisabled() {
        scenario.world().settings().userAuthModeEnabled(false);
    }

    @Given("a Finesse build that accepts cc_username only as a cookie")
    public void cookieOnlyBuild() {
        scenario.world().settings().ccUsernameQuerySupported(false);
    }

    @Given("refresh tokens live {int} seconds")
    public void refreshTokensLive(int seconds) {
        scenario.world().settings().refreshTokenLifetime(Duration.ofSeconds(seconds));
    }

    @Given("Finesse adds unknown fields to the token response")
    public void extraTokenFields() {
        scenario.world().settings().extraTokenFields(true);
    }

    @Given("Finesse leaves {string} out of the token response")
    public void tokenResponseOmits(String field) {
        scenario.world().settings().tokenResponseOmits(field);
    }

    @Given("Finesse answers refresh requests by redirecting to IdS")
    public void refreshRedirects() {
        scenario.world().settings().refreshRedirectsToIdS(true);
    }

    @Given("Finesse is out of service")
    public void outOfService() {
        scenario.world().settings().outOfService(true);
    }

    @Given("Finesse starts refusing every Bearer token")
    public void rejectBearerTokens() {
        scenario.world().settings().rejectBearerTokens(true);
    }

    @Given("the IdP submits its SAML form {int} ms after the page loads")
    public void delayedSubmit(int millis) {
        scenario.world().settings().idpSubmitDelayMillis(millis);
    }

    @Given("the IdP page runs a failing script before its auto-submit")
    public void failingScript() {
        scenario.world().settings().idpFailingScript(true);
    }

    @Given("IdS revokes a refresh token once it is used")
    public void refreshTokenRevocation() {
        scenario.world().settings().refreshTokenRevocation(true);
    }

    @Given("SystemInfo is behind the VPN-less reverse proxy, which wants credentials")
    public void systemInfoBehindProxy() {
        scenario.world().settings().systemInfoBehindProxy(true);
    }

    @Given("the reverse proxy admits only User-Agents matching {string}")
    public void userAgentFilter(String pattern) {
        scenario.world().settings().proxyUserAgentPattern(pattern);
    }

    @Given("IdS does not know Finesse's client id")
    public void idsRefusesClient() {
        scenario.world().settings().idsRefusesClient(true);
    }

    @Given("the IdP posts a SAML response IdS cannot use")
    public void unusableSamlResponse() {
        scenario.world().settings().idpUnusableSamlResponse(true);
    }

    @Given("IdS's public key needs client credentials")
    public void publicKeyNeedsClientCredentials() {
        scenario.world().settings().publicKeyNeedsClientCredentials(true);
    }

    @Given("IdS signs tokens with its shared secret \\(HS256, before 12.6\\(2))")
    public void sharedSecretTokens() {
        scenario.world().settings().sharedSecretTokens(true);
    }

    @Given("the IdP serves its auto-POST page as {string}")
    public void idpContentType(String contentType) {
        scenario.world().settings().idpPageContentType(contentType);
    }
}
