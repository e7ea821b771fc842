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
        List<Exchange> noBearer = calls.stream().filter(e -> Exchanges.authorizations(e).stream()
                .noneMatch(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))).toList();
        if (!noBearer.isEmpty()) {
            return Verdict.fail("Authorization: Bearer on each call", "calls without a Bearer header:"
                    + evidence.listing(noBearer));
        }
        // RFC 9110 section 5.3: Authorization is not a list; a sender MUST NOT send it twice (Bearer plus Basic
        // would also hand the password to every call).
        List<Exchange> several = calls.stream().filter(e -> Exchanges.authorizations(e).size() > 1).toList();
        return Verdict.of(several.isEmpty(), "exactly one Authorization value (Bearer) on each call",
                "calls with several Authorization values " + several.stream().map(e -> Exchanges.authorizations(e)
                        .stream().map(h -> h.split(" ", 2)[0]).toList().toString()).toList() + ":"
                        + evidence.listing(several));
    }
}
