package dev.ssokit.report;

import dev.ssokit.report.ConformanceSummary.RequirementRow;
import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of the catalogue a run judged: requirements with a verdict (pass, fail, warn, info, deviation) of all in
 * the catalogue, scenarios judged of those selected, and the skipped ones counted per reason (a lab run skips what
 * the lab cannot do; a partner's client skips what its manifest says it lacks).
 *
 * @param skippedByReason each reason (as the scenario's skip message gives it) and how many scenarios it skipped
 */
public record Coverage(long requirementsJudged, long requirementsTotal, long scenariosJudged, long scenariosSelected,
                       Map<String, Long> skippedByReason) {
    private static final Set<String> JUDGED = Set.of("pass", "fail", "warn", "info", "deviation");

    public Coverage {
        skippedByReason = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
    }

    public static Coverage of(List<RequirementRow> rows, List<ScenarioOutcome> outcomes) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (ScenarioOutcome outcome : outcomes) {
            if (outcome.result().equals("skipped")) {
                String reason = outcome.messages().isEmpty() ? "skipped" : outcome.messages().get(0)
                        .replaceFirst("^skipped: ", "");
                reasons.merge(reason, 1L, Long::sum);
            }
        }
        long judged = outcomes.stream().filter(o -> !o.result().equals("skipped") && !o.result().equals("error"))
                .count();
        return new Coverage(rows.stream().filter(r -> JUDGED.contains(r.result())).count(), rows.size(), judged,
                outcomes.size(), reasons);
    }

    /** "judged 12 of 128 requirements, 20 of 160 scenarios; 140 skipped". */
    public String line() {
        long skipped = skippedByReason.values().stream().mapToLong(Long::longValue).sum();
        return "judged " + requirementsJudged + " of " + requirementsTotal + " requirements of the catalogue, "
                + scenariosJudged + " of " + scenariosSelected + " scenarios selected"
                + (skipped > 0 ? "; " + skipped + " skipped (" + skippedByReason.size() + " reason(s))" : "");
    }
}
