package dev.ssokit.conformance.checks;

import dev.ssokit.conformance.checks.TokenGrants.Grant;
import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;

/** P7: after a refresh, every Finesse API call carries the access token that refresh returned. */
public record EnsureCallsUseLatestToken() implements Check {
    public String requirement() {
        return "P7";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "After a refresh every Finesse API call carries the new access token";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Grant> grants = TokenGrants.in(evidence);
        List<Exchange> calls = evidence.where(e -> Exchanges.isFinesseApi(e) && !TokenGrants.bearer(e).isEmpty());
        boolean afterRefresh = false;
        for (Exchange call : calls) {
            Optional<Grant> latest = TokenGrants.before(grants, call);
            if (latest.isEmpty()) {
                continue;
            }
            afterRefresh |= latest.get().refresh();
            if (!TokenGrants.bearer(call).equals(latest.get().accessToken())) {
                Optional<Grant> used = grants.stream().filter(g -> g.accessToken().equals(TokenGrants.bearer(call)))
                        .findFirst();
                return Verdict.fail(Exchanges.line(call) + " with the access token of " + Exchanges.line(latest.get()
                                .exchange()),
                        "it carried " + used.map(g -> "the older token of " + Exchanges.line(g.exchange()))
                                .orElse("a token Finesse never granted") + ": after a refresh, use the token it returned");
            }
        }
        return Verdict.of(afterRefresh, "a Finesse API call after a refresh", "no API call followed a refresh:"
                + evidence.listing(calls));
    }
}
