package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureEachRefreshTokenUsedOnce;
import dev.ssokit.conformance.checks.EnsureNoRefreshYet;
import dev.ssokit.conformance.checks.EnsureRefreshRedirectFollowed;
import dev.ssokit.conformance.checks.EnsureRefreshRequestShape;
import dev.ssokit.conformance.checks.EnsureRefreshedInWindow;
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
        scenario.world().clock().advance(Duration.ofSeconds(seconds));
        scenario.client().timePassed();
    }

    @When("{int} seconds pass while the client sleeps")
    public void secondsPassAsleep(int seconds) {
        scenario.world().clock().advance(Duration.ofSeconds(seconds));
    }

    @Then("the client has not refreshed before {int} seconds")
    public void notRefreshedYet(int seconds) {
        scenario.check(new EnsureNoRefreshYet(seconds));
    }

    @Then("the client refreshed between {int} and {int} seconds")
    public void refreshedInWindow(int from, int before) {
        scenario.check(new EnsureRefreshedInWindow(from, before));
    }

    @Then("the refresh was a form POST of token, refresh-token and cc_username")
    public void refreshShape() {
        scenario.check(new EnsureRefreshRequestShape());
    }

    @Then("each of the {int} refreshes used a refresh token not used before")
    public void rotated(int refreshes) {
        scenario.check(new EnsureEachRefreshTokenUsedOnce(refreshes));
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
