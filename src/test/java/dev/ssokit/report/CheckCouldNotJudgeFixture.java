package dev.ssokit.report;

import dev.ssokit.conformance.checks.Check;
import dev.ssokit.conformance.checks.Evidence;
import dev.ssokit.conformance.checks.Severity;
import dev.ssokit.conformance.checks.Verdict;
import dev.ssokit.conformance.checks.Verdicts;

/** What Verdicts.require throws for a check that throws instead of judging (the real path, no stand-in). */
final class CheckCouldNotJudgeFixture {
    private CheckCouldNotJudgeFixture() {
    }

    static Throwable thrownBy(RuntimeException failure) {
        Check throwing = new Check() {
            public String requirement() {
                return "F3";
            }

            public Severity severity() {
                return Severity.FAIL;
            }

            public String rule() {
                return "a rule";
            }

            public Verdict evaluate(Evidence evidence) {
                throw failure;
            }
        };
        try {
            new Verdicts(Redactor.standard()).require(throwing, () -> null);
            throw new IllegalStateException("Verdicts.require did not throw");
        } catch (RuntimeException | AssertionError e) {
            return e;
        }
    }
}
