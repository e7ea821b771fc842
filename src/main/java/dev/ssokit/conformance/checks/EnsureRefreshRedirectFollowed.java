package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.util.List;
import java.util.Optional;

/** F10: a refresh answered with a redirect into IdS is followed like any other chain, to a new token. */
public record EnsureRefreshRedirectFollowed() implements Check {
    public String requirement() {
        return "F10";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A refresh that redirects to IdS is followed with the same browser behaviour to a new token";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> redirected = evidence.refreshes().stream().filter(Exchange::isRedirect).findFirst();
        if (redirected.isEmpty()) {
            return Verdict.fail("a refresh answered with a redirect", "refreshes:" + evidence.listing(evidence.refreshes()));
        }
        List<Exchange> after = evidence.where(e -> e.sequence() > redirected.get().sequence());
        boolean toIds = !after.isEmpty() && after.get(0).system() == StubSystem.IDS;
        boolean tokenAnswered = after.stream().anyMatch(e -> Exchanges.isTokenRequest(e) && e.status() == 200);
        return Verdict.of(toIds && tokenAnswered, "the redirect to IdS followed, ending in a 200 token answer",
                "after the redirect:" + evidence.listing(after));
    }
}
