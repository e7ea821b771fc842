package dev.ssokit.cli;

import dev.ssokit.bench.Benchmark;
import dev.ssokit.conformance.KitConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the kit's speed figures; asserts nothing (machines here are shared and noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the reference client's full SSO flow against the stubs beside a plain java.net.http flow "
                + "(median, p95, ratio), then the whole feature run and the meta-run.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--flows", defaultValue = "300", description = "measured flows per client (default 300)")
    private int flows;

    @Option(names = "--warmup", defaultValue = "100", description = "warm-up flows, not measured (default 100)")
    private int warmup;

    @Option(names = "--flows-only", description = "skip the feature run and the meta-run")
    private boolean flowsOnly;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR", description = "the kit's folder")
    private Path root;

    @Override
    public Integer call() throws Exception {
        if (flows < 1 || warmup < 0) {
            System.err.println("kit bench: --flows must be at least 1 and --warmup at least 0");
            return 2;
        }
        Path kitRoot;
        try {
            kitRoot = Options.root(root);
        } catch (IllegalArgumentException e) {
            System.err.println("kit bench: " + e.getMessage());
            return 2;
        }
        Benchmark.run(KitConfig.defaults(kitRoot), flows, warmup, !flowsOnly);
        return 0;
    }
}
