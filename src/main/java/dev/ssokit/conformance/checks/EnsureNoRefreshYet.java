package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** F8: no refresh before 75 % of expires_in. */
public record EnsureNoRefreshYet(long beforeSecond) implements Check {
    public String requirement() {
        return "F14";
    }

    public Severity severity() {
        return Severity.WARN;
    }

    public String rule() {
        return "The client does not refresh before 75 % of expires_in (Cisco's advice; an early refresh is wasteful, not broken)";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> early = evidence.refreshes().stream().filter(e -> e.atSecond() < beforeSecond).toList();
        return Verdict.of(early.isEmpty(), "no refresh before t=" + beforeSecond + " s",
                "refreshed early:" + evidence.listing(early));
    }
}
