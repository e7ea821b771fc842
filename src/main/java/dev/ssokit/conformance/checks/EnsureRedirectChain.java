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
        return "The client follows every redirect and form hop of the SSO chain, in order, across the three hosts";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> flow = evidence.where(e -> e.sequence() >= evidence.first(Exchanges::isTokenRequest)
                .map(Exchange::sequence).orElse(Integer.MAX_VALUE));
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
