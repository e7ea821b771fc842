package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.util.Optional;

/** F2/P2: on a HYBRID system the client asks UserAuthMode for this user, after SystemInfo, before any token. */
public record EnsureUserAuthModeAsked(String requirement, String username) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "On a HYBRID system the client asks GET /finesse/api/UserAuthMode/{user} before choosing SSO or Basic";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> asked = evidence.first(e -> e.system() == StubSystem.FINESSE
                && e.path().contains("/UserAuthMode/"));
        if (asked.isEmpty()) {
            return Verdict.fail("GET /finesse/api/UserAuthMode/" + username,
                    "the client never asked for the user's auth mode; its requests:" + evidence.listing(evidence.journal()));
        }
        String segment = asked.get().path().substring(asked.get().path().lastIndexOf('/') + 1);
        String decoded = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        if (!decoded.equals(username)) {
            return Verdict.fail("the path segment to name '" + username + "' (URL-encoded)",
                    "it named '" + decoded + "' (" + asked.get().path() + ")");
        }
        Optional<Exchange> firstToken = evidence.first(Exchanges::isTokenRequest);
        if (firstToken.isPresent() && firstToken.get().sequence() < asked.get().sequence()) {
            return Verdict.fail("UserAuthMode before the token request", "the token was requested first");
        }
        return Verdict.pass("asked at " + Exchanges.line(asked.get()));
    }
}
