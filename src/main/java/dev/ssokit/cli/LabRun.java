package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.conformance.runtarget.RunTarget;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.RunLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code kit run --target ...}: the features against a lab through the recording proxy, judged from its record. */
final class LabRun {
    private LabRun() {
    }

    /** @param foreignClient the --client value when it names an adapter or Chromium (not wired to a lab yet), else null */
    static int run(KitConfig given, String foreignClient, String spec, boolean labRefresh, List<Path> features,
                   String tags, Path signKey) {
        if (foreignClient != null) {
            System.err.println("kit run --target: runs the reference client and its twins (defect or ok-* ids); "
                    + foreignClient + " through the recording proxy is not wired yet");
            return 2;
        }
        if (given.coResident() || given.keycloak()) {
            System.err.println("kit run --target: --topology and --idp describe the embedded stubs; a lab's are in "
                    + "its target file");
            return 2;
        }
        KitConfig config = new KitConfig(given.root(), given.clientDefects(), given.strict(), Duration.ofSeconds(30),
                given.redaction(), false, given.clientVariants(), given.idp());
        RunTarget target;
        try {
            target = TargetOption.open(spec, config.root(), labRefresh, Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
            System.err.println("kit run --target: " + e.getMessage());
            return 2;
        }
        System.out.println("Running the conformance features against " + target.describe() + " (client: "
                + config.clientId() + ")...");
        try (RunContext context = RunContext.owningWorld(config).withTarget(target)) {
            context.withSignKey(signKey);
            ConformanceSummary summary = MainJob.run(context, features, tags, System.out);
            return summary.verdict().exitCode();
        } catch (RunLock.Busy e) {
            System.err.println("kit run --target: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("kit run --target: the run could not start: " + e.getMessage());
            return 2;
        }
    }
}
