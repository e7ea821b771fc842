package dev.ssokit.conformance;

import dev.ssokit.client.Defect;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.Requirements;
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
 *
 * <p>A twin whose every requirement is a WARN or INFO row of the requirement table (its source is a recommendation,
 * an inference or a stub choice) is a <em>should-level twin</em>: by the rule "a FAIL needs a source" it is not a
 * broken client, it is expected to be caught by WARN scenarios only, and it is reported beside the score, not in
 * its denominator. The score is the share of FAIL-counted twins (those with a FAIL requirement) killed by a FAIL
 * scenario.
 */
public final class MutationRun {
    /** How a twin ended: killed by a FAIL scenario, caught only by WARN scenarios (strict mode), or not at all. */
    public enum Outcome { FAIL_KILL, WARN_ONLY, SURVIVED }

    /** What one broken client did against its scenarios in one topology. */
    public record TopologyResult(String topology, int scenariosRun, List<Kill> kills, Outcome outcome) {
    }

    /** What one broken client did, over the topologies run. */
    public record MutantResult(String defect, String description, List<String> requirements,
                               List<TopologyResult> topologies, Outcome outcome, long millis, boolean shouldLevel) {
        public MutantResult(String defect, String description, List<String> requirements,
                            List<TopologyResult> topologies, Outcome outcome, long millis) {
            this(defect, description, requirements, topologies, outcome, millis, false);
        }

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
        /** Twins with a FAIL requirement: the score's denominator. */
        public List<MutantResult> failCounted() {
            return mutants.stream().filter(m -> !m.shouldLevel()).toList();
        }

        /** Twins whose every requirement is WARN or INFO: expected to WARN, reported beside the score. */
        public List<MutantResult> shouldLevel() {
            return mutants.stream().filter(MutantResult::shouldLevel).toList();
        }

        /** Should-level twins that WARN scenarios caught, as expected. */
        public long shouldLevelWarned() {
            return shouldLevel().stream().filter(m -> m.outcome() == Outcome.WARN_ONLY).count();
        }

        /** FAIL-counted twins no scenario of their requirements caught, not even a WARN one. */
        public List<MutantResult> survivors() {
            return failCounted().stream().filter(m -> m.outcome() == Outcome.SURVIVED).toList();
        }

        /** FAIL-counted twins only WARN scenarios caught: not counted as killed. */
        public List<MutantResult> warnOnly() {
            return failCounted().stream().filter(m -> m.outcome() == Outcome.WARN_ONLY).toList();
        }

        /** Should-level twins not caught at all (not even a WARN): their WARN scenario has no power. */
        public List<MutantResult> shouldLevelUncaught() {
            return shouldLevel().stream().filter(m -> m.outcome() == Outcome.SURVIVED).toList();
        }

        /** FAIL-counted twins a FAIL scenario did not kill (WARN-only and survivors). */
        public List<MutantResult> notFailKilled() {
            return failCounted().stream().filter(m -> !m.killed()).toList();
        }

        /** FAIL-counted twins killed by a FAIL scenario. */
        public long failKills() {
            return failCounted().stream().filter(MutantResult::killed).count();
        }

        /** Mutation score: the share of FAIL-counted twins killed by a FAIL scenario. */
        public double score() {
            List<MutantResult> counted = failCounted();
            return counted.isEmpty() ? 0 : 100.0 * failKills() / counted.size();
        }

        /** FAIL kills, WARN-only and survivors of one topology (FAIL-counted twins). */
        public Map<Outcome, Long> countsIn(String topology) {
            Map<Outcome, Long> counts = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome, failCounted().stream().filter(m -> m.outcomeIn(topology) == outcome).count());
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
        Requirements table = Requirements.load();
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
                    outcome, (System.nanoTime() - mutantStarted) / 1_000_000, shouldLevel(table, defect));
            results.add(result);
            if (progress != null) {
                progress.printf("  %-40s %-9s %s  (%d ms)%n", defect.id(), switch (outcome) {
                    case FAIL_KILL -> "killed";
                    case WARN_ONLY -> result.shouldLevel() ? "warned" : "WARN-only";
                    case SURVIVED -> "SURVIVED";
                }, runs.stream().map(r -> r.topology() + " " + r.kills().size() + "/" + r.scenariosRun())
                        .collect(Collectors.joining(", ")), result.millis());
            }
        }
        return new Report(results, topologies, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every requirement of the twin is WARN or INFO in the table (an unknown ID counts as FAIL: it stays counted). */
    static boolean shouldLevel(Requirements table, Defect defect) {
        return defect.requirements().stream().noneMatch(id -> table.find(id)
                .map(r -> r.severity().equalsIgnoreCase("fail")).orElse(true));
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
