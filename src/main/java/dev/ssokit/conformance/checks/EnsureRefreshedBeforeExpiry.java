package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * F8: the client refreshes before the access token expires (a late refresh or none at all is broken). How early is
 * F14's business: Cisco's own example refreshed 40 s into a 300 s token (finesse-sso-protocol.md 8.4).
 */
public record EnsureRefreshedBeforeExpiry(long expirySecond) implements Check {
    public String requirement() {
        return "F8";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client refreshes its access token before it expires, and the refresh is answered with a token";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> refreshes = evidence.refreshes();
        if (refreshes.isEmpty()) {
            return Verdict.fail("a refresh before t=" + expirySecond + " s",
                    "the client never refreshed (its last request was at t=" + evidence.journal().stream()
                            .mapToLong(Exchange::atSecond).max().orElse(0) + " s)");
        }
        Exchange first = refreshes.get(0);
        if (first.atSecond() >= expirySecond) {
            return Verdict.fail("a refresh before t=" + expirySecond + " s", "first refresh at t=" + first.atSecond()
                    + " s, after the token expired");
        }
        return Verdict.of(first.status() == 200, "the refresh answered 200 with a new token", Exchanges.line(first));
    }
}
