package dev.ssokit.conformance.checks;

import java.util.List;
import java.util.Locale;

/** P*: a refused step comes back as a failure whose text names the cause (words a person can act on). */
public record EnsureFailureReported(String requirement, String what, List<String> words) implements Check {
    /** A refusal reported with the HTTP status the client got (never a string a stub made up: 8.14). */
    public static EnsureFailureReported withStatus(String requirement, String what, int status) {
        return new EnsureFailureReported(requirement, what, List.of(String.valueOf(status)));
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client reports " + what + " as a failure that names the cause";
    }

    public Verdict evaluate(Evidence evidence) {
        if (evidence.lastFailure().isEmpty()) {
            return Verdict.fail("a reported failure mentioning " + words, "the client reported success");
        }
        String text = evidence.lastFailure().get().toLowerCase(Locale.ROOT);
        List<String> absent = words.stream().filter(w -> !text.contains(w.toLowerCase(Locale.ROOT))).toList();
        return Verdict.of(absent.isEmpty(), "a failure mentioning " + words,
                "\"" + evidence.lastFailure().get() + "\" (does not mention " + absent + ")");
    }
}
