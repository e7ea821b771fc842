package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/** F5: on UCCE the client resolves user_id with GET /finesse/api/User/{user_id} (Bearer) before any state change. */
public record EnsureLoginIdLookedUp(String userId) implements Check {
    public String requirement() {
        return "F5";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "UCCE: the client looks up GET /finesse/api/User/{user_id} to learn the loginId before other User calls";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> first = evidence.userApiCalls().stream().findFirst();
        if (first.isEmpty()) {
            return Verdict.fail("GET /finesse/api/User/" + userId, "no User API call at all");
        }
        String segment = first.get().path().substring("/finesse/api/User/".length());
        String decoded = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        return Verdict.of(first.get().method().equals("GET") && decoded.equals(userId),
                "first User call: GET /finesse/api/User/" + userId,
                "first User call: " + first.get().method() + " " + first.get().path()
                        + " (the client skipped the loginId lookup)");
    }
}
