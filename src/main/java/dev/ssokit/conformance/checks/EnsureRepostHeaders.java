package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * R11: a body re-posted after a 307/308 keeps the headers that make it readable: the same Content-Type, and a
 * Content-Length that matches the body (RFC 9110 §15.4.8: the request is repeated unchanged).
 */
public record EnsureRepostHeaders(String requirement, Target from, Target to) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The re-POST to " + to + " after a 307/308 keeps the Content-Type and Content-Length of the POST to " + from;
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> first = evidence.first(from::matches);
        Optional<Exchange> again = evidence.first(to::matches);
        if (first.isEmpty() || again.isEmpty()) {
            return Verdict.fail("POST " + from + " then POST " + to, "requests:" + evidence.listing(evidence.journal()));
        }
        String type = first.get().firstRequestHeader("content-type").orElse("");
        String repeatedType = again.get().firstRequestHeader("content-type").orElse("");
        if (!type.equalsIgnoreCase(repeatedType)) {
            return Verdict.fail("Content-Type " + type + " on " + Exchanges.line(again.get()),
                    repeatedType.isEmpty() ? "no Content-Type: the server cannot read the form it got"
                            : "Content-Type " + repeatedType + ": keep the original request's Content-Type");
        }
        String body = again.get().requestBody() == null ? "" : again.get().requestBody();
        Optional<String> length = again.get().firstRequestHeader("content-length");
        boolean lengthOk = length.map(l -> l.trim().equals(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)))
                .orElse(true);
        return Verdict.of(lengthOk, "a Content-Length matching the " + body.length() + "-byte body",
                "Content-Length " + length.orElse("") + " on " + Exchanges.line(again.get()));
    }
}
