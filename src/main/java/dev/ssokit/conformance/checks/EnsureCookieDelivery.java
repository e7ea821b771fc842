package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * Whether a cookie went with the request to a target (C1–C24 family): sent, sent with a value, or withheld. The
 * requirement is the scenario's (each cookie rule is a variant of "store as told, send where it matches").
 */
public record EnsureCookieDelivery(String requirement, String cookie, Target target, boolean sent, String value)
        implements Check {

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Cookie " + cookie + (sent ? " is sent" + (value == null ? "" : " with value " + value) : " is not sent")
                + " to " + target;
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> requests = evidence.where(target::matches);
        if (requests.isEmpty()) {
            return Verdict.fail("a request to " + target, "the client never requested it; its requests:"
                    + evidence.listing(evidence.journal()));
        }
        Exchange request = requests.get(0);
        List<String> values = request.cookieValues(cookie);
        String observed = values.isEmpty() ? "not sent (cookies sent: " + request.cookiesSent().keySet() + ")"
                : "sent as " + cookie + "=" + String.join(" and " + cookie + "=", values);
        if (!sent) {
            return Verdict.of(values.isEmpty(), "no " + cookie + " on " + Exchanges.line(request), observed);
        }
        boolean ok = value == null ? values.size() == 1 : values.equals(List.of(value));
        return Verdict.of(ok, cookie + (value == null ? "" : "=" + value) + " once on " + Exchanges.line(request),
                observed);
    }
}
