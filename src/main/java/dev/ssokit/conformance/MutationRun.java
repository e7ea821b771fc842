package dev.ssokit.conformance;

import dev.ssokit.client.Defect;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import dev.ssokit.world.StubWorld;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The suite's proof of power: every broken twin of the reference client runs the scenarios of the requirements
 * its defect violates, in strict mode, in both topologies (distinct hosts: every feature; co-resident Finesse and
 * IdS: the flow features), and must fail at least one of them. A twin is killed when a FAIL-severity scenario
 * carrying one of its requirement IDs fails in either topology; a twin that only a WARN scenario caught is counted
 * apart (WARN-only) and does not count towards the mutation score. One stub world per topology for all twins.
 */
public final class MutationRun {
    /** How a twin ended: killed by a FAIL scenario, caught only by WARN scenarios (strict mode), or not at all. */
    public enum Outcome { FAIL_KILL, WARN_ONLY, SURVIVED }

    /** What one broken client did against its scenarios in one topology. */
    public record TopologyResult(String topology, int scenariosRun, List<Kill> kills, Outcome outcome) {
    }

    /** What one broken client did, over the topologies run. */
    public record MutantResult(String defect, String description, List<String> requirements,
                               List<TopologyResult> topologies, Outcome outcome, long millis) {
        /** Killed by a FAIL scenario in some topology. */
        public boolean killed() {
            return outcome == Outcome.FAIL_KILL;
        }

        public List<Kill> kills() {
            return topologies.stream().flatMap(t -> t.kills().stream()).toList();
        }

        public int scenariosRun() {
            return topologies.stream().mapToInt(TopologyResult::scenariosRun).sum();
        }

        public Outcome outcomeIn(String topology) {
            return topologies.stream().filter(t -> t.topology().equals(topology)).map(TopologyResult::outcome)
                    .findFirst().orElse(null);
        }
    }

    /** A scenario that failed for a broken client, with the requirement IDs it carries and why it failed. */
    public record Kill(String topology, String scenario, String location, List<String> requirements, String severity,
                       String message) {
    }

    public record Report(List<MutantResult> mutants, List<String> topologies, long wallMillis) {
        /** Twins no scenario of their requirements caught, not even a WARN one. */
        public List<MutantResult> survivors() {
            return mutants.stream().filter(m -> m.outcome() == Outcome.SURVIVED).toList();
        }

        /** Twins only WARN scenarios caught: not counted as killed. */
        public List<MutantResult> warnOnly() {
            return mutants.stream().filter(m -> m.outcome() == Outcome.WARN_ONLY).toList();
        }

        /** Twins a FAIL scenario did not kill (WARN-only and survivors). */
        public List<MutantResult> notFailKilled() {
            return mutants.stream().filter(m -> !m.killed()).toList();
        }

        public long failKills() {
            return mutants.stream().filter(MutantResult::killed).count();
        }

        /** Mutation score: the share of twins killed by a FAIL scenario. */
        public double score() {
            return mutants.isEmpty() ? 0 : 100.0 * failKills() / mutants.size();
        }

        /** FAIL kills, WARN-only and survivors of one topology. */
        public Map<Outcome, Long> countsIn(String topology) {
            Map<Outcome, Long> counts = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome, mutants.stream().filter(m -> m.outcomeIn(topology) == outcome).count());
            }
            return counts;
        }
    }

    private MutationRun() {
    }

    /** The default topology only. */
    public static Report run(KitConfig base, StubWorld world, List<Defect> defects, PrintStream progress) {
        return run(base, world, null, defects, progress);
    }

    /** Both topologies: {@code coResident} is a world started with co-resident host names (or null to skip it). */
    public static Report run(KitConfig base, StubWorld distinct, StubWorld coResident, List<Defect> defects,
                             PrintStream progress) {
        long started = System.nanoTime();
        List<MutantResult> results = new ArrayList<>();
        List<String> topologies = coResident == null ? List.of("distinct") : List.of("distinct", "co-resident");
        for (Defect defect : defects) {
            long mutantStarted = System.nanoTime();
            String tags = defect.requirements().stream().map(id -> "@req:" + id).collect(Collectors.joining(" or "));
            List<TopologyResult> runs = new ArrayList<>();
            runs.add(runIn("distinct", base, distinct, List.of(base.features()), tags, defect));
            if (coResident != null) {
                KitConfig together = base.withCoResident(true);
                runs.add(runIn("co-resident", together, coResident, MainJob.FLOW_FEATURES.stream()
                        .map(together.features()::resolve).toList(), tags, defect));
            }
            Outcome outcome = runs.stream().anyMatch(r -> r.outcome() == Outcome.FAIL_KILL) ? Outcome.FAIL_KILL
                    : runs.stream().anyMatch(r -> r.outcome() == Outcome.WARN_ONLY) ? Outcome.WARN_ONLY
                    : Outcome.SURVIVED;
            MutantResult result = new MutantResult(defect.id(), defect.description(), defect.requirements(), runs,
                    outcome, (System.nanoTime() - mutantStarted) / 1_000_000);
            results.add(result);
            if (progress != null) {
                progress.printf("  %-40s %-9s %s  (%d ms)%n", defect.id(), switch (outcome) {
                    case FAIL_KILL -> "killed";
                    case WARN_ONLY -> "WARN-only";
                    case SURVIVED -> "SURVIVED";
                }, runs.stream().map(r -> r.topology() + " " + r.kills().size() + "/" + r.scenariosRun())
                        .collect(Collectors.joining(", ")), result.millis());
            }
        }
        return new Report(results, topologies, (System.nanoTime() - started) / 1_000_000);
    }

    private static TopologyResult runIn(String topology, KitConfig base, StubWorld world, List<Path> features,
                                        String tags, Defect defect) {
        KitConfig config = base.withDefects(Set.of(defect)).withStrict(true);
        ConformanceSummary collector = ConformanceSummary.collecting(config.clientId(), config.redactor());
        ConformanceRun.execute(RunContext.borrowingWorld(config, world), features, tags, List.of(), collector);
        List<Kill> kills = new ArrayList<>();
        for (ScenarioOutcome outcome : collector.outcomes()) {
            if (outcome.result().equals("fail") && outcome.requirements().stream()
                    .anyMatch(defect.requirements()::contains)) {
                kills.add(new Kill(topology, outcome.name(), outcome.location(), outcome.requirements(),
                        outcome.severity(), outcome.messages().isEmpty() ? "" : firstLines(outcome.messages().get(0))));
            }
        }
        Outcome result = kills.stream().anyMatch(k -> "fail".equalsIgnoreCase(k.severity())) ? Outcome.FAIL_KILL
                : kills.isEmpty() ? Outcome.SURVIVED : Outcome.WARN_ONLY;
        return new TopologyResult(topology, collector.outcomes().size(), kills, result);
    }

    private static String firstLines(String message) {
        String[] lines = message.split("\n");
        return String.join(" / ", java.util.Arrays.copyOf(lines, Math.min(3, lines.length))).trim();
    }

    public static void writeKillMatrix(Report report, Path reports) {
        KillMatrix.write(report, reports);
    }
}
