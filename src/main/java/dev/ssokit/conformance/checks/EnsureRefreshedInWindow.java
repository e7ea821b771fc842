package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** F8: the first refresh happens at or after 75 % and before 100 % of expires_in (virtual clock seconds). */
public record EnsureRefreshedInWindow(long fromSecond, long beforeSecond) implements Check {
    public String requirement() {
        return "F8";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client refreshes after 75 % and before 100 % of the access token's expires_in";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> refreshes = evidence.refreshes();
        if (refreshes.isEmpty()) {
            return Verdict.fail("a refresh between t=" + fromSecond + " s and t=" + beforeSecond + " s",
                    "the client never refreshed (its last request was at t=" + evidence.journal().stream()
                            .mapToLong(Exchange::atSecond).max().orElse(0) + " s)");
        }
        long at = refreshes.get(0).atSecond();
        return Verdict.of(at >= fromSecond && at < beforeSecond,
                "first refresh in [" + fromSecond + ", " + beforeSecond + ") s", "first refresh at t=" + at + " s");
    }
}
