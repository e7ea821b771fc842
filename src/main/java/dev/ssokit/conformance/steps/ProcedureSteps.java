package dev.ssokit.conformance.steps;

import dev.ssokit.client.SignedIn;
import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureBasicCredentialsOnApiCalls;
import dev.ssokit.conformance.checks.EnsureClientReported;
import dev.ssokit.conformance.checks.EnsureNoSsoFlow;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Outcome;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The whole procedure as a client runs it: connect, and which way it signed in. */
public final class ProcedureSteps {
    private final ScenarioContext scenario;
    private Outcome<SignedIn> signedIn;

    public ProcedureSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @When("agent {string} connects with extension {string}")
    public void connects(String agent, String extension) {
        signedIn = scenario.remember(scenario.client().connect(scenario.agent(agent).credentials(), extension));
    }

    @Given("agent {string} has connected with extension {string}")
    public void hasConnected(String agent, String extension) {
        connects(agent, extension);
        scenario.check(new EnsureClientReported("P6", "a completed sign-in", 202,
                signedIn.optional().map(SignedIn::signInStatus).orElse(null)));
    }

    @Then("the agent is signed in with {authMode} as loginId {string}")
    public void signedInAs(AuthMode mode, String loginId) {
        scenario.check(new EnsureClientReported("P6", "the way it signed in, the loginId and the 202",
                new SignedIn(mode, loginId, 202), signedIn.value()));
    }

    @Then("the client reports that Finesse is unavailable, naming HTTP {int}")
    public void finesseUnavailable(int status) {
        scenario.check(new dev.ssokit.conformance.checks.EnsureFailureReported("P1", "an unavailable Finesse",
                java.util.List.of(String.valueOf(status))));
    }

    @Then("the client reports that the reverse proxy refused it, naming HTTP {int}")
    public void proxyRefused(int status) {
        scenario.check(dev.ssokit.conformance.checks.EnsureFailureReported.withStatus("V3",
                "the reverse proxy's refusal", status));
    }

    @Then("the client answered the 401 on SystemInfo with credentials, once")
    public void systemInfoRetried() {
        scenario.check(new dev.ssokit.conformance.checks.EnsureSystemInfoRetriedWithCredentials());
    }

    @Then("the client did not start the SSO flow")
    public void noSsoFlow() {
        scenario.check(new EnsureNoSsoFlow());
    }

    @Then("every User API call carried Basic credentials")
    public void basicOnEveryCall() {
        scenario.check(new EnsureBasicCredentialsOnApiCalls());
    }
}
