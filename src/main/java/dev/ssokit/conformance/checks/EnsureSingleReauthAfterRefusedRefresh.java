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
        return "When a refresh is refused the client signs in again through the token flow, once (reusing an open IdS or "
                + "IdP session is fine)";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> refused = evidence.refreshes().stream().filter(e -> e.status() == 401).findFirst();
        if (refused.isEmpty()) {
            return Verdict.fail("a refresh refused with 401", "refreshes:" + evidence.listing(evidence.refreshes()));
        }
        List<Exchange> after = evidence.where(e -> e.sequence() > refused.get().sequence());
        long starts = after.stream().filter(e -> Exchanges.isTokenRequest(e) && e.isRedirect()).count();
        long tokens = after.stream().filter(e -> Exchanges.isTokenRequest(e) && e.status() == 200).count();
        long authorizes = after.stream().filter(e -> e.system() == dev.ssokit.world.StubSystem.IDS
                && e.path().equals("/ids/v1/oauth/authorize")).count();
        long logins = after.stream().filter(Exchanges::isIdpLoginPost).count();
        long moreRefreshes = after.stream().filter(Exchanges::isRefresh).count();
        // An open IdS or IdP session may spare the login page (real IdPs do): at most one login, not exactly one.
        if (starts + tokens == 0 || starts > 1 || tokens > 1 || authorizes > 1 || logins > 1 || moreRefreshes != 0) {
            return Verdict.fail("one new token flow (one token answer, at most one authorize and one IdP login), "
                    + "no further refresh", tokens + " token answer(s), " + authorizes + " authorize(s), " + logins
                    + " login(s), " + moreRefreshes + " refresh(es) after " + Exchanges.line(refused.get()));
        }
        return Verdict.of(evidence.token().isPresent(), "a new token held afterwards",
                "no token: " + evidence.lastFailure().orElse(""));
    }
}
