package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.lab.record.LabSide;
import dev.ssokit.lab.record.Recorder;
import dev.ssokit.labtarget.TargetException;
import dev.ssokit.labtarget.TargetLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kit record --target targets/x.yaml [--out DIR]}: one flow and the contract probes as scrubbed mappings. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Drive one full SSO flow with the reference client (and the contract probes) through the "
                + "recording proxy against a lab, and save it as WireMock mappings (one folder per system) with every "
                + "secret, host name and agent name turned into a placeholder. Replay: ./kit run --target replay:DIR. "
                + "Exit 0: recorded; 2: bad input or the lab could not be recorded.")
final class RecordCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "lab:NAME|FILE",
            description = "the lab's target file, or lab:NAME for targets/NAME.yaml")
    String target;

    @Option(names = "--out", paramLabel = "DIR", description = "a new or empty folder (default: recordings/<lab name>)")
    Path out;

    @Option(names = "--timeout", defaultValue = "20", description = "seconds to wait for each connection and answer")
    int timeoutSeconds;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR", description = "the kit's folder (holds stubs/)")
    Path root;

    @Override
    public Integer call() {
        try {
            Path kit = Options.root(root);
            LabSide side = LabSide.of(TargetLoader.load(Options.targetFile(target, kit)), KitConfig.environment());
            Path folder = out != null ? out : kit.resolve("recordings").resolve(side.name());
            Recorder.Result result = Recorder.record(side, kit.resolve("stubs"), folder,
                    Duration.ofSeconds(Options.positive("--timeout", timeoutSeconds)));
            result.steps().forEach(step -> System.out.println("  " + step.replace(side.loginName(), "{agent}")));
            result.failures().forEach(failure -> System.out.println("  not recorded: " + failure));
            System.out.println("record: " + result.files().size() + " mappings of " + side.name() + " in "
                    + folder + " (secrets, host names and agent names scrubbed)");
            System.out.println("replay: ./kit run --target replay:" + folder);
            return 0;
        } catch (TargetException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("kit record: " + e.getMessage());
            return 2;
        }
    }
}
