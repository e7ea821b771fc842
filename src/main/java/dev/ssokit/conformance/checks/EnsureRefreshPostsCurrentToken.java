package dev.ssokit.conformance.checks;

import dev.ssokit.conformance.checks.TokenGrants.Grant;
import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;

/** F9: each refresh posts, as its token field, the access token it renews (the latest one granted). */
public record EnsureRefreshPostsCurrentToken() implements Check {
    public String requirement() {
        return "F9";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Each refresh posts the current access token (the one the previous refresh returned) as token";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Grant> grants = TokenGrants.in(evidence);
        List<Exchange> refreshes = evidence.refreshes();
        if (refreshes.isEmpty()) {
            return Verdict.fail("refresh requests", "the client never refreshed");
        }
        for (Exchange refresh : refreshes) {
            Optional<Grant> current = TokenGrants.before(grants, refresh);
            String posted = refresh.formParameter("token").orElse("");
            if (current.isPresent() && !posted.equals(current.get().accessToken())) {
                return Verdict.fail(Exchanges.line(refresh) + " posting token=<the access token of "
                                + Exchanges.line(current.get().exchange()) + ">",
                        "it posted " + (posted.isEmpty() ? "no token field" : grants.stream()
                                .filter(g -> g.accessToken().equals(posted)).findFirst()
                                .map(g -> "the older access token of " + Exchanges.line(g.exchange()))
                                .orElse("a token Finesse never granted")) + ": refresh with the current token");
            }
        }
        return Verdict.pass(refreshes.size() + " refresh(es), each with the current access token");
    }
}
