package dev.ssokit.conformance.checks;

/** A check's verdict with its identity, as recorded for the scenario, the summary and the report. */
public record CheckResult(String requirement, Severity severity, String check, String rule, boolean passed,
                          String expected, String observed) {
    public String message() {
        return "[" + requirement + " " + severity + "] " + rule
                + (passed ? "" : "\n  expected: " + expected + "\n  observed: " + observed);
    }
}
