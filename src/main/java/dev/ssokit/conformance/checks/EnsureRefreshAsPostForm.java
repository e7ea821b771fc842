package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/**
 * F15 (WARN): the refresh is the 12.5 guide's form POST. TechNote 215626's GET query form is Cisco's too, but it
 * puts the refresh token into URLs, proxy logs and browser history (finesse-sso-protocol.md 8.3).
 */
public record EnsureRefreshAsPostForm() implements Check {
    public String requirement() {
        return "F15";
    }

    public Severity severity() {
        return Severity.WARN;
    }

    public String rule() {
        return "A refresh is POST /desktop/sso/token with a form body (token, refresh-token), keeping the refresh "
                + "token out of URLs";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> refresh = evidence.refreshes().stream().findFirst();
        if (refresh.isEmpty()) {
            return Verdict.fail("a refresh request", "none was made");
        }
        Exchange e = refresh.get();
        if (e.rawQueryParameter("refresh-token").isPresent()) {
            return Verdict.fail("refresh-token in a form body", "refresh-token in the URL of " + Exchanges.line(e)
                    + " (TechNote 215626's form: allowed, but the token lands in logs)");
        }
        return Verdict.of(e.method().equals("POST") && e.isForm(), "POST with a form body",
                Exchanges.line(e) + " " + e.firstRequestHeader("content-type").map(t -> "with Content-Type " + t)
                        .orElse("without Content-Type"));
    }
}
