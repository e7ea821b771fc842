package dev.ssokit.conformance.checks;

import dev.ssokit.report.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs checks for one scenario and keeps their results. A failed FAIL check stops the scenario with its message;
 * a failed WARN check is recorded (and fails the scenario at its end in strict mode); INFO is only recorded.
 * A check that throws instead of judging is no verdict: {@link CheckCouldNotJudge} ends the scenario as an ERROR.
 * Every message passes the redactor before anyone sees it.
 */
public final class Verdicts {
    private final Redactor redactor;
    private final List<CheckResult> results = new ArrayList<>();
    private Severity scenarioSeverity;

    public Verdicts(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * The severity the scenario declares (@severity tag) for the behaviour it tests; a check failing in a WARN
     * scenario counts as a warning, whatever the check's own default.
     */
    public void scenarioSeverity(Severity severity) {
        this.scenarioSeverity = severity;
    }

    public CheckResult require(Check check, Supplier<Evidence> evidence) {
        Verdict verdict;
        try {
            verdict = check.evaluate(evidence.get());
        } catch (RuntimeException e) {
            // the cause is not chained: its message could hold a secret, and only the redacted text may travel
            throw new CheckCouldNotJudge(redactor.redact("check " + check.getClass().getSimpleName() + " ("
                    + check.requirement() + ") could not judge: " + e.getClass().getName() + ": " + e.getMessage()
                    + "; nothing was judged, so this is an error, not a failure of the client"), e.getStackTrace());
        }
        Severity severity = capBySource(check.requirement(),
                scenarioSeverity != null ? scenarioSeverity : check.severity());
        CheckResult result = new CheckResult(check.requirement(), severity, check.getClass().getSimpleName(),
                check.rule(), verdict.passed(), redactor.redact(verdict.expected()), redactor.redact(verdict.observed()));
        results.add(result);
        if (!result.passed() && result.severity() == Severity.FAIL) {
            throw new AssertionError(result.message());
        }
        return result;
    }

    /**
     * A check never counts for more than its requirement's source allows: a SHOULD, an inference or a stub choice
     * warns at most, whatever the scenario declares (requirements.tsv, strength column).
     */
    static Severity capBySource(String requirement, Severity declared) {
        Severity max = dev.ssokit.report.Requirements.shared().find(requirement)
                .map(r -> Severity.parse(r.maxSeverity())).orElse(Severity.FAIL);
        return declared.ordinal() < max.ordinal() ? max : declared;
    }

    public List<CheckResult> results() {
        return List.copyOf(results);
    }

    public List<CheckResult> failedWarnings() {
        return results.stream().filter(r -> !r.passed() && r.severity() == Severity.WARN).toList();
    }
}
