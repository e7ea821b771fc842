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
            description = "reference (default); defect ids (broken twins) or ok-* variant ids (conformant twins) to "
                    + "switch on, comma-separated (see: kit defects); adapter:MANIFEST.json or adapter:NAME "
                    + "(clients/NAME.json) for a partner's client through the adapter protocol "
                    + "(docs/adapter-protocol.md); chromium for headless Chromium")
    private String client;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. \"@req:F8 or @step:3\"")
    private String tags;

    @Option(names = "--strict", description = "a failed WARN check fails the run too")
    private boolean strict;

    @Option(names = "--topology", defaultValue = "distinct", paramLabel = "distinct|co-resident",
            description = "distinct (default): Finesse, IdS and IdP each on its own host; co-resident: Finesse and IdS on "
                    + "one host, two ports (runs the step and contract features; the lab pages assume distinct hosts)")
    private String topology;

    @Option(names = "--idp", defaultValue = "stub", paramLabel = "stub|keycloak",
            description = "stub (default): the WireMock IdP pages; keycloak: a real Keycloak SAML IdP started for the run "
                    + "(needs Java 21+: KEYCLOAK_JAVA_HOME or a JDK under /usr/lib/jvm; runs the flow features 01-07)")
    private String idp;

    @Option(names = "--sign-key", paramLabel = "KEY.pem",
            description = "sign the report's evidence digest with this Ed25519 or RSA private key (PEM, PKCS#8)")
    private Path signKey;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR",
            description = "the kit's folder, holding features/, stubs/ and reports/ (default: the current one)")
    private Path root;

    @Option(names = "--target", paramLabel = "lab:NAME|FILE.yaml|replay:DIR",
            description = "run against a lab instead of the embedded stubs: lab:NAME reads targets/NAME.yaml, or give "
                    + "the file's path (see targets/example-lab.yaml). The client goes through a recording proxy on "
                    + "loopback; scenarios a lab cannot run (@needs:stub-control, ...) are skipped with their reason. replay:DIR serves a recording of ./kit record as the world (the flow "
                    + "scenarios tagged @replay run, every other one is skipped with its reason)")
    private String target;

    @Option(names = "--lab-refresh", description = "with --target: run the refresh scenarios in real time against the "
            + "lab's token lifetime (minutes); without it they are skipped")
    private boolean labRefresh;

    @Parameters(arity = "0..*", paramLabel = "FEATURE",
            description = "feature files or folders, or file.feature:LINE as the FAIL lines print it (default: features/)")
    private List<String> features;

    @Override
    public Integer call() {
        KitConfig config;
        java.util.Optional<dev.ssokit.conformance.ClientChoice> foreign;
        try {
            if (tags != null && tags.isBlank()) {
                throw new IllegalArgumentException("--tags needs a tag expression, e.g. \"@step:7\"");
            }
            foreign = dev.ssokit.conformance.ClientChoice.parse(client, Options.root(root));
            if (signKey != null && !java.nio.file.Files.isReadable(signKey)) {
                throw new IllegalArgumentException("--sign-key " + signKey + ": no readable key file there");
            }
            Path kitRoot = Options.root(root);
            config = new KitConfig(kitRoot, foreign.isPresent() ? java.util.Set.of() : KitConfig.parseClient(client),
                    strict, Duration.ofSeconds(10), true, Options.coResident(topology))
                    .withVariants(foreign.isPresent() ? java.util.Set.of() : KitConfig.parseVariants(client))
                    .withIdp(idp);
        } catch (IllegalArgumentException e) {
            System.err.println("kit run: " + e.getMessage());
            return 2;
        }
        List<Path> selected = features == null || features.isEmpty() ? List.of(config.features())
                : features.stream().map(argument -> Options.feature(argument, config.root())).toList();
        if (config.coResident() && (features == null || features.isEmpty())) {
            selected = MainJob.FLOW_FEATURES.stream().map(config.features()::resolve).toList();
        }
        boolean replaying = target != null && target.startsWith("replay:");
        if (target != null && !replaying) {
            return LabRun.run(config, foreign.isPresent() ? client : null, target, labRefresh, selected, tags, signKey);
        }
        if (labRefresh) {
            System.err.println("kit run: --lab-refresh works with --target only");
            return 2;
        }
        if (config.keycloak()) {
            if (foreign.isPresent()) {
                System.err.println("kit run: --idp keycloak runs the reference client and its twins only, not "
                        + client);
                return 2;
            }
            return KeycloakRun.run(config, features == null || features.isEmpty() ? null : selected, tags);
        }
        Path replay = null;
        if (replaying) {
            try {
                replay = dev.ssokit.lab.record.Replay.stubs(dev.ssokit.lab.record.Replay.folder(target), config.stubs());
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                System.err.println("kit run: " + e.getMessage());
                return 2;
            }
            if (features == null || features.isEmpty()) {
                selected = MainJob.FLOW_FEATURES.stream().map(config.features()::resolve).toList();
            }
        }
        String clientId = foreign.map(dev.ssokit.conformance.ClientChoice::id).orElse(config.clientId());
        String against = replay != null ? "the replay of " + target.substring("replay:".length()) : "the embedded stubs";
        System.out.println("Running the conformance features against " + against + " (client: " + clientId + ")...");
        ConformanceSummary summary;
        try (dev.ssokit.conformance.RunContext context = replay != null
                ? dev.ssokit.conformance.RunContext.replaying(config, replay)
                : dev.ssokit.conformance.RunContext.owningWorld(config)) {
            foreign.ifPresent(context::withClient);
            context.withSignKey(signKey);
            summary = MainJob.run(context, selected, tags, System.out);
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
