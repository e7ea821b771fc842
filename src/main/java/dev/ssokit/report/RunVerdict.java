package dev.ssokit.report;

import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's verdict, from what was judged and nothing else: PASS (exit 0) when scenarios ran, none errored and every
 * failure is an accepted deviation; FAIL (exit 1) when a client failure is not accepted or a deviation entry is
 * stale; NOT_JUDGED (exit 2) when nothing was selected, a scenario errored (it judged nothing), the environment or
 * the input was broken, or the run was interrupted. NOT_JUDGED wins over FAIL: a run that could not judge everything
 * it was asked to judge is no gate result; its reasons still list the failures it saw.
 *
 * @param verdict the word CI reads in verdict.json
 * @param reasons why, one sentence each (never empty)
 */
public record RunVerdict(Word verdict, List<String> reasons) {
    /** The three verdict words. */
    public enum Word {
        PASS(0), FAIL(1), NOT_JUDGED(2);

        private final int exitCode;

        Word(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public RunVerdict {
        reasons = List.copyOf(reasons);
    }

    public int exitCode() {
        return verdict.exitCode();
    }

    /**
     * @param outcomes          every scenario selected (an outcome "error" for one that could not be judged)
     * @param deviations        the client's accepted deviations
     * @param deviationProblems stale or wrong deviation entries
     * @param notJudged         reasons found outside the scenarios: environment, input, interruption, a crash
     */
    public static RunVerdict of(List<ScenarioOutcome> outcomes, Deviations deviations, List<String> deviationProblems,
                                List<String> notJudged) {
        List<String> cannotJudge = new ArrayList<>(notJudged);
        List<ScenarioOutcome> errors = outcomes.stream().filter(o -> o.result().equals("error")).toList();
        if (!errors.isEmpty()) {
            cannotJudge.add(errors.size() + " scenario(s) could not be judged (ERROR), first: " + errors.get(0).location()
                    + " " + errors.get(0).name() + ": " + (errors.get(0).messages().isEmpty() ? "error"
                    : errors.get(0).messages().get(0).lines().findFirst().orElse("error")));
        }
        if (!outcomes.isEmpty() && outcomes.stream().allMatch(o -> o.result().equals("skipped"))) {
            cannotJudge.add("every selected scenario was skipped: the client or the target lacks what they need (each reason is in the summary)");
        }
        if (outcomes.isEmpty() && notJudged.isEmpty()) {
            cannotJudge.add("no scenario was selected: the tag expression or the feature paths match none");
        }
        List<String> failures = new ArrayList<>();
        List<ScenarioOutcome> unaccepted = outcomes.stream().filter(o -> o.result().equals("fail"))
                .filter(o -> !accepted(o, deviations)).toList();
        if (!unaccepted.isEmpty()) {
            failures.add(unaccepted.size() + " scenario(s) failed a FAIL check (or a WARN check with --strict), first: "
                    + unaccepted.get(0).location() + " " + unaccepted.get(0).name());
        }
        deviationProblems.forEach(problem -> failures.add("deviation list: " + problem));
        if (!cannotJudge.isEmpty()) {
            cannotJudge.addAll(failures);
            return new RunVerdict(Word.NOT_JUDGED, cannotJudge);
        }
        if (!failures.isEmpty()) {
            return new RunVerdict(Word.FAIL, failures);
        }
        long deviationsSeen = outcomes.stream().filter(o -> o.result().equals("fail")).count();
        long skipped = outcomes.stream().filter(o -> o.result().equals("skipped")).count();
        return new RunVerdict(Word.PASS, List.of((outcomes.size() - skipped) + " scenario(s) judged"
                + (skipped > 0 ? " (" + skipped + " skipped, each with its reason)" : "") + ", no FAIL check failed"
                + (deviationsSeen > 0 ? " outside the accepted deviations (" + deviationsSeen + " scenario(s))" : "")));
    }

    /** A failed scenario counts unless every requirement it carries is an accepted "fail" deviation. */
    private static boolean accepted(ScenarioOutcome outcome, Deviations deviations) {
        return !outcome.requirements().isEmpty() && outcome.requirements().stream()
                .allMatch(id -> deviations.find(id).map(e -> e.expected().equals("fail")).orElse(false));
    }
}
