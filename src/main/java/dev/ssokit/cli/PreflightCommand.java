package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.labtarget.LabTarget;
import dev.ssokit.labtarget.Preflight;
import dev.ssokit.labtarget.PreflightProblem;
import dev.ssokit.labtarget.TargetException;
import dev.ssokit.labtarget.TargetLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kit preflight --target targets/x.yaml}: checks a lab before any scenario runs against it; exit 2 on a problem. */
@Command(name = "preflight", description = "Check a lab target: secrets, names, TLS trust, SystemInfo, UserAuthMode.")
final class PreflightCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "The lab's target file, e.g. targets/lab-a.yaml, or lab:lab-a for that file")
    Path target;

    @Option(names = "--timeout", defaultValue = "20", description = "Seconds to wait for each connection and answer")
    int timeoutSeconds;

    @Override
    public Integer call() {
        LabTarget lab;
        Duration timeout;
        try {
            timeout = Duration.ofSeconds(Options.positive("--timeout", timeoutSeconds));
            lab = TargetLoader.load(Options.targetFile(target.toString(), Path.of("").toAbsolutePath()));
        } catch (TargetException e) {
            e.problems().forEach(System.out::println);
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("kit preflight: " + e.getMessage());
            return 2;
        }
        List<PreflightProblem> problems = Preflight.run(lab, KitConfig.environment(), timeout);
        problems.forEach(System.out::println);
        if (!problems.isEmpty()) {
            System.out.println("preflight: " + problems.size() + " problem(s) with " + lab.name());
            return 2;
        }
        System.out.println("preflight: " + lab.name() + " is ready (" + lab.urls().size() + " URLs, "
                + lab.agents().size() + " agent(s))");
        return 0;
    }
}
