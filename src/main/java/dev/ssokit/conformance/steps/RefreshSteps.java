package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureEachRefreshTokenUsedOnce;
import dev.ssokit.conformance.checks.EnsureNoRefreshYet;
import dev.ssokit.conformance.checks.EnsureRefreshRedirectFollowed;
import dev.ssokit.conformance.checks.EnsureRefreshRequestShape;
import dev.ssokit.conformance.checks.EnsureRefreshAsPostForm;
import dev.ssokit.conformance.checks.EnsureRefreshedBeforeExpiry;
import dev.ssokit.conformance.checks.EnsureSingleReauthAfterRefusedRefresh;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Step 7: time passes on the shared virtual clock; the client refreshes when due. */
public final class RefreshSteps {
    private final ScenarioContext scenario;

    public RefreshSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @When("{int} seconds pass")
    public void secondsPass(int seconds) {
        if (scenario.target().isPresent()) { // --lab-refresh: real time on the lab, scaled to its token lifetime
            RealTime.pass(scenario, seconds);
            return;
        }
        VirtualTime.pass(scenario, seconds);
    }

    @When("{int} seconds pass while the client sleeps")
    public void secondsPassAsleep(int seconds) {
        scenario.world().clock().advance(Duration.ofSeconds(seconds));
    }

    @Then("the client has not refreshed before {int} seconds")
    public void notRefreshedYet(int seconds) {
        scenario.check(new EnsureNoRefreshYet(RealTime.onTarget(scenario, seconds)));
    }

    @Then("the client refreshed before the access token expired")
    public void refreshedBeforeExpiry() {
        scenario.check(new EnsureRefreshedBeforeExpiry(scenario.target().isPresent()
                ? RealTime.lifetime(scenario).toSeconds()
                : scenario.world().settings().accessTokenLifetime().toSeconds()));
    }

    @Then("the refresh sent the refresh token")
    public void refreshShape() {
        scenario.check(new EnsureRefreshRequestShape());
    }

    @Then("the refresh was a form POST, keeping the refresh token out of the URL")
    public void refreshAsPostForm() {
        scenario.check(new EnsureRefreshAsPostForm());
    }

    @Then("each of the {int} refreshes used a refresh token not used before")
    public void rotated(int refreshes) {
        scenario.check(new EnsureEachRefreshTokenUsedOnce(refreshes));
    }

    @Then("each of the {int} refreshes sent the refresh token the one before returned, and got a token")
    public void rotatedWhereRevoked(int refreshes) {
        scenario.check(new EnsureEachRefreshTokenUsedOnce("F9", refreshes));
    }

    @Then("the client signed in again once after its refresh was refused")
    public void reauthenticatedOnce() {
        scenario.check(new EnsureSingleReauthAfterRefusedRefresh());
    }

    @Then("the client followed the refresh redirect to a new token")
    public void followedRefreshRedirect() {
        scenario.check(new EnsureRefreshRedirectFollowed());
    }
}
