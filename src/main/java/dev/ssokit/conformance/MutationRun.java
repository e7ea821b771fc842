package dev.ssokit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssokit.client.Defect;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import dev.ssokit.world.StubWorld;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The suite's proof of power: every broken twin of the reference client runs the scenarios of the requirements
 * its defect violates, in strict mode, and must fail at least one of them (the mutant is killed). One JVM, one
 * stub world for all. Writes the kill matrix to reports/kill-matrix.md and .json.
 */
public final class MutationRun {
    /** What one broken client did against its scenarios. */
    public record MutantResult(String defect, String description, List<String> requirements, int scenariosRun,
                               List<Kill> kills, boolean killed, long millis) {
    }

    /** A scenario that failed for a broken client, with the requirement IDs it carries and why it failed. */
    public record Kill(String scenario, String location, List<String> requirements, String severity, String message) {
    }

    public record Report(List<MutantResult> mutants, long wallMillis) {
        public List<MutantResult> survivors() {
            return mutants.stream().filter(m -> !m.killed()).toList();
        }

        public double score() {
            return mutants.isEmpty() ? 0 : 100.0 * (mutants.size() - survivors().size()) / mutants.size();
        }
    }

    private MutationRun() {
    }

    public static Report run(KitConfig base, StubWorld world, List<Defect> defects, PrintStream progress) {
        long started = System.nanoTime();
        List<MutantResult> results = new ArrayList<>();
        for (Defect defect : defects) {
            long mutantStarted = System.nanoTime();
            KitConfig config = base.withDefects(Set.of(defect)).withStrict(true);
            String tags = defect.requirements().stream().map(id -> "@req:" + id).collect(Collectors.joining(" or "));
            ConformanceSummary collector = ConformanceSummary.collecting(config.clientId(), config.redactor());
            ConformanceRun.execute(RunContext.borrowingWorld(config, world), List.of(config.features()), tags,
                    List.of(), collector);
            List<Kill> kills = new ArrayList<>();
            for (ScenarioOutcome outcome : collector.outcomes()) {
                if (outcome.result().equals("fail")) {
                    kills.add(new Kill(outcome.name(), outcome.location(), outcome.requirements(), outcome.severity(),
                            outcome.messages().isEmpty() ? "" : firstLines(outcome.messages().get(0))));
                }
            }
            boolean killed = kills.stream().anyMatch(k -> k.requirements().stream()
                    .anyMatch(defect.requirements()::contains));
            MutantResult result = new MutantResult(defect.id(), defect.description(), defect.requirements(),
                    collector.outcomes().size(), kills, killed, (System.nanoTime() - mutantStarted) / 1_000_000);
            results.add(result);
            if (progress != null) {
                progress.printf("  %-36s %-9s %2d of %2d scenarios failed  (%d ms)%n", defect.id(),
                        killed ? "killed" : "SURVIVED", kills.size(), result.scenariosRun(), result.millis());
            }
        }
        return new Report(results, (System.nanoTime() - started) / 1_000_000);
    }

    private static String firstLines(String message) {
        String[] lines = message.split("\n");
        return String.join(" / ", java.util.Arrays.copyOf(lines, Math.min(3, lines.length))).trim();
    }

    public static void writeKillMatrix(Report report, Path reports) {
        try {
            Files.createDirectories(reports);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mutants", report.mutants().size());
            json.put("killed", report.mutants().size() - report.survivors().size());
            json.put("score", report.score());
            json.put("wallMillis", report.wallMillis());
            json.put("results", report.mutants());
            Files.writeString(reports.resolve("kill-matrix.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            StringBuilder md = new StringBuilder("# Kill matrix: broken clients x requirement IDs\n\n");
            md.append(String.format("Mutation score: **%.0f %%** (%d of %d broken clients killed) in %.1f s. Each broken "
                            + "client runs the scenarios tagged with the requirement IDs its defect violates, in strict "
                            + "mode; it is killed when a scenario carrying one of those IDs fails.%n%n",
                    report.score(), report.mutants().size() - report.survivors().size(), report.mutants().size(),
                    report.wallMillis() / 1000.0));
            md.append("| Broken client | Defect | Violates | Result | Killed by (scenario: requirement IDs, severity) |\n"
                    + "|---|---|---|---|---|\n");
            for (MutantResult mutant : report.mutants()) {
                String killers = mutant.kills().stream().map(k -> k.location() + " " + k.requirements() + " "
                        + k.severity()).collect(Collectors.joining("<br>"));
                md.append("| ").append(mutant.defect()).append(" | ").append(mutant.description()).append(" | ")
                        .append(String.join(", ", mutant.requirements())).append(" | ")
                        .append(mutant.killed() ? "killed" : "**SURVIVED**").append(" (").append(mutant.kills().size())
                        .append("/").append(mutant.scenariosRun()).append(") | ").append(killers).append(" |\n");
            }
            md.append("\n## First failure message per broken client\n\n");
            for (MutantResult mutant : report.mutants()) {
                md.append("- **").append(mutant.defect()).append("**: ").append(mutant.kills().isEmpty() ? "(none)"
                        : mutant.kills().get(0).message().replace("|", "\\|")).append('\n');
            }
            Files.writeString(reports.resolve("kill-matrix.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kill matrix under " + reports, e);
        }
    }
}
