package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** F7: every SSO REST call carries Authorization: Bearer, and the token never appears in a URL. */
public record EnsureBearerInHeaderOnly() implements Check {
    public String requirement() {
        return "F7";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "REST calls send Authorization: Bearer <token>; the token is never in the query string";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> calls = evidence.userApiCalls();
        if (calls.isEmpty()) {
            return Verdict.fail("User API calls with a Bearer token", "no User API call was made");
        }
        List<Exchange> inQuery = calls.stream().filter(e -> e.rawQuery() != null
                && (e.rawQuery().contains("eyJ") || e.rawQuery().toLowerCase().contains("token="))).toList();
        if (!inQuery.isEmpty()) {
            return Verdict.fail("the token only in the Authorization header",
                    "the token was put in the query string of:" + evidence.listing(inQuery));
        }
        List<Exchange> noBearer = calls.stream().filter(e -> e.firstRequestHeader("authorization")
                .map(h -> !h.regionMatches(true, 0, "Bearer ", 0, 7)).orElse(true)).toList();
        return Verdict.of(noBearer.isEmpty(), "Authorization: Bearer on each call",
                "calls without a Bearer header:" + evidence.listing(noBearer));
    }
}
