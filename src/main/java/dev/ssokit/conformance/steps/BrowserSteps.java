package dev.ssokit.conformance.steps;

import dev.ssokit.client.PageReport;
import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureBodyPreserved;
import dev.ssokit.conformance.checks.EnsureClientReported;
import dev.ssokit.conformance.checks.EnsureCookieDelivery;
import dev.ssokit.conformance.checks.EnsureCookieOrder;
import dev.ssokit.conformance.checks.EnsureGetWithoutBody;
import dev.ssokit.conformance.checks.EnsureHeaderAt;
import dev.ssokit.conformance.checks.EnsureNoscriptHandled;
import dev.ssokit.conformance.checks.EnsureOneCookieHeader;
import dev.ssokit.conformance.checks.EnsureRedirectLoopStopped;
import dev.ssokit.conformance.checks.EnsureRequested;
import dev.ssokit.conformance.checks.EnsureScriptCookieView;
import dev.ssokit.conformance.checks.Target;
import dev.ssokit.model.Outcome;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.util.List;

/**
 * The browser-behaviour catalogue: the client opens a page of the stub world's lab (stubs/&lt;system&gt;/mappings/lab)
 * and the journal shows what it did with the redirects, cookies and scripts it met.
 */
public final class BrowserSteps {
    private final ScenarioContext scenario;
    private Outcome<PageReport> page;
    private Outcome<Boolean> ssoTest;

    public BrowserSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** "${ids}/lab/c2/set" -> the world's URI for that lab host. */
    private URI lab(String address) {
        int end = address.indexOf('}') + 1;
        return scenario.world().labUri(address.substring(0, end), address.substring(end));
    }

    @When("the client opens {string}")
    public void opens(String address) {
        page = scenario.remember(scenario.client().browse(lab(address)));
    }

    @When("the application restarts and the client opens {string}")
    public void restartsAndOpens(String address) {
        scenario.client().restart();
        opens(address);
    }

    @When("the client calls the Finesse API {string}")
    public void callsApi(String path) {
        scenario.remember(scenario.client().getFinesseApi(path));
    }

    @When("the client runs the SSO test page")
    public void runsSsoTest() {
        ssoTest = scenario.remember(scenario.client().runSsoTest());
    }

    @Then("cookie {string} was sent to {string}")
    public void cookieSent(String cookie, String target) {
        scenario.check(new EnsureCookieDelivery(scenario.requirement(), cookie, Target.parse(target), true, null));
    }

    @Then("cookie {string} was sent to {string} as {string}")
    public void cookieSentWithValue(String cookie, String target, String value) {
        scenario.check(new EnsureCookieDelivery(scenario.requirement(), cookie, Target.parse(target), true, value));
    }

    @Then("cookie {string} was not sent to {string}")
    public void cookieNotSent(String cookie, String target) {
        scenario.check(new EnsureCookieDelivery(scenario.requirement(), cookie, Target.parse(target), false, null));
    }

    @Then("the client requested {word} {string}")
    public void requested(String method, String target) {
        scenario.check(new EnsureRequested(scenario.requirement(), method, Target.parse(target)));
    }

    @Then("{string} was requested with GET and no body")
    public void getWithoutBody(String target) {
        scenario.check(new EnsureGetWithoutBody(scenario.requirement(), Target.parse(target)));
    }

    @Then("the body posted to {string} was posted again, unchanged, to {string}")
    public void bodyPreserved(String from, String to) {
        scenario.check(new EnsureBodyPreserved(scenario.requirement(), Target.parse(from), Target.parse(to)));
    }

    @Then("the client stopped the loop under {string} within {int} requests and reported it")
    public void loopStopped(String pathPrefix, int max) {
        scenario.check(new EnsureRedirectLoopStopped(scenario.requirement(), pathPrefix, max));
    }

    @Then("no Authorization header went to {string}")
    public void noAuthorization(String target) {
        scenario.check(new EnsureHeaderAt(scenario.requirement(), List.of("authorization"), Target.parse(target), false));
    }

    @Then("an Origin or Referer header went to {string}")
    public void originOrReferer(String target) {
        scenario.check(new EnsureHeaderAt(scenario.requirement(), List.of("origin", "referer"), Target.parse(target),
                true));
    }

    @Then("the Referer sent to {string} named an origin only")
    public void refererOriginOnly(String target) {
        scenario.check(new dev.ssokit.conformance.checks.EnsureRefererIsOrigin(scenario.requirement(),
                Target.parse(target)));
    }

    @Then("the request to {string} carried its {int} cookies in one Cookie header")
    public void oneCookieHeader(String target, int cookies) {
        scenario.check(new EnsureOneCookieHeader(scenario.requirement(), Target.parse(target), cookies));
    }

    @Then("cookie {string} went to {string} as {string} before {string}")
    public void cookieOrder(String cookie, String target, String first, String second) {
        scenario.check(new EnsureCookieOrder(scenario.requirement(), cookie, first, second, Target.parse(target)));
    }

    @Then("the page script saw {string} but not {string}, which is still {string} at {string}")
    public void scriptView(String visible, String hidden, String value, String report) {
        scenario.check(new EnsureScriptCookieView(scenario.requirement(), visible, hidden, value, Target.parse(report)));
    }

    @Then("the noscript form was posted to {string} or the client said why it stopped")
    public void noscript(String target) {
        scenario.check(new EnsureNoscriptHandled(scenario.requirement(), Target.parse(target)));
    }

    @Then("the client reports the final address {string}")
    public void finalAddress(String address) {
        String expected = lab(address).toString();
        scenario.check(new EnsureClientReported(scenario.requirement(), "the final address, fragment included",
                expected, page.optional().map(PageReport::finalUrl).orElse(null)));
    }

    @Then("the client reports the SSO test as passed")
    public void ssoTestPassed() {
        scenario.check(new EnsureClientReported(scenario.requirement(), "the ssotest cookie's verdict", true,
                ssoTest.value()));
    }
}
