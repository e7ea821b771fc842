package dev.ssokit.conformance.checks;

import java.util.Objects;

/** P1/P2…: what the client reported through its interface equals what the target served. */
public record EnsureClientReported(String requirement, String what, Object expected, Object reported) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client reports " + what + " as the target served it";
    }

    public Verdict evaluate(Evidence evidence) {
        return Verdict.of(Objects.equals(expected, reported), String.valueOf(expected),
                reported == null ? "nothing (" + evidence.lastFailure().orElse("no failure reported") + ")"
                        : String.valueOf(reported));
    }
}
