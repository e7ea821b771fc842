package dev.ssokit.conformance.checks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H*: facing a hostile server the client stops (the scenario ends) with a failure a person can act on: it names
 * the hop and the limit or fault (the given words), and is not just a Java exception's class name and text.
 */
public record EnsureStoppedWithReport(String requirement, List<String> words) implements Check {
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client stops and reports which hop and which limit or fault (" + String.join(", ", words) + ")";
    }

    public Verdict evaluate(Evidence evidence) {
        if (evidence.lastFailure().isEmpty()) {
            return Verdict.fail("a reported failure naming " + words, "the client reported success");
        }
        String failure = evidence.lastFailure().get();
        String text = failure.toLowerCase(Locale.ROOT);
        List<String> absent = words.stream().filter(w -> !text.contains(w.toLowerCase(Locale.ROOT))).toList();
        Matcher exception = EXCEPTION_CLASS.matcher(failure);
        if (exception.find()) {
            return Verdict.fail("a report in words, not a Java exception",
                    "\"" + failure + "\" (names " + exception.group() + ")");
        }
        return Verdict.of(absent.isEmpty(), "a failure naming " + words,
                "\"" + failure + "\" (does not name " + absent + ")");
    }
}
