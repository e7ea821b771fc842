package dev.ssokit.bench;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.SignedIn;
import dev.ssokit.client.browser.HtmlUnitClient;
import dev.ssokit.conformance.ConformanceRun;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MutationRun;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.model.Agent;
import dev.ssokit.model.Outcome;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.world.StubWorld;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints figures, asserts nothing: the reference client's full SSO flow (SystemInfo, token chain through IdS and
 * the IdP with scripts, loginId, sign-in) against the stub world, beside the same flow with plain java.net.http
 * (the lower bound), measured in the same run; then the wall time of the whole feature run and of the meta-run.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void run(KitConfig config, int flows, int warmup, boolean withSuites) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Benchmark: %d flows after %d warm-up flows; %d cores, Java %s%n", flows, warmup,
                runtime.availableProcessors(), dev.ssokit.report.Versions.java());
        long worldStart = System.nanoTime();
        try (StubWorld world = StubWorld.start(config.stubs())) {
            System.out.printf("  stub world start (3 HTTPS servers, CA, keys): %.0f ms%n",
                    (System.nanoTime() - worldStart) / 1e6);
            Agent agent = world.directory().require("sjefferson");
            ClientSettings settings = new ClientSettings(world.finesseBaseUri(), world.clientTls(), world.clock(),
                    IdpLoginForm.adfs(), config.scriptTimeout(), java.util.Set.<Defect>of());
            PlainHttpFlow plain = new PlainHttpFlow(world.finesseBaseUri(), world.clientTls());
            long[] reference = new long[flows];
            long[] lowerBound = new long[flows];
            for (int i = -warmup; i < flows; i++) {
                world.reset();
                long t0 = System.nanoTime();
                try (HtmlUnitClient client = new HtmlUnitClient(settings)) {
                    Outcome<SignedIn> outcome = client.connect(agent.credentials(), agent.extension());
                    if (!outcome.succeeded()) {
                        throw new IllegalStateException("reference flow failed: " + outcome.failure());
                    }
                }
                long t1 = System.nanoTime();
                world.reset();
                int status = plain.run(agent.credentials(), agent.extension());
                long t2 = System.nanoTime();
                if (status != 202) {
                    throw new IllegalStateException("plain flow ended with HTTP " + status);
                }
                if (i >= 0) {
                    reference[i] = t1 - t0;
                    lowerBound[i] = t2 - t1;
                }
            }
            System.out.println("  full SSO flow (SystemInfo -> token chain -> loginId -> PUT LOGIN), new client per flow:");
            print("reference (HtmlUnit)", reference);
            print("plain java.net.http", lowerBound);
            System.out.printf(Locale.ROOT, "    ratio reference / plain: median %.1fx, p95 %.1fx%n",
                    percentile(reference, 50) / percentile(lowerBound, 50),
                    percentile(reference, 95) / percentile(lowerBound, 95));
            ChromiumBench.run(config, world, agent, Math.max(1, Math.min(flows, 10)), percentile(reference, 50));
            System.gc();
            System.out.printf("  heap in use after the flows (after GC): %.0f MiB%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
            if (withSuites) {
                long t0 = System.nanoTime();
                ConformanceSummary summary = ConformanceSummary.collecting("reference", config.redactor());
                ConformanceRun.execute(RunContext.borrowingWorld(config, world), List.of(config.features()), null,
                        List.of(), summary);
                System.out.printf("  whole feature run (reference client, %d scenarios): %.1f s wall%n",
                        summary.outcomes().size(), (System.nanoTime() - t0) / 1e9);
                long catalogueStart = System.nanoTime();
                ConformanceSummary catalogue = ConformanceSummary.collecting("reference", config.redactor());
                ConformanceRun.execute(RunContext.borrowingWorld(config, world),
                        List.of(config.features().resolve("browser")), null, List.of(), catalogue);
                System.out.printf("  browser-behaviour catalogue alone (%d scenarios): %.1f s wall%n",
                        catalogue.outcomes().size(), (System.nanoTime() - catalogueStart) / 1e9);
                MutationRun.Report report = MutationRun.run(config, world, List.of(Defect.values()), null);
                System.out.printf("  meta-run (%d broken clients, score %.0f %%): %.1f s wall%n",
                        report.mutants().size(), report.score(), report.wallMillis() / 1000.0);
            }
        }
    }

    private static void print(String label, long[] nanos) {
        System.out.printf(Locale.ROOT, "    %-22s median %6.1f ms   p95 %6.1f ms   min %6.1f ms   (n=%d)%n", label,
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, Arrays.stream(nanos).min().orElse(0) / 1e6,
                nanos.length);
    }

    /** Nearest-rank percentile. */
    static double percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
