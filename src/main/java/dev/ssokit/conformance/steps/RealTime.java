package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.runtarget.RunTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * "N seconds pass" on a target (a lab, with --lab-refresh): the features count in the stub world's token lifetime
 * (300 s), a lab issues its own, so N is scaled to the lab's (read from its first token answer). The wait polls the
 * client (its refresh timer) every quarter second until the scaled time is up: a deadline, never one long sleep.
 */
final class RealTime {
    /** The access-token lifetime the features' seconds are written for (the stub world's default). */
    static final long FEATURE_TOKEN_SECONDS = 300;
    private static final long POLL_MILLIS = 250;

    private RealTime() {
    }

    static Duration lifetime(ScenarioContext scenario) {
        RunTarget target = scenario.target().orElseThrow();
        return target.accessTokenLifetime().orElseThrow(() -> new IllegalStateException(target.describe()
                + " answered no token JSON with expires_in before time passed: its token lifetime is unknown"));
    }

    /** Feature seconds as seconds on the target (unchanged on the embedded world). */
    static long onTarget(ScenarioContext scenario, long featureSeconds) {
        if (scenario.target().isEmpty()) {
            return featureSeconds;
        }
        return Math.round(featureSeconds * (double) lifetime(scenario).toSeconds() / FEATURE_TOKEN_SECONDS);
    }

    static void pass(ScenarioContext scenario, int featureSeconds) {
        RunTarget target = scenario.target().orElseThrow();
        if (!target.realTimeRefresh()) {
            throw new IllegalStateException("time cannot pass on " + target.describe() + " without --lab-refresh");
        }
        Instant deadline = Instant.now().plusMillis(TimeUnit.SECONDS.toMillis(onTarget(scenario, featureSeconds)));
        while (Instant.now().isBefore(deadline)) {
            scenario.client().timePassed();
            long left = Duration.between(Instant.now(), deadline).toMillis();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(1, Math.min(POLL_MILLIS, left))));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while time passed on " + target.describe());
            }
        }
        scenario.client().timePassed();
    }
}
