package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.TokenGrants;
import java.time.Duration;
import java.util.List;

/**
 * Time passing on the shared virtual clock. A real clock passes every second; the virtual one jumps. So that a client
 * that refreshes late but in time (at 95 %, say) is not failed for a jump over its moment, a jump also wakes the
 * client one second before each newest access token it holds would expire, as often as that falls inside the jump.
 */
final class VirtualTime {
    private VirtualTime() {
    }

    static void pass(ScenarioContext scenario, int seconds) {
        long end = now(scenario) + seconds;
        for (long wake = wakeBeforeExpiry(scenario); wake > now(scenario) && wake < end;
                wake = wakeBeforeExpiry(scenario)) {
            scenario.world().clock().advance(Duration.ofSeconds(wake - now(scenario)));
            scenario.client().timePassed();
        }
        scenario.world().clock().advance(Duration.ofSeconds(end - now(scenario)));
        scenario.client().timePassed();
    }

    private static long now(ScenarioContext scenario) {
        return scenario.world().clock().secondsSinceStart();
    }

    /** One second before the newest access token Finesse handed out expires (journal time), or -1 without one. */
    private static long wakeBeforeExpiry(ScenarioContext scenario) {
        List<TokenGrants.Grant> grants = TokenGrants.in(scenario.evidence());
        return grants.isEmpty() ? -1 : grants.get(grants.size() - 1).expiresAt() - 1;
    }
}
