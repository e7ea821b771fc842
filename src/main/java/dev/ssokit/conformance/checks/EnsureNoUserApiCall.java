package dev.ssokit.conformance.checks;

/** P5: without a token there is nothing to call the User API with. */
public record EnsureNoUserApiCall() implements Check {
    public String requirement() {
        return "P5";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Without a token the client makes no User API call";
    }

    public Verdict evaluate(Evidence evidence) {
        return Verdict.of(evidence.userApiCalls().isEmpty(), "no User API call",
                "calls:" + evidence.listing(evidence.userApiCalls()));
    }
}
