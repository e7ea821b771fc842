package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * R12: a Location is followed as sent: its percent-encodings are kept, neither decoded nor encoded again (WHATWG
 * URL parsing leaves an existing %XX alone), so the server gets the path and query it named.
 */
public record EnsureRawTargetRequested(String requirement, String host, String rawTarget) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The redirect target " + host + rawTarget + " is requested with its percent-encodings unchanged";
    }

    public Verdict evaluate(Evidence evidence) {
        String prefix = rawTarget.substring(0, Math.max(1, rawTarget.indexOf('/', 1) + 1));
        List<Exchange> near = evidence.where(e -> e.host().equals(host) && e.path().startsWith(prefix));
        boolean exact = near.stream().anyMatch(e -> e.target().equals(rawTarget));
        return Verdict.of(exact, "GET " + rawTarget + " (as the Location named it)", near.isEmpty()
                ? "nothing requested under " + prefix : "requested " + String.join(", ", near.stream()
                .map(Exchange::target).toList()) + ": the Location's %-escapes were "
                + (near.stream().anyMatch(e -> e.target().contains("%25")) ? "encoded again" : "decoded or altered"));
    }
}
