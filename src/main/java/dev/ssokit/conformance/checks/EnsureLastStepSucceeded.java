package dev.ssokit.conformance.checks;

/** The client's last operation succeeded (a token held from an earlier flow does not count for this one). */
public record EnsureLastStepSucceeded(String requirement, String what) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client's last operation (" + what + ") succeeds";
    }

    public Verdict evaluate(Evidence evidence) {
        return Verdict.of(evidence.lastFailure().isEmpty(), what + " to succeed",
                "it failed: " + evidence.lastFailure().orElse(""));
    }
}
