package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** R13: a URL's fragment stays in the client; it never reaches the server (RFC 9110 §4.2.4, RFC 3986 §3.5). */
public record EnsureNoFragmentSent(String requirement, String fragment) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The fragment #" + fragment + " is never sent to a server";
    }

    public Verdict evaluate(Evidence evidence) {
        if (evidence.journal().isEmpty()) {
            return Verdict.fail("requests without #" + fragment, "the client made no request");
        }
        List<Exchange> leaked = evidence.where(e -> e.target().contains("#" + fragment)
                || e.target().contains("%23" + fragment));
        return Verdict.of(leaked.isEmpty(), "no request target holding #" + fragment, "the fragment went to the server "
                + "in:" + evidence.listing(leaked) + " (" + (leaked.isEmpty() ? "" : leaked.get(0).target())
                + "): strip the fragment before sending");
    }
}
