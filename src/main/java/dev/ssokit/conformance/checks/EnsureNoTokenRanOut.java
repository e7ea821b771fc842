package dev.ssokit.conformance.checks;

import dev.ssokit.conformance.checks.TokenGrants.Grant;
import java.util.List;

/**
 * F8 over several cycles: no access token runs out before the client renews it, up to a given second. How early a
 * renewal comes is F14/F20's business (a recommendation); a token left to expire is Cisco's "refresh before expiry"
 * broken (Finesse Web Services Developer Guide 12.5: an expired token is refused).
 */
public record EnsureNoTokenRanOut(long untilSecond) implements Check {
    public String requirement() {
        return "F8";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Cycle after cycle, each access token is renewed before it expires (up to t=" + untilSecond + " s)";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Grant> grants = TokenGrants.in(evidence);
        if (grants.isEmpty()) {
            return Verdict.fail("a token, then renewals up to t=" + untilSecond + " s",
                    "the client never got a token from GET /desktop/sso/token");
        }
        for (int i = 1; i < grants.size(); i++) {
            Grant before = grants.get(i - 1);
            Grant next = grants.get(i);
            if (next.at() >= before.expiresAt()) {
                return Verdict.fail("the token granted at t=" + before.at() + " s renewed before it expired at t="
                                + before.expiresAt() + " s",
                        (next.refresh() ? "the refresh " : "the sign-in ") + Exchanges.line(next.exchange())
                                + " came at t=" + next.at() + " s, after the token had expired: start the refresh "
                                + "timer again from each new token");
            }
        }
        Grant last = grants.get(grants.size() - 1);
        return Verdict.of(last.expiresAt() > untilSecond, "a valid token at t=" + untilSecond + " s, each one renewed "
                        + "before it ran out", "the token granted at t=" + last.at() + " s by "
                        + Exchanges.line(last.exchange()) + " expired at t=" + last.expiresAt() + " s and the client "
                        + "never renewed it (" + (grants.size() - 1) + " renewal(s) in all): after each refresh, "
                        + "schedule the next one for the new token");
    }
}
