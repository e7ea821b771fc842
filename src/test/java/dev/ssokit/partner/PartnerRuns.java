package dev.ssokit.partner;

import dev.ssokit.conformance.ClientChoice;
import dev.ssokit.conformance.ConformanceRun;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.Deviations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs features with a foreign client (or the reference client) and collects the verdict, for the partner tests. */
final class PartnerRuns {
    private PartnerRuns() {
    }

    static ConformanceSummary run(ClientChoice client, List<String> features, String tags) {
        KitConfig config = KitConfig.fromSystem().withDefects(java.util.Set.of());
        String id = client == null ? "reference" : client.id();
        ConformanceSummary summary = ConformanceSummary.collecting(id, config.redactor())
                .withDeviations(Deviations.load(config.root(), id), false);
        try (RunContext context = RunContext.owningWorld(config)) {
            if (client != null) {
                context.withClient(client);
            }
            ConformanceRun.execute(context, features.stream().map(config.features()::resolve).toList(), tags,
                    List.of(), summary);
        }
        return summary;
    }

    /** Requirement id to result, for the requirements the run covered. */
    static Map<String, String> results(ConformanceSummary summary) {
        Map<String, String> results = new TreeMap<>();
        summary.rows().stream().filter(r -> !r.result().equals("not covered"))
                .forEach(r -> results.put(r.id(), r.result()));
        return results;
    }

    /** A kit root in a temporary folder whose features/, stubs/, deviations/ ... are the project's (reports/ is its own). */
    static Path temporaryRoot(Path project) {
        try {
            Path root = Files.createTempDirectory("kit-root-");
            for (String folder : List.of("features", "stubs", "deviations", "clients", "examples")) {
                Files.createSymbolicLink(root.resolve(folder), project.resolve(folder).toAbsolutePath());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
