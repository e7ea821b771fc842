package dev.ssokit.conformance.checks;

/**
 * One conformance rule, judged from {@link Evidence}. Implementations are small, named with a verb
 * (Ensure…, Check…), and carry the requirement ID they test and its severity.
 */
public interface Check {
    String requirement();

    Severity severity();

    /** What the rule says, in a sentence a partner can act on. */
    String rule();

    Verdict evaluate(Evidence evidence);
}
