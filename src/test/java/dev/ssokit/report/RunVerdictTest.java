package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import dev.ssokit.report.RunVerdict.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict is computed from what was judged: PASS only when something was, and nothing errored. */
class RunVerdictTest {
    private static ScenarioOutcome outcome(String result, String... requirements) {
        return new ScenarioOutcome("s-" + result, "features/x.feature:3", List.of(requirements), "fail", result,
                List.of(result + " because"));
    }

    @Test
    void passWhenEveryScenarioWasJudgedAndNoneFailed() {
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1"), outcome("warn", "F2"), outcome("info", "C13")),
                Deviations.none(), List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.PASS);
        assertThat(verdict.exitCode()).isZero();
        assertThat(verdict.reasons()).singleElement().asString().contains("3 scenario(s) judged");
    }

    @Test
    void failWhenAFailCheckFailed() {
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1"), outcome("fail", "F3")), Deviations.none(),
                List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.FAIL);
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.reasons()).singleElement().asString().contains("features/x.feature:3");
    }

    @Test
    void failWhenADeviationEntryIsStale() {
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1")), Deviations.none(),
                List.of("F1 passed but deviations/reference.json expects it to fail: remove the entry"), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.FAIL);
        assertThat(verdict.reasons()).singleElement().asString().startsWith("deviation list: F1 passed");
    }

    @Test
    void passWhenEveryFailureIsAnAcceptedDeviation(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("deviations"));
        Files.writeString(root.resolve("deviations/acme.json"),
                "[{\"requirement\": \"F3\", \"expected\": \"fail\", \"reason\": \"until 2.1\"}]");
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1"), outcome("fail", "F3")),
                Deviations.load(root, "acme"), List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.PASS);
    }

    @Test
    void notJudgedWhenNothingWasSelected() {
        RunVerdict verdict = RunVerdict.of(List.of(), Deviations.none(), List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.NOT_JUDGED);
        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.reasons()).singleElement().asString().contains("no scenario was selected");
    }

    @Test
    void notJudgedWhenAScenarioErroredEvenIfOthersPassed() {
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1"), outcome("error", "F2")), Deviations.none(),
                List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.NOT_JUDGED);
        assertThat(verdict.reasons()).singleElement().asString().contains("could not be judged (ERROR)")
                .contains("error because");
    }

    @Test
    void aCheckThatCouldNotJudgeMakesTheScenarioAnErrorAndTheRunNotJudged() {
        Throwable thrown = CheckCouldNotJudgeFixture.thrownBy(new IllegalStateException("no journal"));
        ScenarioResults.Read read = ScenarioResults.read(io.cucumber.plugin.event.Status.FAILED, thrown, List.of(),
                List.of());
        assertThat(read.result()).isEqualTo("error");
        assertThat(read.messages()).singleElement().asString().contains("nothing judged")
                .contains("CheckCouldNotJudge").contains("java.lang.IllegalStateException: no journal");
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1"), new ScenarioOutcome("s", "features/x.feature:9",
                List.of("F3"), "fail", read.result(), read.messages())), Deviations.none(), List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.NOT_JUDGED);
        assertThat(verdict.exitCode()).isEqualTo(2);
    }

    @Test
    void notJudgedWinsOverFailAndKeepsTheFailureInItsReasons() {
        RunVerdict verdict = RunVerdict.of(List.of(outcome("fail", "F3"), outcome("error", "F2")), Deviations.none(),
                List.of(), List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.NOT_JUDGED);
        assertThat(verdict.reasons()).hasSize(2).anyMatch(r -> r.contains("failed a FAIL check"));
    }

    @Test
    void notJudgedForAReasonFoundOutsideTheScenarios() {
        RunVerdict verdict = RunVerdict.of(List.of(outcome("pass", "F1")), Deviations.none(), List.of(),
                List.of("interrupted: the run was stopped"));
        assertThat(verdict.verdict()).isEqualTo(Word.NOT_JUDGED);
        assertThat(verdict.reasons()).containsExactly("interrupted: the run was stopped");
    }

    @Test
    void anErroredScenarioIsNeverAnAcceptedDeviation(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("deviations"));
        Files.writeString(root.resolve("deviations/acme.json"),
                "[{\"requirement\": \"F3\", \"expected\": \"fail\", \"reason\": \"until 2.1\"}]");
        RunVerdict verdict = RunVerdict.of(List.of(outcome("error", "F3")), Deviations.load(root, "acme"), List.of(),
                List.of());
        assertThat(verdict.verdict()).isEqualTo(Word.NOT_JUDGED);
    }
}
