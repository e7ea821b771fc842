package dev.ssokit.conformance.checks;

/** P3/P4/F4: after a refused flow, the client does not claim a token. */
public record EnsureNoTokenHeld(String requirement) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A client whose flow was refused holds no token";
    }

    public Verdict evaluate(Evidence evidence) {
        return Verdict.of(evidence.token().isEmpty(), "no token",
                "the client holds a token for " + evidence.token().map(t -> t.userId()).orElse("?"));
    }
}
