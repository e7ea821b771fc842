package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.runtarget.LabRunTarget;
import dev.ssokit.conformance.runtarget.RunTarget;
import dev.ssokit.labtarget.TargetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --target}: {@code lab:NAME} (targets/NAME.yaml), or a target file's path. Another kind of target (a replay)
 * plugs in here with its prefix and its {@link RunTarget}.
 */
final class TargetOption {
    private TargetOption() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the option and how to fix it */
    static RunTarget open(String spec, Path root, boolean labRefresh, Duration timeout) {
        Path file = Options.targetFile(spec, root);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--target " + spec + ": no target file at " + file + "; copy "
                    + "targets/example-lab.yaml to targets/<name>.yaml and pass --target lab:<name>");
        }
        return LabRunTarget.of(TargetLoader.load(file), KitConfig.environment(), timeout, labRefresh);
    }
}
