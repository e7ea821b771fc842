package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/** F9: refresh = POST /desktop/sso/token, form-encoded token + refresh-token, and cc_username again. */
public record EnsureRefreshRequestShape() implements Check {
    public String requirement() {
        return "F9";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A refresh is POST /desktop/sso/token, application/x-www-form-urlencoded, with token, refresh-token "
                + "and cc_username";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> refresh = evidence.refreshes().stream().findFirst();
        if (refresh.isEmpty()) {
            return Verdict.fail("a refresh request", "none was made");
        }
        Exchange e = refresh.get();
        if (!e.method().equals("POST") || !e.isForm()) {
            return Verdict.fail("POST with a form body", e.method() + " " + e.firstRequestHeader("content-type")
                    .orElse("without Content-Type"));
        }
        if (e.formParameter("token").isEmpty() || e.formParameter("refresh-token").isEmpty()) {
            return Verdict.fail("form fields token and refresh-token", "fields " + e.formParameters().keySet());
        }
        boolean named = e.rawQueryParameter("cc_username").isPresent() || e.cookiesSent().containsKey("cc_username");
        return Verdict.of(named, "cc_username as query parameter or cookie", "no cc_username on the refresh");
    }
}
