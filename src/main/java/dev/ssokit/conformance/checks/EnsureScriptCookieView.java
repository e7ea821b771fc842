package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/**
 * C20: page script sees non-HttpOnly cookies only, and cannot overwrite an HttpOnly one; the page reports what
 * document.cookie held in the "seen" query parameter of its report request.
 */
public record EnsureScriptCookieView(String requirement, String visible, String hidden, String hiddenValue,
                                     Target report) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "document.cookie shows " + visible + " but not the HttpOnly " + hidden
                + ", and a script cannot overwrite " + hidden;
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> request = evidence.first(report::matches);
        if (request.isEmpty()) {
            return Verdict.fail("the page's report request " + report, "none (did the page script run?)");
        }
        String seen = request.get().queryParameter("seen").orElse("");
        if (!seen.contains(visible + "=") || seen.contains(hidden + "=")) {
            return Verdict.fail("document.cookie with " + visible + " and without " + hidden,
                    "document.cookie held: " + seen.replaceAll("=[^;]*", "=…"));
        }
        String sent = request.get().cookiesSent().getOrDefault(hidden, "(none)");
        return Verdict.of(sent.equals(hiddenValue), hidden + "=" + hiddenValue + " still sent over HTTP",
                hidden + "=" + sent);
    }
}
