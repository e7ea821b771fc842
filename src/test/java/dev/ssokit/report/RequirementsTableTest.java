package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps requirements.tsv and the features in step: every row names its source and strength, its severity is
 * allowed by that strength, every @req tag exists in the table, and no scenario declares a severity its
 * requirements' sources do not allow (a SHOULD, an inference or a stub choice never FAILs).
 */
class RequirementsTableTest {
    private static final List<String> ORDER = List.of("info", "warn", "fail");
    private final Requirements table = Requirements.load();

    @Test
    void everyRowHasASourceAndAStrengthThatAllowsItsSeverity() {
        List<String> problems = new ArrayList<>();
        for (Requirements.Requirement row : table.all().values()) {
            if (!Requirements.MAX_SEVERITY.containsKey(row.strength())) {
                problems.add(row.id() + ": strength '" + row.strength() + "' is not one of "
                        + Requirements.MAX_SEVERITY.keySet() + " (fifth column of requirements.tsv)");
            } else if (ORDER.indexOf(row.severity()) > ORDER.indexOf(row.maxSeverity())) {
                problems.add(row.id() + ": severity " + row.severity() + " but a " + row.strength()
                        + " source allows " + row.maxSeverity() + " at most");
            }
            if (row.source().isBlank()) {
                problems.add(row.id() + ": no source (fourth column)");
            }
            if (!ORDER.contains(row.severity())) {
                problems.add(row.id() + ": severity '" + row.severity() + "' is not fail, warn or info");
            }
        }
        assertThat(problems).as("requirements.tsv rows").isEmpty();
    }

    @Test
    void everyScenarioTagIsInTheTableAndItsSeverityIsAllowedBySource() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> features;
        try (Stream<Path> files = Files.walk(Path.of("features"))) {
            features = files.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
        assertThat(features).as("feature files under features/").isNotEmpty();
        for (Path feature : features) {
            List<String> lines = Files.readAllLines(feature);
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("@")) {
                    tags.addAll(List.of(line.split("\\s+")));
                } else if (line.startsWith("Scenario")) {
                    problems.addAll(judge(feature + ":" + (i + 1), tags));
                    tags.clear();
                } else if (line.startsWith("Feature")) {
                    tags.clear();
                }
            }
        }
        assertThat(problems).as("scenario tags against requirements.tsv").isEmpty();
    }

    private List<String> judge(String where, List<String> tags) {
        List<String> problems = new ArrayList<>();
        String severity = tags.stream().filter(t -> t.startsWith("@severity:")).map(t -> t.substring(10))
                .findFirst().orElse("fail");
        List<String> ids = tags.stream().filter(t -> t.startsWith("@req:")).map(t -> t.substring(5)).toList();
        if (ids.isEmpty()) {
            problems.add(where + ": no @req tag");
        }
        for (String id : ids) {
            var row = table.find(id);
            if (row.isEmpty()) {
                problems.add(where + ": @req:" + id + " is not in requirements.tsv");
            } else if (ORDER.indexOf(severity) > ORDER.indexOf(row.get().maxSeverity())) {
                problems.add(where + ": @severity:" + severity + " but " + id + "'s source (" + row.get().strength()
                        + ": " + row.get().source() + ") allows " + row.get().maxSeverity() + " at most");
            }
        }
        return problems;
    }
}
