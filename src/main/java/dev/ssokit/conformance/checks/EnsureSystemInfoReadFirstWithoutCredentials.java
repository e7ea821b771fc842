package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/** F1/P1: the client's first request is GET /finesse/api/SystemInfo, sent without credentials. */
public record EnsureSystemInfoReadFirstWithoutCredentials(String requirement) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client reads SystemInfo first, without an Authorization header";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> first = evidence.journal().stream().findFirst();
        if (first.isEmpty()) {
            return Verdict.fail("GET /finesse/api/SystemInfo as the first request", "the client sent no request");
        }
        Exchange e = first.get();
        if (!e.method().equals("GET") || !e.path().equals("/finesse/api/SystemInfo")) {
            return Verdict.fail("GET /finesse/api/SystemInfo as the first request",
                    "the first request was " + Exchanges.line(e));
        }
        return Verdict.of(e.requestHeader("authorization").isEmpty(), "no Authorization header on SystemInfo",
                "SystemInfo carried an Authorization header (credentials sent before the auth mode was known)");
    }
}
