package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureAutoPostSubmitted;
import dev.ssokit.conformance.checks.EnsureCcUsernameCookie;
import dev.ssokit.conformance.checks.EnsureCcUsernameInQuery;
import dev.ssokit.conformance.checks.EnsureCookiesReturnedOnNextHop;
import dev.ssokit.conformance.checks.EnsureCookiesStayWithTheirHost;
import dev.ssokit.conformance.checks.EnsureFailureReported;
import dev.ssokit.conformance.checks.EnsureNoTokenHeld;
import dev.ssokit.conformance.checks.EnsureRedirectChain;
import dev.ssokit.conformance.checks.EnsureSingleSubmission;
import dev.ssokit.conformance.checks.EnsureTokenHeld;
import dev.ssokit.conformance.checks.ExpectHop;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Secret;
import dev.ssokit.model.UsernameCarrier;
import io.cucumber.java.DataTableType;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** Step 3 (and the browser duties it exercises): the token request and its redirect chain. */
public final class TokenSteps {
    private final ScenarioContext scenario;

    public TokenSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @DataTableType
    public ExpectHop hop(Map<String, String> row) {
        return new ExpectHop(row.get("system"), row.get("method"), row.get("path"));
    }

    @When("agent {string} requests a token with cc_username in {carrier}")
    public void requestsToken(String agent, UsernameCarrier carrier) {
        scenario.remember(scenario.client().acquireToken(scenario.agent(agent).credentials(), carrier));
    }

    @When("an unknown account {string} requests a token with cc_username in the query")
    public void unknownAccountRequestsToken(String username) {
        scenario.remember(scenario.client().acquireToken(
                new Credentials(username, Secret.of("Not-A-Known-Password-1")), UsernameCarrier.QUERY));
    }

    @When("agent {string} requests a token with a wrong password")
    public void requestsTokenWithWrongPassword(String agent) {
        scenario.remember(scenario.client().acquireToken(
                new Credentials(scenario.agent(agent).loginName(), Secret.of("Wrong-Password-0")), UsernameCarrier.QUERY));
    }

    @Then("the token request carried cc_username for {string} URL-encoded in the query")
    public void ccUsernameInQuery(String agent) {
        scenario.check(new EnsureCcUsernameInQuery(agent));
    }

    @Then("the token request carried the cc_username cookie for {string}, URL-encoded")
    public void ccUsernameCookie(String agent) {
        scenario.check(new EnsureCcUsernameCookie(agent));
    }

    @Then("the client holds a token for {string}")
    public void holdsToken(String agent) {
        scenario.check(new EnsureTokenHeld("J10", agent));
    }

    @Then("the client holds no token")
    public void holdsNoToken() {
        scenario.check(new EnsureNoTokenHeld("P3"));
    }

    @Then("the client's requests went, in order:")
    public void requestsInOrder(List<ExpectHop> hops) {
        scenario.check(new EnsureRedirectChain(hops));
    }

    @Then("every cookie set on a redirect came back on the next request to its host")
    public void cookiesOnNextHop() {
        scenario.check(new EnsureCookiesReturnedOnNextHop());
    }

    @Then("no cookie went to a host other than the one that set it")
    public void cookiesStayHome() {
        scenario.check(new EnsureCookiesStayWithTheirHost());
    }

    @Then("the IdP's SAML auto-POST form was submitted unchanged")
    public void samlFormSubmitted() {
        scenario.check(EnsureAutoPostSubmitted.samlResponse());
    }

    @Then("the IdS relay form was submitted unchanged")
    public void relayFormSubmitted() {
        scenario.check(EnsureAutoPostSubmitted.relay());
    }

    @Then("each auto-POST form was submitted exactly once")
    public void submittedOnce() {
        scenario.check(new EnsureSingleSubmission());
    }

    @Then("the client reports the token response as incomplete, naming {string}")
    public void incompleteTokenResponse(String field) {
        scenario.check(new EnsureFailureReported("F4", "an incomplete token response", List.of(field)));
    }

    @Then("the client reports that the token request was refused, naming HTTP {int}")
    public void tokenRequestRefused(int status) {
        scenario.check(EnsureFailureReported.withStatus("P3", "a refused token request", status));
    }

    @Then("the client reports that IdS refused the flow, naming HTTP {int} and {string}")
    public void idsRefused(int status, String reason) {
        scenario.check(new EnsureFailureReported("F18", "IdS's refusal (as IdS's, not Finesse's or the IdP's)",
                List.of(String.valueOf(status), "IdS", reason)));
    }
}
