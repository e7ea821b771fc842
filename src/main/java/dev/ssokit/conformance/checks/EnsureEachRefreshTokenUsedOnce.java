package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** F9: refresh tokens rotate: each refresh sends the newest refresh token, never one already used, and succeeds. */
public record EnsureEachRefreshTokenUsedOnce(String requirement, int expectedRefreshes) implements Check {
    /** F16 (the default world, a WARN: Cisco does not say old refresh tokens stop working, 8.5). */
    public EnsureEachRefreshTokenUsedOnce(int expectedRefreshes) {
        this("F16", expectedRefreshes);
    }

    public Severity severity() {
        return requirement.equals("F16") ? Severity.WARN : Severity.FAIL;
    }

    public String rule() {
        return "After a refresh the client replaces its refresh token with the rotated one it received";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> refreshes = evidence.refreshes();
        if (refreshes.size() < expectedRefreshes) {
            return Verdict.fail(expectedRefreshes + " refreshes", refreshes.size() + ":" + evidence.listing(refreshes));
        }
        Set<String> used = new HashSet<>();
        for (Exchange refresh : refreshes) {
            String token = refresh.formParameter("refresh-token").or(() -> refresh.queryParameter("refresh-token"))
                    .orElse("");
            if (!used.add(token)) {
                return Verdict.fail("a fresh refresh token on each refresh",
                        "a refresh token already used was sent again on " + Exchanges.line(refresh));
            }
            if (refresh.status() != 200) {
                return Verdict.fail("every refresh answered 200", Exchanges.line(refresh) + " was refused although its "
                        + "refresh token was new" + staleAccessToken(evidence, refresh));
            }
        }
        return Verdict.pass(refreshes.size() + " refreshes, each with a new refresh token");
    }

    /** Why a refresh with a fresh refresh token can be refused: it posted an older access token as 'token'. */
    static String staleAccessToken(Evidence evidence, Exchange refresh) {
        String posted = refresh.formParameter("token").orElse("");
        java.util.Optional<TokenGrants.Grant> current = TokenGrants.before(TokenGrants.in(evidence), refresh);
        if (posted.isEmpty() || current.isEmpty() || current.get().accessToken().equals(posted)) {
            return "";
        }
        return TokenGrants.in(evidence).stream().filter(g -> g.accessToken().equals(posted)).findFirst()
                .map(g -> ": its token field carried the older access token of " + Exchanges.line(g.exchange())
                        + ", not the current one of " + Exchanges.line(current.get().exchange())
                        + "; post the access token the last refresh returned")
                .orElse(": its token field carried an access token Finesse never granted");
    }
}
