package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * On a replay (--target replay:DIR) only the recorded flow can be answered: a scenario not tagged @replay needs
 * answers the recording does not hold (another agent, a world variant, stub control, the virtual clock's other
 * tokens) and is skipped with that reason, never failed.
 */
public final class ReplayHooks {
    static final String REASON = "skipped: a replay answers only the one recorded flow (SystemInfo, UserAuthMode, "
            + "the token chain, the User lookup, an API call, a refresh); this scenario needs stub control or other "
            + "answers (not tagged @replay)";
    private final ScenarioContext scenario;

    public ReplayHooks(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Before(order = 5)
    public void skipWhatAReplayCannotDo(Scenario cucumberScenario) {
        if (scenario.replaying() && !cucumberScenario.getSourceTagNames().contains("@replay")) {
            throw new org.opentest4j.TestAbortedException(REASON);
        }
    }
}
