package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;

/** F11: a refused refresh (expired refresh token) leads to exactly one full sign-in, not a loop and not a stop. */
public record EnsureSingleReauthAfterRefusedRefresh() implements Check {
    public String requirement() {
        return "F11";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "When a refresh is refused the client signs in again through the full flow, once";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> refused = evidence.refreshes().stream().filter(e -> e.status() == 401).findFirst();
        if (refused.isEmpty()) {
            return Verdict.fail("a refresh refused with 401", "refreshes:" + evidence.listing(evidence.refreshes()));
        }
        List<Exchange> after = evidence.where(e -> e.sequence() > refused.get().sequence());
        long newFlows = after.stream().filter(e -> Exchanges.isTokenRequest(e) && e.status() == 302).count();
        long logins = after.stream().filter(Exchanges::isIdpLoginPost).count();
        long moreRefreshes = after.stream().filter(Exchanges::isRefresh).count();
        if (newFlows != 1 || logins != 1 || moreRefreshes != 0) {
            return Verdict.fail("one new token flow with one IdP login, no further refresh",
                    newFlows + " new flow(s), " + logins + " login(s), " + moreRefreshes + " refresh(es) after "
                            + Exchanges.line(refused.get()));
        }
        return Verdict.of(evidence.token().isPresent(), "a new token held afterwards",
                "no token: " + evidence.lastFailure().orElse(""));
    }
}
