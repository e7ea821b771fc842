package dev.ssokit.conformance.checks;

/** A check's judgement: passed, or what was expected and what the client did instead. */
public record Verdict(boolean passed, String expected, String observed) {
    public static Verdict pass(String observed) {
        return new Verdict(true, "", observed);
    }

    public static Verdict fail(String expected, String observed) {
        return new Verdict(false, expected, observed);
    }

    public static Verdict of(boolean passed, String expected, String observed) {
        return new Verdict(passed, expected, observed);
    }
}
