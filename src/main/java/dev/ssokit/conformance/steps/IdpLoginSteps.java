package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureFailureReported;
import dev.ssokit.conformance.checks.EnsureIdpFormPostedLikeBrowser;
import dev.ssokit.conformance.checks.EnsureNothingPostedToIds;
import io.cucumber.java.en.Then;
import java.util.List;

/** Step 4: the IdP login page. */
public final class IdpLoginSteps {
    private final ScenarioContext scenario;

    public IdpLoginSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Then("the IdP login form was posted like a browser, as {string}")
    public void formPostedLikeBrowser(String username) {
        scenario.check(new EnsureIdpFormPostedLikeBrowser(username));
    }

    @Then("the client reports that the IdP did not accept the credentials")
    public void credentialsRefused() {
        scenario.check(new EnsureFailureReported("P4", "a refused IdP login", List.of("IdP", "credentials")));
    }

    @Then("nothing was posted to IdS after the login")
    public void nothingPostedToIds() {
        scenario.check(new EnsureNothingPostedToIds());
    }
}
