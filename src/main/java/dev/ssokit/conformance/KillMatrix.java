package dev.ssokit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssokit.conformance.MutationRun.Kill;
import dev.ssokit.conformance.MutationRun.MutantResult;
import dev.ssokit.conformance.MutationRun.Outcome;
import dev.ssokit.conformance.MutationRun.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the meta-run's kill matrix: reports/kill-matrix.md for people, kill-matrix.json for tools. */
final class KillMatrix {
    private KillMatrix() {
    }

    static void write(Report report, Path reports) {
        try {
            Files.createDirectories(reports);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mutants", report.mutants().size());
            json.put("failCounted", report.failCounted().size());
            json.put("failKills", report.failKills());
            json.put("warnOnly", report.warnOnly().size());
            json.put("survivors", report.survivors().size());
            json.put("score", report.score());
            json.put("shouldLevel", report.shouldLevel().stream().map(MutantResult::defect).toList());
            json.put("shouldLevelWarned", report.shouldLevelWarned());
            Map<String, Object> perTopology = new LinkedHashMap<>();
            report.topologies().forEach(t -> perTopology.put(t, report.countsIn(t)));
            json.put("topologies", perTopology);
            json.put("wallMillis", report.wallMillis());
            json.put("results", report.mutants());
            Files.writeString(reports.resolve("kill-matrix.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            Files.writeString(reports.resolve("kill-matrix.md"), markdown(report));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kill matrix under " + reports, e);
        }
    }

    private static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# Kill matrix: broken clients x requirement IDs\n\n");
        md.append(String.format("Mutation score: **%.0f %%** (%d of %d FAIL-counted broken clients killed by a FAIL "
                        + "scenario; %d WARN-only, %d survived) in %.1f s.%n%n", report.score(), report.failKills(),
                report.failCounted().size(), report.warnOnly().size(), report.survivors().size(),
                report.wallMillis() / 1000.0));
        md.append(String.format("Should-level twins, beside the score: **%d** (%d caught by their WARN scenarios, as "
                        + "expected; %d not caught): %s.%n%n", report.shouldLevel().size(), report.shouldLevelWarned(),
                report.shouldLevelUncaught().size(), report.shouldLevel().stream().map(MutantResult::defect)
                        .collect(Collectors.joining(", "))));
        md.append("Each broken client runs, in strict mode, the scenarios tagged with the requirement IDs its defect "
                + "violates, in each topology (distinct hosts: every feature; co-resident Finesse and IdS: the flow "
                + "features). It is killed when a FAIL-severity scenario carrying one of those IDs fails in either "
                + "topology; caught only by WARN scenarios counts as WARN-only, which the score leaves out.\n\n"
                + "A FAIL needs a source. A twin whose every requirement is a WARN or INFO row of requirements.tsv "
                + "(a recommendation, an inference or a stub choice) is a **should-level twin**: it is not a broken "
                + "client by that standard, it is expected to WARN, and it is listed here but not counted in the "
                + "score's denominator (the topology table counts FAIL-counted twins only).\n\n");
        md.append("| Topology | FAIL kills | WARN-only | Survived |\n|---|---|---|---|\n");
        for (String topology : report.topologies()) {
            Map<Outcome, Long> counts = report.countsIn(topology);
            md.append("| ").append(topology).append(" | ").append(counts.get(Outcome.FAIL_KILL)).append(" | ")
                    .append(counts.get(Outcome.WARN_ONLY)).append(" | ").append(counts.get(Outcome.SURVIVED))
                    .append(" |\n");
        }
        md.append("\n| Broken client | Defect | Violates | Result | ")
                .append(report.topologies().stream().collect(Collectors.joining(" | ")))
                .append(" | Killed by (scenario: requirement IDs, severity) |\n|---|---|---|---|")
                .append("---|".repeat(report.topologies().size())).append("---|\n");
        for (MutantResult mutant : report.mutants()) {
            String killers = mutant.kills().stream().map(k -> k.topology() + ": " + k.location() + " "
                    + k.requirements() + " " + k.severity()).collect(Collectors.joining("<br>"));
            md.append("| ").append(mutant.defect()).append(" | ").append(mutant.description().replace("|", "\\|"))
                    .append(" | ").append(String.join(", ", mutant.requirements())).append(" | ")
                    .append(mutant.shouldLevel() ? "should-level: " + (mutant.outcome() == Outcome.WARN_ONLY ? "warned"
                            : label(mutant.outcome())) : label(mutant.outcome())).append(" | ");
            for (String topology : report.topologies()) {
                mutant.topologies().stream().filter(t -> t.topology().equals(topology)).findFirst()
                        .ifPresent(t -> md.append(t.outcome() == Outcome.SURVIVED && t.scenariosRun() == 0 ? "no scenario"
                                : label(t.outcome()) + " (" + t.kills().size() + "/" + t.scenariosRun() + ")"));
                md.append(" | ");
            }
            md.append(killers).append(" |\n");
        }
        md.append("\n## First failure message per broken client\n\n");
        for (MutantResult mutant : report.mutants()) {
            Kill first = mutant.kills().stream().filter(k -> "fail".equalsIgnoreCase(k.severity())).findFirst()
                    .orElse(mutant.kills().isEmpty() ? null : mutant.kills().get(0));
            md.append("- **").append(mutant.defect()).append("**: ").append(first == null ? "(none)"
                    : first.message().replace("|", "\\|")).append('\n');
        }
        return md.toString();
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case FAIL_KILL -> "killed";
            case WARN_ONLY -> "WARN-only";
            case SURVIVED -> "**SURVIVED**";
        };
    }
}
