package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;

/** R8/R10: a header is (or is not) on the request to a target: Authorization stays home, Origin/Referer go along. */
public record EnsureHeaderAt(String requirement, List<String> anyOf, Target target, boolean present) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return (present ? "One of " + anyOf + " is sent" : "No " + anyOf + " is sent") + " to " + target;
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> request = evidence.first(target::matches);
        if (request.isEmpty()) {
            return Verdict.fail("a request to " + target, "never requested:" + evidence.listing(evidence.journal()));
        }
        List<String> found = anyOf.stream().filter(h -> !request.get().requestHeader(h).isEmpty()).toList();
        return Verdict.of(present ? !found.isEmpty() : found.isEmpty(),
                (present ? "one of " : "none of ") + anyOf + " on " + Exchanges.line(request.get()),
                found.isEmpty() ? "none of them was sent" : "sent " + found);
    }
}
