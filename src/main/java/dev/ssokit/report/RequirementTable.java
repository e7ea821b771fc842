package dev.ssokit.report;

import dev.ssokit.report.ConformanceSummary.RequirementRow;
import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row per requirement ID from the scenario outcomes (the worst result of its scenarios: error, fail, warn, info,
 * pass; "not covered" without any; "deviation" when the client's deviation list expects it), with the deviation
 * entries found stale and the ready-to-paste entries offered for client failures (fail or warn, never error).
 */
record RequirementTable(List<RequirementRow> rows, List<String> deviationProblems, List<String> readyToPaste) {
    static RequirementTable of(List<ScenarioOutcome> outcomes, Deviations deviations, boolean fullRun, String client) {
        Requirements requirements = Requirements.load();
        Map<String, List<ScenarioOutcome>> byRequirement = new TreeMap<>(RequirementTable::compareIds);
        for (ScenarioOutcome outcome : outcomes) {
            for (String id : outcome.requirements()) {
                byRequirement.computeIfAbsent(id, key -> new ArrayList<>()).add(outcome);
            }
        }
        for (String known : requirements.all().keySet()) {
            byRequirement.putIfAbsent(known, List.of());
        }
        List<String> deviationProblems = new ArrayList<>();
        List<String> readyToPaste = new ArrayList<>();
        List<RequirementRow> table = new ArrayList<>();
        for (Map.Entry<String, List<ScenarioOutcome>> entry : byRequirement.entrySet()) {
            Requirements.Requirement requirement = requirements.find(entry.getKey()).orElse(
                    new Requirements.Requirement(entry.getKey(), "fail", "(not in the catalogue)", ""));
            String result = entry.getValue().isEmpty() ? "not covered" : worst(entry.getValue());
            java.util.Optional<Deviations.Entry> known = deviations.find(entry.getKey());
            if (known.isPresent()) {
                if (result.equals(known.get().expected())) {
                    result = "deviation";
                } else if (result.equals("pass")) {
                    deviationProblems.add(entry.getKey() + " passed but " + deviations.source() + " expects it to "
                            + known.get().expected() + ": remove the entry");
                } else if (result.equals("not covered") && fullRun) {
                    deviationProblems.add(entry.getKey() + " in " + deviations.source()
                            + " matched no scenario: remove or correct the entry");
                }
            } else if (result.equals("fail") || result.equals("warn")) {
                readyToPaste.add(Deviations.readyToPaste(client, entry.getKey(), result));
            }
            List<String> failures = entry.getValue().stream().filter(o -> !o.result().equals("pass"))
                    .map(o -> o.location() + " " + o.name() + ": " + String.join(" | ", o.messages())).toList();
            table.add(new RequirementRow(entry.getKey(), requirement.severity(), requirement.title(), result,
                    entry.getValue().size(), failures));
        }
        return new RequirementTable(table, deviationProblems, readyToPaste);
    }

    private static String worst(List<ScenarioOutcome> outcomes) {
        List<String> order = List.of("error", "fail", "warn", "info", "pass");
        return outcomes.stream().map(ScenarioOutcome::result).min((a, b) -> order.indexOf(a) - order.indexOf(b))
                .orElse("pass");
    }

    static int compareIds(String a, String b) {
        String order = "PFRCJKH";
        int byFamily = Integer.compare(order.indexOf(a.charAt(0)), order.indexOf(b.charAt(0)));
        if (byFamily != 0) {
            return byFamily;
        }
        try {
            return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
