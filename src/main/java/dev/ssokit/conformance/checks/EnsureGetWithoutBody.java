package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/** R2: after a POST answered 303 (or 301/302) the next request is a GET without a body or Content-Type. */
public record EnsureGetWithoutBody(String requirement, Target target) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "After a POST redirected with 301, 302 or 303 the client sends GET " + target + " with no body";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> request = evidence.first(target::matches);
        if (request.isEmpty()) {
            return Verdict.fail("GET " + target, "never requested:" + evidence.listing(evidence.journal()));
        }
        Exchange e = request.get();
        boolean bodyless = (e.requestBody() == null || e.requestBody().isEmpty())
                && e.firstRequestHeader("content-type").isEmpty();
        return Verdict.of(e.method().equals("GET") && bodyless, "GET with no body and no Content-Type",
                e.method() + (bodyless ? "" : " with a body / Content-Type " + e.firstRequestHeader("content-type")
                        .orElse("")) + " (" + Exchanges.line(e) + ")");
    }
}
