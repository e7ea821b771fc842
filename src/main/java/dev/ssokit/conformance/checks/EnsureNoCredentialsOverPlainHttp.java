package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** S2: Basic credentials (any Authorization header) never travel over plain http (RFC 7617 §4). */
public record EnsureNoCredentialsOverPlainHttp() implements Check {
    public String requirement() {
        return "S2";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Basic credentials never travel over plain http: the client refuses an http:// Finesse URL for them";
    }

    public Verdict evaluate(Evidence evidence) {
        if (evidence.journal().isEmpty()) {
            return Verdict.fail("requests in the journal", "nothing reached the stubs: nothing to judge");
        }
        List<Exchange> cleartext = evidence.where(e -> e.scheme().equals("http")
                && !e.requestHeader("authorization").isEmpty());
        return Verdict.of(cleartext.isEmpty(), "no Authorization header on any http request",
                "credentials in cleartext:" + Origins.listing(cleartext));
    }
}
