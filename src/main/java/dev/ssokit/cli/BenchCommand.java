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

    @Option(names = "--serve", description = "instead: serve with --sessions sessions and --serve-flows concurrent "
            + "plain java.net.http flows; prints flows/s, p95, mixed-up and lost sessions")
    private boolean serve;

    @Option(names = "--sessions", defaultValue = "50", description = "serve sessions for --serve (default 50)")
    private int sessions;

    @Option(names = "--serve-flows", defaultValue = "1000", description = "flows for --serve (default 1000)")
    private int serveFlows;

    @Option(names = "--concurrency", defaultValue = "50", description = "flows in flight at once for --serve (default 50, one per session; --concurrency 1000 starts every flow at once)")
    private int concurrency;

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
        if (serve) {
            dev.ssokit.bench.SessionBenchmark.Figures figures = dev.ssokit.bench.SessionBenchmark.run(
                    kitRoot, sessions, serveFlows, concurrency, true);
            return figures.mixedUp() + figures.lost() == 0 ? 0 : 1;
        }
        Benchmark.run(KitConfig.defaults(kitRoot), flows, warmup, !flowsOnly);
        return 0;
    }
}
