package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureAuthCodeUsedOnce;
import dev.ssokit.conformance.checks.EnsureCallsUseLatestToken;
import dev.ssokit.conformance.checks.EnsureEveryRefreshInWindow;
import dev.ssokit.conformance.checks.EnsureNoFragmentSent;
import dev.ssokit.conformance.checks.EnsureNoTokenRanOut;
import dev.ssokit.conformance.checks.EnsureRawTargetRequested;
import dev.ssokit.conformance.checks.EnsureRefreshAfterReauth;
import dev.ssokit.conformance.checks.EnsureRefreshPostsCurrentToken;
import dev.ssokit.conformance.checks.EnsureRepostHeaders;
import dev.ssokit.conformance.checks.EnsureSingleBearerCredential;
import dev.ssokit.conformance.checks.Target;
import io.cucumber.java.en.Then;
import java.net.URI;

/** Checks of the lifecycle over several cycles, credential hygiene, single use and request shape on redirects. */
public final class PowerSteps {
    private final ScenarioContext scenario;

    public PowerSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Then("up to {int} seconds every token was renewed between 75 % and 100 % of its lifetime")
    public void everyRefreshInWindow(int until) {
        scenario.check(new EnsureEveryRefreshInWindow(RealTime.onTarget(scenario, until)));
    }

    @Then("up to {int} seconds no access token ran out before the client renewed it")
    public void noTokenRanOut(int until) {
        scenario.check(new EnsureNoTokenRanOut(RealTime.onTarget(scenario, until)));
    }

    @Then("every Finesse API call after a refresh carried the refreshed access token")
    public void callsUseLatestToken() {
        scenario.check(new EnsureCallsUseLatestToken());
    }

    @Then("each refresh posted the access token it renewed")
    public void refreshPostsCurrentToken() {
        scenario.check(new EnsureRefreshPostsCurrentToken());
    }

    @Then("after signing in again the client renewed its token with a refresh")
    public void refreshAfterReauth() {
        scenario.check(new EnsureRefreshAfterReauth());
    }

    @Then("every Finesse API call carried one Authorization header, the Bearer, and no password")
    public void singleBearer() {
        scenario.check(new EnsureSingleBearerCredential());
    }

    @Then("each authorization code went to Finesse once")
    public void authCodeOnce() {
        scenario.check(new EnsureAuthCodeUsedOnce());
    }

    @Then("the re-POST to {string} kept the Content-Type and Content-Length of the POST to {string}")
    public void repostHeaders(String to, String from) {
        scenario.check(new EnsureRepostHeaders(scenario.requirement(), Target.parse(from), Target.parse(to)));
    }

    @Then("the client requested {string} with its percent-encodings unchanged")
    public void rawTarget(String url) {
        URI uri = URI.create(url);
        scenario.check(new EnsureRawTargetRequested(scenario.requirement(), uri.getHost(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    }

    @Then("no request carried the fragment {string}")
    public void noFragment(String fragment) {
        scenario.check(new EnsureNoFragmentSent(scenario.requirement(), fragment));
    }
}
