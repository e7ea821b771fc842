package dev.ssokit.conformance.checks;

/** J3: a page whose form only a noscript button submits is submitted, or the client fails fast and says why. */
public record EnsureNoscriptHandled(String requirement, Target post) implements Check {
    public Severity severity() {
        return Severity.WARN;
    }

    public String rule() {
        return "A noscript-only form is submitted, or the client reports it instead of hanging";
    }

    public Verdict evaluate(Evidence evidence) {
        boolean posted = evidence.journal().stream().anyMatch(post::matches);
        boolean reported = evidence.lastFailure().map(f -> f.contains("noscript") || f.contains("form")).orElse(false);
        return Verdict.of(posted || reported, "a POST to " + post + " or a failure naming the form",
                "neither: " + evidence.lastFailure().orElse("the client reported success and posted nothing"));
    }
}
