package dev.ssokit.conformance.checks;

import dev.ssokit.conformance.checks.TokenGrants.Grant;
import java.util.List;

/**
 * F20: over several cycles, each refresh renews the token it replaces between 75 % and 100 % of that token's
 * lifetime (the timer counts from the last refresh), and no token runs out while the client keeps running.
 */
public record EnsureEveryRefreshInWindow(long untilSecond) implements Check {
    public String requirement() {
        return "F20";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Every refresh comes between 75 % and 100 % of the lifetime of the token it renews, cycle after cycle";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Grant> grants = TokenGrants.in(evidence);
        if (grants.isEmpty()) {
            return Verdict.fail("a token, then refreshes up to t=" + untilSecond + " s", "the client never got a token");
        }
        for (int i = 1; i < grants.size(); i++) {
            Grant before = grants.get(i - 1);
            Grant next = grants.get(i);
            long age = next.at() - before.at();
            if (age * 4 < before.expiresIn() * 3 || age >= before.expiresIn()) {
                return Verdict.fail("the token granted at t=" + before.at() + " s (expires_in " + before.expiresIn()
                                + " s) renewed between t=" + (before.at() + (before.expiresIn() * 3 + 3) / 4) + " s and t="
                                + before.expiresAt() + " s",
                        (next.refresh() ? "refresh " : "new sign-in ") + Exchanges.line(next.exchange()) + " renewed it after "
                                + age + " s (" + (before.expiresIn() == 0 ? 0 : 100 * age / before.expiresIn()) + " %)"
                                + (age * 4 < before.expiresIn() * 3 ? ": too early; the refresh timer must count from "
                                + "the last refresh, not from the first token" : ": too late, the token had expired"));
            }
        }
        Grant last = grants.get(grants.size() - 1);
        return Verdict.of(last.expiresAt() > untilSecond, "a valid token at t=" + untilSecond + " s (each one renewed "
                        + "before it ran out)", "the token granted at t=" + last.at() + " s (" + Exchanges.line(last.exchange())
                        + ") expired at t=" + last.expiresAt() + " s and was never renewed: the refresh timer stopped after "
                        + (grants.size() - 1) + " refresh(es)");
    }
}
