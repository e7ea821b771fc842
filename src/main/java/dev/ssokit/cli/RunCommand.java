package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.report.ConformanceSummary;
import java.nio.file.Files;
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
                + "Exit code 0: no FAIL check failed (and, with --strict, no WARN check); 1: the client is not "
                + "conformant; 2: the run could not start.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--client", defaultValue = "reference", paramLabel = "CLIENT",
            description = "reference (default); defect ids to switch on, comma-separated (see: kit defects); "
                    + "adapter:MANIFEST.json or adapter:NAME (clients/NAME.json) for a partner's client through the "
                    + "adapter protocol (docs/adapter-protocol.md); chromium for headless Chromium")
    private String client;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. \"@req:F8 or @step:3\"")
    private String tags;

    @Option(names = "--strict", description = "a failed WARN check fails the run too")
    private boolean strict;

    @Option(names = "--topology", defaultValue = "distinct", paramLabel = "distinct|co-resident",
            description = "distinct (default): Finesse, IdS and IdP each on its own host; co-resident: Finesse and IdS on "
                    + "one host, two ports (runs the step and contract features; the lab pages assume distinct hosts)")
    private String topology;

    @Option(names = "--sign-key", paramLabel = "KEY.pem",
            description = "sign the report's evidence digest with this Ed25519 or RSA private key (PEM, PKCS#8)")
    private Path signKey;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR",
            description = "the kit's folder, holding features/, stubs/ and reports/ (default: the current one)")
    private Path root;

    @Parameters(arity = "0..*", paramLabel = "FEATURE", description = "feature files or folders (default: features/)")
    private List<Path> features;

    @Override
    public Integer call() {
        KitConfig config;
        java.util.Optional<dev.ssokit.conformance.ClientChoice> foreign;
        try {
            foreign = dev.ssokit.conformance.ClientChoice.parse(client, root.toAbsolutePath().normalize());
            if (signKey != null && !Files.isReadable(signKey)) {
                throw new IllegalArgumentException("--sign-key " + signKey + ": no readable key file there");
            }
            config = new KitConfig(root.toAbsolutePath().normalize(),
                    foreign.isPresent() ? java.util.Set.of() : KitConfig.parseClient(client), strict,
                    Duration.ofSeconds(10), true, topology.equals("co-resident"));
            if (!topology.equals("distinct") && !topology.equals("co-resident")) {
                throw new IllegalArgumentException("--topology takes distinct or co-resident, not '" + topology + "'");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("kit run: " + e.getMessage());
            return 2;
        }
        List<Path> selected = features == null || features.isEmpty() ? List.of(config.features()) : features;
        if (config.coResident() && (features == null || features.isEmpty())) {
            selected = MainJob.FLOW_FEATURES.stream().map(config.features()::resolve).toList();
        }
        for (Path path : selected) {
            if (!Files.exists(path)) {
                System.err.println("kit run: no feature file or folder at " + path.toAbsolutePath()
                        + " (run from the kit's folder, or pass --root)");
                return 2;
            }
        }
        String clientId = foreign.map(dev.ssokit.conformance.ClientChoice::id).orElse(config.clientId());
        System.out.println("Running the conformance features against the embedded stubs (client: " + clientId + ")...");
        ConformanceSummary summary;
        try (dev.ssokit.conformance.RunContext context = dev.ssokit.conformance.RunContext.owningWorld(config)) {
            foreign.ifPresent(context::withClient);
            context.withSignKey(signKey);
            summary = MainJob.run(context, selected, tags, System.out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("kit run: the run could not start: " + e.getMessage());
            return 2;
        }
        return summary.conformant() ? 0 : 1;
    }
}
