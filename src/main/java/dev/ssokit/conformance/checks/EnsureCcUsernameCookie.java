package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * C23: the pre-seeded cc_username cookie reaches /desktop/sso/token, URL-encoded. It may also reach other paths,
 * IdS and the IdP: Cisco's desktop keeps it for those redirects (TechNote 214555; finesse-sso-protocol.md 8.1).
 */
public record EnsureCcUsernameCookie(String username) implements Check {
    public String requirement() {
        return "C23";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A client-seeded cookie cc_username=<URL-encoded name> is sent on /desktop/sso/token";
    }

    public Verdict evaluate(Evidence evidence) {
        String encoded = URLEncoder.encode(username, StandardCharsets.UTF_8);
        Optional<Exchange> request = evidence.first(Exchanges::isTokenRequest);
        if (request.isEmpty()) {
            return Verdict.fail("Cookie: cc_username=" + encoded + " on /desktop/sso/token", "no token request");
        }
        String value = request.get().cookiesSent().get("cc_username");
        if (value == null) {
            return Verdict.fail("Cookie: cc_username=" + encoded, "the token request carried cookies "
                    + request.get().cookiesSent().keySet() + " and no cc_username");
        }
        return Verdict.of(Exchange.formDecode(value).equals(username), "cc_username=" + encoded
                + " (or another encoding that decodes to '" + username + "') on " + Exchanges.line(request.get()),
                "cc_username=" + value
                + ", which decodes to '" + Exchange.formDecode(value) + "'");
    }
}
