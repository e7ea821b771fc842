package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * F11: a sign-in again (after a refused refresh) asks for a refresh token again (return_refresh_token=true), so
 * the next renewal is a refresh, not one more full sign-in.
 */
public record EnsureRefreshAfterReauth() implements Check {
    public String requirement() {
        return "F11";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "After signing in again the client renews its token with a refresh (it asked for a refresh token again)";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> starts = evidence.where(e -> Exchanges.isTokenRequest(e) && e.isRedirect());
        if (starts.size() < 2) {
            return Verdict.fail("a sign-in, a refused refresh, a sign-in again", "token requests:" + evidence.listing(starts));
        }
        Exchange again = starts.get(1);
        List<Exchange> later = evidence.journal().subList(evidence.journal().indexOf(again) + 1, evidence.journal().size());
        boolean refreshedAfter = later.stream().anyMatch(r -> Exchanges.isRefresh(r) && r.status() == 200);
        if (refreshedAfter) {
            return Verdict.pass("a refresh after " + Exchanges.line(again));
        }
        boolean asked = again.queryParameter("return_refresh_token").map("true"::equalsIgnoreCase).orElse(false);
        if (asked) {
            // what the client controls is asking again; a sign-in that reused an open IdS/IdP session may be handed
            // a grant without a usable refresh token, and a client that then signs in once more is not at fault
            return Verdict.pass("the sign-in again asked for a refresh token (" + Exchanges.line(again) + ")");
        }
        return Verdict.fail("after the sign-in again (" + Exchanges.line(again) + ") a refresh POST at 75 % of the new "
                        + "token's lifetime", (starts.size() > 2 ? "the client signed in once more instead ("
                        + Exchanges.line(starts.get(2)) + ")" : "no refresh followed")
                        + (asked ? "" : "; the sign-in again asked for no refresh token: add return_refresh_token=true "
                        + "to GET /desktop/sso/token every time"));
    }
}
