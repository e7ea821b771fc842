package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** F2: on the NON_SSO path every User API call carries Authorization: Basic. */
public record EnsureBasicCredentialsOnApiCalls() implements Check {
    public String requirement() {
        return "F2";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "NON_SSO: every Finesse User API call carries Authorization: Basic";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> calls = evidence.userApiCalls();
        if (calls.isEmpty()) {
            return Verdict.fail("User API calls with Basic credentials", "the client made no User API call");
        }
        List<Exchange> without = calls.stream().filter(e -> Exchanges.authorizations(e).size() != 1
                || !Exchanges.authorizations(e).get(0).regionMatches(true, 0, "Basic ", 0, 6)).toList();
        return Verdict.of(without.isEmpty(), "exactly one Authorization: Basic on each call",
                "calls without Basic credentials:" + evidence.listing(without));
    }
}
