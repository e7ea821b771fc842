package dev.ssokit.labtarget;

/** One thing that stops a lab run: which check, what is wrong, and what to do about it. */
public record PreflightProblem(String check, String what, String fix) {
    @Override
    public String toString() {
        return check + ": " + what + System.lineSeparator() + "    fix: " + fix;
    }
}
