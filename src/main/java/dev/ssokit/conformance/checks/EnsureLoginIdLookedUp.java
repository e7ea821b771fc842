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
        boolean ok = first.get().method().equals("GET") && decoded.equals(userId);
        return Verdict.of(ok, "first User call: GET /finesse/api/User/" + userId + " (the token's user_id)",
                "first User call: " + Exchanges.line(first.get()) + " " + why(first.get().method(), decoded));
    }

    private String why(String method, String looked) {
        if (!method.equals("GET")) {
            return "(the client skipped the loginId lookup: it used an id before asking Finesse for the loginId)";
        }
        if (looked.equals(userId.replace(' ', '+'))) {
            return "(the client looked up '" + looked + "': a space in a URL path is %20, not '+', which a path keeps)";
        }
        return "(the client looked up '" + looked + "', not the token's user_id '" + userId + "')";
    }
}
