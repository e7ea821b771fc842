package dev.ssokit.conformance.checks;

import java.util.List;

/** C17 (SHOULD): cookies with longer paths come first in the Cookie header. */
public record EnsureCookieOrder(String requirement, String cookie, String first, String second, Target target)
        implements Check {
    public Severity severity() {
        return Severity.WARN;
    }

    public String rule() {
        return "Of two " + cookie + " cookies the one with the longer path is sent first";
    }

    public Verdict evaluate(Evidence evidence) {
        return evidence.first(target::matches).map(e -> {
            List<String> values = e.cookieValues(cookie);
            return Verdict.of(values.equals(List.of(first, second)), cookie + "=" + first + " before " + cookie + "="
                    + second, "order sent: " + values);
        }).orElse(Verdict.fail("a request to " + target, "never requested"));
    }
}
