package dev.ssokit.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssokit.report.Redactor;
import org.junit.jupiter.api.Test;

/** How check results are kept: FAIL stops the scenario, WARN and INFO are recorded, messages are redacted. */
class VerdictsTest {
    private record Fixed(Severity severity, boolean passes) implements Check {
        public String requirement() {
            return "Z1";
        }

        public String rule() {
            return "a rule";
        }

        public Verdict evaluate(Evidence evidence) {
            if (severity == null) {
                throw new IllegalStateException("broken");
            }
            return Verdict.of(passes, "the expected", "the observed");
        }
    }

    private static Evidence none() {
        return Hops.journal().evidence();
    }

    @Test
    void aFailedFailCheckStopsTheScenarioWithItsMessage() {
        Verdicts verdicts = new Verdicts(Redactor.standard());
        assertThatThrownBy(() -> verdicts.require(new Fixed(Severity.FAIL, false), VerdictsTest::none))
                .isInstanceOf(AssertionError.class).hasMessage("[Z1 FAIL] a rule\n  expected: the expected\n"
                        + "  observed: the observed");
        assertThat(verdicts.results()).hasSize(1);
        assertThat(verdicts.failedWarnings()).isEmpty();
    }

    @Test
    void warningsAndInfoAreRecordedNotThrown() {
        Verdicts verdicts = new Verdicts(Redactor.standard());
        CheckResult warn = verdicts.require(new Fixed(Severity.WARN, false), VerdictsTest::none);
        CheckResult info = verdicts.require(new Fixed(Severity.INFO, false), VerdictsTest::none);
        CheckResult passed = verdicts.require(new Fixed(Severity.WARN, true), VerdictsTest::none);
        assertThat(warn.passed()).isFalse();
        assertThat(warn.check()).isEqualTo("Fixed");
        assertThat(info.severity()).isEqualTo(Severity.INFO);
        assertThat(passed.passed()).isTrue();
        assertThat(passed.message()).isEqualTo("[Z1 WARN] a rule");
        assertThat(verdicts.results()).containsExactly(warn, info, passed);
        assertThat(verdicts.failedWarnings()).containsExactly(warn);
    }

    @Test
    void theScenarioSeverityOverridesTheChecksOwn() {
        Verdicts verdicts = new Verdicts(Redactor.standard());
        verdicts.scenarioSeverity(Severity.WARN);
        CheckResult result = verdicts.require(new Fixed(Severity.FAIL, false), VerdictsTest::none);
        assertThat(result.severity()).isEqualTo(Severity.WARN);
        verdicts.scenarioSeverity(Severity.FAIL);
        assertThatThrownBy(() -> verdicts.require(new Fixed(Severity.INFO, false), VerdictsTest::none))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aCheckThatCannotJudgeIsAnErrorNamingTheExceptionNotAFail() {
        Verdicts verdicts = new Verdicts(Redactor.standard());
        for (Severity scenario : Severity.values()) {
            verdicts.scenarioSeverity(scenario);
            assertThatThrownBy(() -> verdicts.require(new Fixed(null, false), VerdictsTest::none))
                    .isInstanceOf(CheckCouldNotJudge.class).isNotInstanceOf(AssertionError.class)
                    .hasMessageContaining("check Fixed (Z1) could not judge")
                    .hasMessageContaining("java.lang.IllegalStateException: broken")
                    .hasMessageContaining("not a failure of the client");
        }
        assertThat(verdicts.results()).as("no verdict is recorded for a check that did not judge").isEmpty();
    }

    @Test
    void aCheckThatCannotJudgeSaysSoRedacted() {
        Verdicts verdicts = new Verdicts(Redactor.standard());
        assertThatThrownBy(() -> verdicts.require(new Check() {
            public String requirement() {
                return "Z2";
            }

            public Severity severity() {
                return Severity.FAIL;
            }

            public String rule() {
                return "a rule";
            }

            public Verdict evaluate(Evidence evidence) {
                throw new IllegalArgumentException("cannot read Authorization: Bearer eyJhbGciOiJSUzI1.eyJzdWIiOiJh.c2lnbmF0dXJl");
            }
        }, VerdictsTest::none)).isInstanceOf(CheckCouldNotJudge.class).hasMessageContaining("(Z2) could not judge")
                .hasMessageNotContaining("eyJhbGciOiJSUzI1");
    }

    @Test
    void severityParsesAndTags() {
        assertThat(Severity.parse(" warn ")).isEqualTo(Severity.WARN);
        assertThat(Severity.FAIL.tag()).isEqualTo("@severity:fail");
    }
}
