package dev.ssokit.report;

import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Skipped scenarios (the client declares it lacks what they need) are no failures: the console gives them one
 * count, and one line per reason with how many it skipped, instead of a line per scenario in the failing list.
 */
final class SkippedScenarios {
    private SkippedScenarios() {
    }

    static List<String> lines(List<ScenarioOutcome> outcomes) {
        Map<String, Integer> byReason = new TreeMap<>();
        for (ScenarioOutcome outcome : outcomes) {
            if (outcome.result().equals("skipped")) {
                String reason = outcome.messages().isEmpty() ? "no reason given"
                        : outcome.messages().get(0).replaceFirst("^skipped: ", "");
                byReason.merge(reason, 1, Integer::sum);
            }
        }
        if (byReason.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("SKIPPED " + byReason.values().stream().mapToInt(Integer::intValue).sum()
                + " scenario(s), not judged: the client lacks what they need (its manifest says why)");
        byReason.forEach((reason, count) -> lines.add("  " + count + " x " + reason));
        return lines;
    }
}
