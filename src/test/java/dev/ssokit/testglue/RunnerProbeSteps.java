package dev.ssokit.testglue;

import io.cucumber.java.en.Given;

/**
 * Steps for the runner's own tests only (never in a feature run): a scenario that errors instead of judging, so the
 * tests can prove such a scenario is reported as ERROR and the run as NOT_JUDGED.
 */
public final class RunnerProbeSteps {
    @Given("the kit's own code throws an exception")
    public void throwsException() {
        throw new IllegalStateException("probe: the kit's code broke");
    }

    @Given("the JVM runs out of memory")
    public void runsOutOfMemory() {
        throw new OutOfMemoryError("Java heap space (probe)");
    }

    @Given("a step that passes")
    public void passes() {
        // judges nothing, fails nothing
    }
}
