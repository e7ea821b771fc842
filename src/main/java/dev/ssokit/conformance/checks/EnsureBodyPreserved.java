package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/** R3: a POST answered 307/308 is repeated to the new target as POST with the same body. */
public record EnsureBodyPreserved(String requirement, Target from, Target to) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A 307/308 after a POST to " + from + " is followed with the same method and body to " + to;
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> first = evidence.first(from::matches);
        Optional<Exchange> second = evidence.first(to::matches);
        if (first.isEmpty() || second.isEmpty()) {
            return Verdict.fail("POST " + from + " then POST " + to, "requests:" + evidence.listing(evidence.journal()));
        }
        boolean same = second.get().method().equals(first.get().method())
                && String.valueOf(second.get().requestBody()).equals(String.valueOf(first.get().requestBody()));
        return Verdict.of(same, first.get().method() + " with body \"" + first.get().requestBody() + "\"",
                second.get().method() + " with body \"" + second.get().requestBody() + "\" (" + Exchanges.line(second.get())
                        + ")");
    }
}
