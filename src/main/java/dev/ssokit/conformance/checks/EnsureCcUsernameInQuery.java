package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** F3: cc_username travels URL-encoded in the query, so Finesse decodes exactly the agent's name. */
public record EnsureCcUsernameInQuery(String username) implements Check {
    public String requirement() {
        return "F3";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "GET /desktop/sso/token carries cc_username=<URL-encoded loginName or peripheralId> in the query";
    }

    public Verdict evaluate(Evidence evidence) {
        String encoded = URLEncoder.encode(username, StandardCharsets.UTF_8);
        Optional<Exchange> request = evidence.first(Exchanges::isTokenRequest);
        if (request.isEmpty()) {
            return Verdict.fail("GET /desktop/sso/token?cc_username=" + encoded, "no token request was made");
        }
        Optional<String> raw = request.get().rawQueryParameter("cc_username");
        if (raw.isEmpty()) {
            return Verdict.fail("cc_username=" + encoded + " in the query",
                    "the token request had no cc_username parameter (query: " + request.get().rawQuery() + ")");
        }
        String decoded = Exchange.formDecode(raw.get());
        return Verdict.of(decoded.equals(username), "cc_username=" + encoded + " (decodes to '" + username + "') on "
                        + Exchanges.line(request.get()),
                "cc_username=" + raw.get() + ", which Finesse decodes to '" + decoded + "': URL-encode the name");
    }
}
