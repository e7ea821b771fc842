package dev.ssokit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssokit.client.Variant;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import dev.ssokit.world.StubWorld;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The suite's proof of fairness, mirror of {@link MutationRun}: every conformant twin of the reference client (one
 * legitimate {@link Variant} switched on) runs the whole suite and must not be failed. A WARN is allowed: it comes
 * from a recommendation (SHOULD), an inference or a stub choice (requirements.tsv caps severity by source). One
 * JVM, one stub world for all. Writes reports/conformant-twins.md and .json.
 */
public final class ConformantRun {
    /** What one conformant twin got: the scenarios that failed it (false failures) and those that warned. */
    public record TwinResult(String variant, String description, String source, int scenariosRun,
                             List<String> falseFailures, List<String> warnings, long millis) {
        public boolean falselyFailed() {
            return !falseFailures.isEmpty();
        }
    }

    public record Report(List<TwinResult> twins, long wallMillis) {
        public List<TwinResult> falselyFailed() {
            return twins.stream().filter(TwinResult::falselyFailed).toList();
        }

        public long falseFailureCount() {
            return twins.stream().mapToLong(t -> t.falseFailures().size()).sum();
        }
    }

    private ConformantRun() {
    }

    /**
     * Conformant twins that combine several compatible variants, as a real client combines behaviours: each variant
     * is in exactly one, and each runs the whole suite (a cheaper whole-suite pass than one per variant).
     */
    public static List<Set<Variant>> composites() {
        Set<Variant> first = java.util.EnumSet.of(Variant.OK_COOKIE_PATH_ROOT, Variant.OK_LOWERCASE_PERCENT_HEX,
                Variant.OK_ENCODE_EVERY_CHARACTER, Variant.OK_FAVICON, Variant.OK_CUSTOM_USER_AGENT,
                Variant.OK_ACCEPT_LANGUAGE, Variant.OK_HEARTBEAT_SYSTEMINFO, Variant.OK_ACCEPT_XML,
                Variant.OK_QUERY_REFRESH, Variant.OK_EARLY_REFRESH, Variant.OK_BASIC_ON_SYSTEMINFO);
        Set<Variant> second = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(first));
        return List.of(first, second);
    }

    /** Each set of variants (a composite twin) against the whole suite of the features. */
    public static Report runComposites(KitConfig base, StubWorld world, List<Set<Variant>> twins, List<Path> features,
                                       PrintStream progress) {
        long started = System.nanoTime();
        List<TwinResult> results = new ArrayList<>();
        for (Set<Variant> twin : twins) {
            results.add(runOne(base, world, twin, features, null, progress));
        }
        return new Report(results, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every variant against every scenario of the features. */
    public static Report run(KitConfig base, StubWorld world, List<Variant> variants, List<Path> features,
                             PrintStream progress) {
        return run(base, world, variants, features, variant -> null, progress);
    }

    /** Every variant against the scenarios its tag expression selects (null: all), for a quick look. */
    public static Report run(KitConfig base, StubWorld world, List<Variant> variants, List<Path> features,
                             java.util.function.Function<Variant, String> tags, PrintStream progress) {
        long started = System.nanoTime();
        List<TwinResult> results = new ArrayList<>();
        for (Variant variant : variants) {
            results.add(runOne(base, world, Set.of(variant), features, tags.apply(variant), progress));
        }
        return new Report(results, (System.nanoTime() - started) / 1_000_000);
    }

    private static TwinResult runOne(KitConfig base, StubWorld world, Set<Variant> variants, List<Path> features,
                                     String tags, PrintStream progress) {
        {
            long twinStarted = System.nanoTime();
            KitConfig config = base.withDefects(Set.of()).withVariants(variants).withStrict(false);
            ConformanceSummary collector = ConformanceSummary.collecting(config.clientId(), config.redactor());
            ConformanceRun.execute(RunContext.borrowingWorld(config, world), features, tags, List.of(), collector);
            List<String> failures = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (ScenarioOutcome outcome : collector.outcomes()) {
                String line = outcome.location() + " " + outcome.requirements() + ": "
                        + (outcome.messages().isEmpty() ? "" : firstLine(outcome.messages().get(0)));
                if (outcome.result().equals("fail")) {
                    failures.add(line);
                } else if (outcome.result().equals("warn")) {
                    warnings.add(line);
                }
            }
            TwinResult result = new TwinResult(config.clientId(), variants.stream().map(Variant::description)
                    .collect(Collectors.joining("; ")), variants.stream().map(Variant::source)
                    .collect(Collectors.joining("; ")), collector.outcomes().size(), failures, warnings,
                    (System.nanoTime() - twinStarted) / 1_000_000);
            if (progress != null) {
                progress.printf("  %-34s %-14s %3d scenarios, %d failed, %d warned  (%d ms)%n",
                        variants.size() == 1 ? config.clientId() : variants.size() + " variants together",
                        result.falselyFailed() ? "FALSELY FAILED" : "passes", result.scenariosRun(), failures.size(),
                        warnings.size(), result.millis());
            }
            return result;
        }
    }

    private static String firstLine(String message) {
        String[] lines = message.split("\n");
        return String.join(" / ", java.util.Arrays.copyOf(lines, Math.min(2, lines.length))).trim();
    }

    public static void write(Report report, Path reports) {
        try {
            Files.createDirectories(reports);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("twins", report.twins().size());
            json.put("falselyFailedTwins", report.falselyFailed().size());
            json.put("falseFailures", report.falseFailureCount());
            json.put("wallMillis", report.wallMillis());
            json.put("results", report.twins());
            Files.writeString(reports.resolve("conformant-twins.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            StringBuilder md = new StringBuilder("# Conformant twins: legitimate clients x the whole suite\n\n");
            md.append(String.format("False failures: **%d** (%d of %d conformant twins failed) in %.1f s. Each twin is "
                            + "the reference client with one legitimate behaviour switched on (Cisco-documented, what "
                            + "browsers do, or valid HTTP); it runs every scenario and must not fail one. A warning is "
                            + "allowed where the source is a recommendation, an inference or a stub choice.%n%n",
                    report.falseFailureCount(), report.falselyFailed().size(), report.twins().size(),
                    report.wallMillis() / 1000.0));
            md.append("| Conformant twin | Behaviour | Source | Result | Warnings |\n|---|---|---|---|---|\n");
            for (TwinResult twin : report.twins()) {
                md.append("| ").append(twin.variant()).append(" | ").append(twin.description().replace("|", "\\|"))
                        .append(" | ").append(twin.source().replace("|", "\\|")).append(" | ")
                        .append(twin.falselyFailed() ? "**FALSELY FAILED** (" + twin.falseFailures().size() + ")"
                                : "passes (" + twin.scenariosRun() + " scenarios)").append(" | ")
                        .append(twin.warnings().stream().map(w -> w.split(" ", 2)[0]).collect(Collectors.joining("<br>")))
                        .append(" |\n");
            }
            List<TwinResult> failed = report.falselyFailed();
            if (!failed.isEmpty()) {
                md.append("\n## False failures\n\n");
                failed.forEach(t -> t.falseFailures().forEach(f -> md.append("- **").append(t.variant()).append("**: ")
                        .append(f.replace("|", "\\|")).append('\n')));
            }
            Files.writeString(reports.resolve("conformant-twins.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformant-twin report under " + reports, e);
        }
    }
}
