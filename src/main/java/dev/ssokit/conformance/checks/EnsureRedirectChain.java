package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** R1: the token flow walks Finesse -> IdS -> IdP -> IdS -> Finesse exactly in the expected order. */
public record EnsureRedirectChain(List<ExpectHop> hops) implements Check {
    public String requirement() {
        return "R1";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client follows every redirect and form hop of the SSO chain, in order, across the three hosts "
                + "(sub-resource fetches such as /favicon.ico aside)";
    }

    public Verdict evaluate(Evidence evidence) {
        int start = evidence.first(Exchanges::isTokenRequest).map(Exchange::sequence).orElse(Integer.MAX_VALUE);
        // Navigation requests only: a browser's favicon, image, CSS and script fetches are not hops (8.15).
        List<Exchange> flow = Exchanges.navigation(evidence.where(e -> e.sequence() >= start));
        for (int i = 0; i < hops.size(); i++) {
            if (i >= flow.size()) {
                return Verdict.fail("hop " + (i + 1) + ": " + hops.get(i),
                        "the chain stopped after " + flow.size() + " hops:" + evidence.listing(flow));
            }
            if (!hops.get(i).matches(flow.get(i))) {
                return Verdict.fail("hop " + (i + 1) + ": " + hops.get(i), "hop " + (i + 1) + " was "
                        + Exchanges.line(flow.get(i)) + "; the chain:" + evidence.listing(flow));
            }
        }
        return Verdict.pass(hops.size() + " hops in order");
    }
}
