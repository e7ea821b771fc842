package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * V5: the loginId lookup (step 5) names the token's user_id (the uid; Cisco's step 5) or the Finesse loginName
 * (User - Get User Id from loginName), and the state change names the loginId; never the IdP login name, which
 * Finesse does not know.
 */
public record EnsureLoginIdLookupNamesFinesseUser(AgentNames names) implements Check {
    public String requirement() {
        return "V5";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The loginId lookup names the token's user_id or the Finesse loginName; the state change the loginId";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> calls = evidence.userApiCalls();
        String expected = "GET /finesse/api/User/" + names.uid() + " (or /" + names.loginName() + "), then PUT "
                + "/finesse/api/User/" + names.loginId() + " (" + names.legend() + ")";
        if (calls.isEmpty()) {
            return Verdict.fail(expected, "no User API call at all");
        }
        for (Exchange call : calls) {
            String named = URLDecoder.decode(call.path().substring("/finesse/api/User/".length())
                    .replace("+", "%2B"), StandardCharsets.UTF_8);
            boolean lookup = call.method().equals("GET") && (named.equals(names.uid()) || named.equals(names.loginName())
                    || named.equals(names.loginId()));
            boolean change = call.method().equals("PUT") && named.equals(names.loginId());
            if (!lookup && !change) {
                return Verdict.fail(expected, Exchanges.line(call) + " named " + names.whichIs(named)
                        + (call.method().equals("PUT") ? ": state changes name the loginId the lookup returned"
                        : ": Finesse knows the agent by loginName, loginId or the token's user_id, never by the IdP"
                        + " login name"));
            }
        }
        return Verdict.pass(calls.size() + " User call(s), each naming a name Finesse knows");
    }
}
