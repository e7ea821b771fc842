package dev.ssokit.conformance.observed;

import dev.ssokit.conformance.checks.Check;
import dev.ssokit.conformance.checks.Evidence;
import dev.ssokit.conformance.checks.Severity;
import dev.ssokit.conformance.checks.Verdict;
import dev.ssokit.report.Redactor;
import dev.ssokit.report.Requirements;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Observed mode: judges a session's journal, recorded while a partner's own application ran against serve, with
 * the catalogue's journal-only checks. Values compared in memory are raw; every text it returns is redacted.
 */
public final class ObservedJudgement {
    public enum Result { PASS, FAIL, WARN, NOT_JUDGED }

    public record CheckOutcome(String check, String rule, boolean passed, String expected, String observed) {
    }

    public record Behaviour(String requirement, String title, String behaviour, Severity severity, Result result,
                            String reason, List<CheckOutcome> checks) {
    }

    /** PASS / FAIL / NOT_JUDGED of the whole session; never PASS when nothing was judged. */
    public record Outcome(String verdict, List<Behaviour> behaviours, int exchanges, int dropped) {
        public long count(Result result) {
            return behaviours.stream().filter(b -> b.result() == result).count();
        }
    }

    private ObservedJudgement() {
    }

    public static Outcome judge(List<Exchange> journal, int dropped, UserDirectory directory, Redactor redactor,
                                boolean strict) {
        Requirements requirements = Requirements.load();
        JournalFacts facts = new JournalFacts(journal, directory);
        Evidence evidence = new Evidence(journal, Optional.empty(), Optional.empty(), Optional.empty());
        List<Behaviour> behaviours = new ArrayList<>();
        for (ObservedCatalogue.Entry entry : ObservedCatalogue.entries()) {
            String title = requirements.find(entry.requirement()).map(Requirements.Requirement::title).orElse(entry.behaviour());
            Severity severity = requirements.find(entry.requirement()).map(r -> Severity.parse(r.severity()))
                    .orElse(Severity.FAIL);
            ObservedCatalogue.Judgeable judgeable;
            try {
                judgeable = entry.judge().apply(facts);
            } catch (RuntimeException e) {
                judgeable = ObservedCatalogue.Judgeable.skip("the journal could not be read for it: " + e.getMessage());
            }
            if (judgeable.notJudged() != null) {
                behaviours.add(new Behaviour(entry.requirement(), title, entry.behaviour(), severity, Result.NOT_JUDGED,
                        redactor.redact(judgeable.notJudged()), List.of()));
                continue;
            }
            List<CheckOutcome> outcomes = new ArrayList<>();
            boolean passed = true;
            for (Check check : judgeable.checks()) {
                Verdict verdict;
                try {
                    verdict = check.evaluate(evidence);
                } catch (RuntimeException e) {
                    verdict = Verdict.fail("the check to be able to judge", "it could not: " + e);
                }
                passed &= verdict.passed();
                outcomes.add(new CheckOutcome(check.getClass().getSimpleName(), check.rule(), verdict.passed(),
                        redactor.redact(verdict.expected()), redactor.redact(verdict.observed())));
            }
            Result result = passed ? Result.PASS : switch (severity) {
                case FAIL -> Result.FAIL;
                case WARN -> Result.WARN;
                case INFO -> Result.PASS;
            };
            behaviours.add(new Behaviour(entry.requirement(), title, entry.behaviour(), severity, result,
                    passed || severity != Severity.INFO ? null : "info: recorded, never failing", outcomes));
        }
        long failed = behaviours.stream().filter(b -> b.result() == Result.FAIL
                || (strict && b.result() == Result.WARN)).count();
        long judged = behaviours.stream().filter(b -> b.result() != Result.NOT_JUDGED).count();
        String verdict = failed > 0 ? "FAIL" : judged == 0 ? "NOT_JUDGED" : "PASS";
        return new Outcome(verdict, List.copyOf(behaviours), journal.size(), dropped);
    }
}
