package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** The client requested a target (with a method): a redirect, refresh, script navigation or form was followed. */
public record EnsureRequested(String requirement, String method, Target target) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client reaches " + method + " " + target;
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> requests = evidence.where(target::matches);
        boolean methodMatches = requests.stream().anyMatch(e -> e.method().equals(method));
        return Verdict.of(methodMatches, method + " " + target, requests.isEmpty()
                ? "never requested; the client's requests:" + evidence.listing(evidence.journal())
                : "requested with " + requests.stream().map(Exchange::method).toList()
                + (evidence.lastFailure().map(f -> "; the client reported: " + f).orElse("")));
    }
}
