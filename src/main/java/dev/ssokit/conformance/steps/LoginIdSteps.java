package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.CheckNoLoginIdLookup;
import dev.ssokit.conformance.checks.EnsureClientReported;
import dev.ssokit.conformance.checks.EnsureFailureReported;
import dev.ssokit.conformance.checks.EnsureLoginIdLookedUp;
import dev.ssokit.conformance.checks.EnsureNoUserApiCall;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Step 5: user_id to loginId. */
public final class LoginIdSteps {
    private final ScenarioContext scenario;

    public LoginIdSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @When("the client resolves the loginId")
    public void resolveLoginId() {
        scenario.remember(scenario.client().resolveLoginId());
    }

    @Then("the client looked up the loginId of {string} before any other User call")
    public void lookedUp(String agent) {
        scenario.check(new EnsureLoginIdLookedUp(agent));
    }

    @Then("the client reports loginId {string}")
    public void reportsLoginId(String loginId) {
        scenario.check(new EnsureClientReported("F5", "the loginId", loginId, scenario.client().loginId().orElse(null)));
    }

    @Then("the client used user_id directly, without a lookup")
    public void noLookup() {
        scenario.check(new CheckNoLoginIdLookup(scenario.client().currentToken().map(t -> t.userId()).orElse("?")));
    }

    @Then("the client reports that it needs a token first")
    public void needsToken() {
        scenario.check(new EnsureFailureReported("P5", "a loginId lookup without a token", List.of("token")));
    }

    @Then("the client made no User API call")
    public void noUserApiCall() {
        scenario.check(new EnsureNoUserApiCall());
    }
}
