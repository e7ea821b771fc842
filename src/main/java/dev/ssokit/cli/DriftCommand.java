package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.lab.drift.Drift;
import dev.ssokit.lab.record.FlowCapture;
import dev.ssokit.lab.record.LabSide;
import dev.ssokit.labtarget.TargetException;
import dev.ssokit.labtarget.TargetLoader;
import dev.ssokit.world.StubWorld;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kit drift --target targets/x.yaml}: where the lab's answers differ in shape from the embedded stubs'. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Run the reference flow and the contract probes against a lab and against the embedded stubs, "
                + "and print where the answers differ: status, content type, XML/JSON elements, cookies and their "
                + "attributes, redirect shape (Location host, path, query parameter names). Exit 0: no drift; "
                + "1: drift (the list); 2: bad input or a side could not be probed.")
final class DriftCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "lab:NAME|FILE",
            description = "the lab's target file, or lab:NAME for targets/NAME.yaml")
    String target;

    @Option(names = "--timeout", defaultValue = "20", description = "seconds to wait for each connection and answer")
    int timeoutSeconds;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR", description = "the kit's folder (holds stubs/)")
    Path root;

    @Override
    public Integer call() {
        try {
            Path kit = Options.root(root);
            LabSide lab = LabSide.of(TargetLoader.load(Options.targetFile(target, kit)), KitConfig.environment());
            return run(lab, kit.resolve("stubs"), Duration.ofSeconds(Options.positive("--timeout", timeoutSeconds)), System.out);
        } catch (TargetException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("kit drift: " + e.getMessage());
            return 2;
        }
    }

    /** Probes the lab, then a fresh embedded stub world, and prints the differences; the exit code. */
    static int run(LabSide lab, Path stubs, Duration timeout, PrintStream out) {
        FlowCapture.Capture labCapture = FlowCapture.capture(lab, stubs, timeout);
        if (labCapture.exchanges().isEmpty()) {
            out.println("drift: nothing crossed the recorder from " + lab.name() + ": "
                    + String.join("; ", labCapture.failures()) + ". Fix: run ./kit preflight --target first");
            return 2;
        }
        FlowCapture.Capture stubCapture;
        try (StubWorld world = StubWorld.start(stubs)) {
            stubCapture = FlowCapture.capture(LabSide.of(world), stubs, timeout);
        }
        return Drift.report(labCapture, stubCapture, out);
    }
}
