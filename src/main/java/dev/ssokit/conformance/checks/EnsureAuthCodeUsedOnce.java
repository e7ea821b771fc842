package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** F22: each authorization code reaches Finesse's /desktop/sso/authcode once (RFC 6749 §4.1.2: single use). */
public record EnsureAuthCodeUsedOnce() implements Check {
    public String requirement() {
        return "F22";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Each authorization code is presented once";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> presented = evidence.where(e -> e.path().equals("/desktop/sso/authcode"));
        if (presented.isEmpty()) {
            return Verdict.fail("GET /desktop/sso/authcode with a code", "the client never reached it");
        }
        Map<String, Exchange> first = new LinkedHashMap<>();
        for (Exchange e : presented) {
            String code = e.rawQueryParameter("code").orElse("");
            Exchange earlier = first.putIfAbsent(code, e);
            if (earlier != null) {
                return Verdict.fail("each code once", "the code of " + Exchanges.line(earlier) + " was presented again in "
                        + Exchanges.line(e) + ": an authorization code is single-use; do not retry or reopen the "
                        + "authcode URL, start a new sign-in instead");
            }
        }
        return Verdict.pass(first.size() + " code(s), each presented once");
    }
}
