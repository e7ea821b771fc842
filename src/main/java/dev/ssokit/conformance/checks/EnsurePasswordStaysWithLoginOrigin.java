package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * S1: the IdP password is posted only over HTTPS and only to the origin that served the login page. Judged from
 * the journal: the pages that served a password field, and every request that carried a value in that field.
 */
public record EnsurePasswordStaysWithLoginOrigin(String passwordField) implements Check {
    public String requirement() {
        return "S1";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The IdP password (form field " + passwordField + ") is posted only over HTTPS and only to the origin "
                + "that served the login page";
    }

    public Verdict evaluate(Evidence evidence) {
        Pattern field = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(passwordField) + "\"",
                Pattern.CASE_INSENSITIVE);
        List<String> loginOrigins = new ArrayList<>();
        List<Exchange> wrong = new ArrayList<>();
        for (Exchange exchange : evidence.journal()) {
            List<String> values = exchange.formParameters().getOrDefault(passwordField, List.of());
            if (values.stream().anyMatch(v -> !v.isEmpty())) {
                String last = loginOrigins.isEmpty() ? null : loginOrigins.get(loginOrigins.size() - 1);
                if (!exchange.scheme().equals("https") || !exchange.origin().equals(last)) {
                    wrong.add(exchange);
                }
            }
            if (exchange.responseBody() != null && field.matcher(exchange.responseBody()).find()) {
                loginOrigins.add(exchange.origin());
            }
        }
        if (loginOrigins.isEmpty()) {
            return Verdict.fail("a login page with a " + passwordField + " field in the journal",
                    "no page with a password field was served: nothing to judge");
        }
        return Verdict.of(wrong.isEmpty(), "the password posted only to " + loginOrigins.get(0) + " over https",
                "the password went elsewhere:" + Origins.listing(wrong));
    }
}
