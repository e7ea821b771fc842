package dev.ssokit.conformance.checks;

/** F6 (INFO): on UCCX, user_id and loginId are interchangeable; a lookup is allowed but not needed. */
public record CheckNoLoginIdLookup(String userId) implements Check {
    public String requirement() {
        return "F6";
    }

    public Severity severity() {
        return Severity.INFO;
    }

    public String rule() {
        return "UCCX: the client uses user_id directly (no mandatory lookup)";
    }

    public Verdict evaluate(Evidence evidence) {
        boolean lookedUp = evidence.userApiCalls().stream().anyMatch(e -> e.method().equals("GET"));
        return Verdict.of(!lookedUp, "no GET /finesse/api/User before the sign-in", "the client looked the user up");
    }
}
