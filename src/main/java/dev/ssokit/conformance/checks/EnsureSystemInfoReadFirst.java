package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/**
 * F1/P1: the client's first request is GET /finesse/api/SystemInfo. Credentials on it are allowed: through the
 * VPN-less reverse proxy Cisco requires them (PCCE 12.6(1) Features Guide; finesse-sso-protocol.md 8.2).
 */
public record EnsureSystemInfoReadFirst(String requirement) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client reads SystemInfo first (with or without credentials)";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> first = Exchanges.navigation(evidence.journal()).stream().findFirst();
        if (first.isEmpty()) {
            return Verdict.fail("GET /finesse/api/SystemInfo as the first request", "the client sent no request");
        }
        Exchange e = first.get();
        return Verdict.of(e.method().equals("GET") && e.path().equals("/finesse/api/SystemInfo"),
                "GET /finesse/api/SystemInfo as the first request", "the first request was " + Exchanges.line(e));
    }
}
