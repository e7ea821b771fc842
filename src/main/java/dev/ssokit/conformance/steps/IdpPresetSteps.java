package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureFailureReported;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Secret;
import dev.ssokit.model.UsernameCarrier;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** The IdP presets (stubs/idp/presets) and IdS as a SAML service provider: their world settings and reports. */
public final class IdpPresetSteps {
    private final ScenarioContext scenario;

    public IdpPresetSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Given("the IdP shows the {string} sign-in pages")
    public void idpPreset(String preset) {
        scenario.world().settings().idpPreset(preset);
    }

    @Given("IdS sends its SAML request with the HTTP-POST binding")
    public void postBinding() {
        scenario.world().settings().samlPostBinding(true);
    }

    @Given("the IdP's signed SAML response is {word}")
    public void spoiltResponse(String fault) {
        scenario.world().settings().samlResponseFault(fault);
    }

    @When("agent {string} requests a token again after its Finesse and IdS sessions ended")
    public void againAfterIdsForgot(String agent) {
        endSessions();
        scenario.remember(scenario.client().acquireToken(scenario.agent(agent).credentials(), UsernameCarrier.QUERY));
    }

    @When("agent {string} requests a token {int} times in a row, its Finesse and IdS sessions ending each time")
    public void repeatedly(String agent, int times) {
        for (int i = 0; i < times; i++) {
            endSessions();
            scenario.remember(scenario.client().acquireToken(scenario.agent(agent).credentials(), UsernameCarrier.QUERY));
        }
    }

    /** The desktop's Finesse and IdS sessions end (sign-out, expiry); the IdP's own session cookie stays. */
    private void endSessions() {
        scenario.world().state().finesseSessions.clear();
        scenario.world().state().idsSessions.clear();
    }

    @When("agent {string} requests a token with cc_username in the query and a wrong password")
    public void wrongPassword(String agent) {
        scenario.remember(scenario.client().acquireToken(
                new Credentials(scenario.agent(agent).loginName(), Secret.of("Wrong-Password-0")), UsernameCarrier.QUERY));
    }

    @Then("the last token request succeeded")
    public void lastTokenRequestSucceeded() {
        scenario.check(new dev.ssokit.conformance.checks.EnsureLastStepSucceeded(scenario.requirement(),
                "the last token request"));
    }

    @Then("the client reports that the IdP page said {string}")
    public void idpPageSaid(String text) {
        scenario.check(new EnsureFailureReported(scenario.requirement(), "what the IdP page said", List.of("IdP", text)));
    }

    @Then("the client reports that the IdP asked for Windows Integrated Authentication")
    public void windowsIntegrated() {
        scenario.check(new EnsureFailureReported(scenario.requirement(), "a 401 Negotiate from AD FS",
                List.of("Windows Integrated Authentication", "401", "Negotiate")));
    }

    @Then("the client reports AD FS loop detection")
    public void loopDetection() {
        scenario.check(new EnsureFailureReported(scenario.requirement(), "AD FS loop detection",
                List.of("loop detection", "MSIS7042")));
    }

    @Then("the client reports where it got stuck: the page {string} and its field {string}")
    public void stuck(String path, String field) {
        scenario.check(new EnsureFailureReported(scenario.requirement(), "an IdP page it cannot get through",
                List.of(path, "no IdP preset matches", field)));
    }

    @Then("the client reports that IdS refused the SAML response")
    public void idsRefused() {
        scenario.check(new EnsureFailureReported(scenario.requirement(), "IdS's refusal of the SAML response",
                List.of("500", "Identity Service", "SAML response")));
    }
}
