package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** F5: after the lookup, every User call (and every PUT) names the loginId, never the loginName. */
public record EnsureUserCallsUseLoginId(String loginId) implements Check {
    public String requirement() {
        return "F5";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Every state change and later User call uses /finesse/api/User/{loginId}";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> calls = evidence.userApiCalls();
        List<Exchange> puts = calls.stream().filter(e -> e.method().equals("PUT")).toList();
        if (puts.isEmpty()) {
            return Verdict.fail("a PUT /finesse/api/User/" + loginId, "no state change was sent:" + evidence.listing(calls));
        }
        List<Exchange> wrong = puts.stream().filter(e -> !e.path().equals("/finesse/api/User/" + loginId)).toList();
        return Verdict.of(wrong.isEmpty(), "PUT /finesse/api/User/" + loginId,
                "state changes sent to:" + evidence.listing(wrong));
    }
}
