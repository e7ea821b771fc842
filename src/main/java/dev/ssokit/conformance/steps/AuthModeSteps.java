package dev.ssokit.conformance.steps;

import dev.ssokit.client.SystemReport;
import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureClientReported;
import dev.ssokit.conformance.checks.EnsureFailureReported;
import dev.ssokit.conformance.checks.EnsureNoUserAuthModeRequest;
import dev.ssokit.conformance.checks.EnsureSystemInfoReadFirst;
import dev.ssokit.conformance.checks.EnsureUserAuthModeAsked;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Outcome;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Steps 1 and 2: the system's and the user's auth mode. */
public final class AuthModeSteps {
    private final ScenarioContext scenario;
    private Outcome<SystemReport> system;
    private Outcome<AuthMode> user;

    public AuthModeSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @When("the client reads the system auth mode")
    public void readSystemAuthMode() {
        system = scenario.remember(scenario.client().readSystemAuthMode());
    }

    @When("the client reads the auth mode of user {string}")
    public void readUserAuthMode(String username) {
        user = scenario.remember(scenario.client().readUserAuthMode(username));
    }

    @Then("the client reports system auth mode {authMode} on {deployment}")
    public void reportsSystemMode(AuthMode mode, DeploymentType deployment) {
        scenario.check(new EnsureClientReported("P1", "systemAuthMode and deploymentType",
                new SystemReport(mode, deployment), system.value()));
    }

    @Then("the client read SystemInfo first")
    public void systemInfoFirst() {
        scenario.check(new EnsureSystemInfoReadFirst("F1"));
    }

    @Then("the client did not ask for the user's auth mode")
    public void noUserAuthMode() {
        scenario.check(new EnsureNoUserAuthModeRequest());
    }

    @Then("the client asked for the auth mode of {string} before any token request")
    public void askedUserAuthMode(String username) {
        scenario.check(new EnsureUserAuthModeAsked("F2", username));
    }

    @Then("the client reports user auth mode {authMode}")
    public void reportsUserMode(AuthMode mode) {
        scenario.check(new EnsureClientReported("P2", "the user's authMode", mode, user.value()));
    }

    @Then("the client reports that the user's auth mode is unavailable, naming HTTP {int}")
    public void userModeUnavailable(int status) {
        scenario.check(new EnsureFailureReported("P2", "an unavailable UserAuthMode", List.of(String.valueOf(status))));
    }
}
