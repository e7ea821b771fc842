package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.CheckRenewalsPer401;
import dev.ssokit.conformance.checks.EnsureBearerInHeaderOnly;
import dev.ssokit.conformance.checks.EnsureClientReported;
import dev.ssokit.conformance.checks.EnsureSignInAccepted;
import dev.ssokit.conformance.checks.EnsureUserCallsUseLoginId;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.Outcome;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Step 6: REST calls with the loginId and the Bearer token. */
public final class ApiCallSteps {
    private final ScenarioContext scenario;
    private Outcome<ApiReply> lastRead;

    public ApiCallSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @When("the client reads its own User object")
    public void readOwnUser() {
        lastRead = scenario.remember(scenario.client().readOwnUser());
    }

    @Then("the client's User object read succeeded")
    public void readSucceeded() {
        scenario.check(new EnsureClientReported("P7", "the HTTP status of its User object read", 200,
                lastRead.optional().map(ApiReply::status).orElse(null)));
    }

    @Then("the sign-in PUT for loginId {string} and extension {string} was accepted")
    public void signInAccepted(String loginId, String extension) {
        scenario.check(new EnsureSignInAccepted(loginId, extension));
    }

    @Then("every state change named loginId {string}")
    public void stateChangesUseLoginId(String loginId) {
        scenario.check(new EnsureUserCallsUseLoginId(loginId));
    }

    @Then("every User API call carried the token as a Bearer header and never in a URL")
    public void bearerOnly() {
        scenario.check(new EnsureBearerInHeaderOnly());
    }

    @Then("the client renewed its token at most once for the 401 and retried at most once")
    public void noStorm() {
        scenario.check(new CheckRenewalsPer401());
    }
}
