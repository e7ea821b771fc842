package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/**
 * F9: a refresh sends the refresh token to /desktop/sso/token: as the 12.5 guide's POST form (token +
 * refresh-token) or as TechNote 215626's GET query (cc_username + refresh-token). Both are Cisco's
 * (finesse-sso-protocol.md 8.3); only a refresh without a refresh token fails. Which form: see
 * {@link EnsureRefreshAsPostForm} (F15, a WARN).
 */
public record EnsureRefreshRequestShape() implements Check {
    public String requirement() {
        return "F9";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A refresh sends refresh-token to /desktop/sso/token (POST form of the 12.5 guide, or the GET query "
                + "of TechNote 215626)";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> refresh = evidence.refreshes().stream().findFirst();
        if (refresh.isEmpty()) {
            return Verdict.fail("a refresh request", "none was made");
        }
        Exchange e = refresh.get();
        boolean sent = e.formParameter("refresh-token").or(() -> e.queryParameter("refresh-token"))
                .filter(value -> !value.isBlank()).isPresent();
        return Verdict.of(sent, "refresh-token in the form body or the query", Exchanges.line(e) + " with fields "
                + e.formParameters().keySet() + " and no refresh-token: send the refresh token the sign-in returned");
    }
}
