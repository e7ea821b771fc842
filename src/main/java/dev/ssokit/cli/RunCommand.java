package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.RunLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The kit's main job: every feature against the embedded stub world, with the reports under reports/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the conformance features against the embedded stubs and write reports/ "
                + "(summary.md, summary.html, verdict.json, junit.xml, cucumber.json, allure-results/). "
                + "Exit code 0: PASS, every selected scenario judged and no FAIL check failed (with --strict, no WARN "
                + "check either); 1: FAIL, the client is not conformant (or a deviation entry is stale); 2: NOT_JUDGED, "
                + "the run could not judge (bad option or input, environment problem, a scenario errored, nothing "
                + "selected, interrupted, another run holds reports/).")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--client", defaultValue = "reference", paramLabel = "CLIENT",
            description = "reference (default), or defect ids to switch on, comma-separated (see: kit defects)")
    private String client;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. \"@req:F8 or @step:3\"")
    private String tags;

    @Option(names = "--strict", description = "a failed WARN check fails the run too")
    private boolean strict;

    @Option(names = "--topology", defaultValue = "distinct", paramLabel = "distinct|co-resident",
            description = "distinct (default): Finesse, IdS and IdP each on its own host; co-resident: Finesse and IdS on "
                    + "one host, two ports (runs the step and contract features; the lab pages assume distinct hosts)")
    private String topology;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR",
            description = "the kit's folder, holding features/, stubs/ and reports/ (default: the current one)")
    private Path root;

    @Parameters(arity = "0..*", paramLabel = "FEATURE",
            description = "feature files or folders, or file.feature:LINE as the FAIL lines print it (default: features/)")
    private List<String> features;

    @Override
    public Integer call() {
        KitConfig config;
        try {
            if (tags != null && tags.isBlank()) {
                throw new IllegalArgumentException("--tags needs a tag expression, e.g. \"@step:7\"");
            }
            Path kitRoot = Options.root(root);
            config = new KitConfig(kitRoot, KitConfig.parseClient(client), strict, Duration.ofSeconds(10), true,
                    Options.coResident(topology));
        } catch (IllegalArgumentException e) {
            System.err.println("kit run: " + e.getMessage());
            return 2;
        }
        List<Path> selected = features == null || features.isEmpty() ? List.of(config.features())
                : features.stream().map(argument -> Options.feature(argument, config.root())).toList();
        if (config.coResident() && (features == null || features.isEmpty())) {
            selected = MainJob.FLOW_FEATURES.stream().map(config.features()::resolve).toList();
        }
        System.out.println("Running the conformance features against the embedded stubs (client: "
                + config.clientId() + ")...");
        ConformanceSummary summary;
        try {
            summary = MainJob.run(config, selected, tags, System.out);
        } catch (RunLock.Busy e) {
            System.err.println("kit run: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("kit run: the run could not start: " + e.getMessage());
            return 2;
        }
        return summary.verdict().exitCode();
    }
}
