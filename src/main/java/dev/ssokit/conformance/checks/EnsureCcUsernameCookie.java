package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** C23: the pre-seeded cc_username cookie (URL-encoded) reaches /desktop/sso/token, and only that path. */
public record EnsureCcUsernameCookie(String username) implements Check {
    public String requirement() {
        return "C23";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A client-seeded cookie cc_username=<URL-encoded name> is sent on /desktop/sso/token only";
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
        if (!Exchange.formDecode(value).equals(username)) {
            return Verdict.fail("cc_username=" + encoded, "cc_username=" + value + ", which decodes to '"
                    + Exchange.formDecode(value) + "'");
        }
        List<Exchange> elsewhere = evidence.where(e -> !e.path().equals("/desktop/sso/token")
                && e.cookiesSent().containsKey("cc_username"));
        return Verdict.of(elsewhere.isEmpty(), "cc_username only on /desktop/sso/token",
                "it also went to:" + evidence.listing(elsewhere));
    }
}
