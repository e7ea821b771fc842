package dev.ssokit.conformance.checks;

import dev.ssokit.model.TokenSet;
import java.util.Optional;

/** J10/F4: the client recognised the terminal JSON and holds its token fields for the right user. */
public record EnsureTokenHeld(String requirement, String userId) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client reads the token JSON (token, refresh_token, expires_in, user_id) and holds the token";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<TokenSet> token = evidence.token();
        if (token.isEmpty()) {
            return Verdict.fail("a token for " + userId,
                    "the client holds none; it reported: " + evidence.lastFailure().orElse("nothing"));
        }
        TokenSet held = token.get();
        if (!held.userId().equals(userId)) {
            return Verdict.fail("user_id " + userId, "user_id " + held.userId());
        }
        if (held.accessToken().reveal().isBlank() || held.expiresInSeconds() <= 0) {
            return Verdict.fail("a non-empty token and a positive expires_in",
                    "token blank: " + held.accessToken().reveal().isBlank() + ", expires_in " + held.expiresInSeconds());
        }
        return Verdict.of(held.hasRefreshToken(), "a refresh token (return_refresh_token=true was asked)",
                "no refresh token kept");
    }
}
