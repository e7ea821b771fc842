package dev.ssokit.bench;

import dev.ssokit.client.chromium.ChromiumClient;
import dev.ssokit.conformance.ForeignTargets;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.model.Agent;
import dev.ssokit.model.Outcome;
import dev.ssokit.client.SignedIn;
import dev.ssokit.world.StubWorld;
import java.time.Duration;
import java.util.Locale;

/** Headless Chromium's full flow beside the reference client's, in the same run (few flows: a browser is slow). */
final class ChromiumBench {
    private ChromiumBench() {
    }

    static void run(KitConfig config, StubWorld world, Agent agent, int flows, double referenceMedianNanos) {
        String missing = ChromiumClient.unavailable();
        if (missing != null) {
            System.out.println("    headless Chromium      skipped: " + missing);
            return;
        }
        try (ForeignTargets targets = new ForeignTargets(world, config.stubs().resolve("hosts"), Duration.ofSeconds(60))) {
            int warmup = 2;
            long[] nanos = new long[flows];
            for (int i = -warmup; i < flows; i++) {
                world.reset();
                long t0 = System.nanoTime();
                try (ChromiumClient client = new ChromiumClient(targets.next())) {
                    Outcome<SignedIn> outcome = client.connect(agent.credentials(), agent.extension());
                    if (!outcome.succeeded()) {
                        throw new IllegalStateException("Chromium flow failed: " + outcome.failure());
                    }
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
            }
            System.out.printf(Locale.ROOT, "    %-22s median %6.1f ms   p95 %6.1f ms   min %6.1f ms   (n=%d, one browser"
                            + " reused, cookies cleared per flow; %.1fx the reference client)%n", "headless Chromium",
                    Benchmark.percentile(nanos, 50) / 1e6, Benchmark.percentile(nanos, 95) / 1e6,
                    java.util.Arrays.stream(nanos).min().orElse(0) / 1e6, flows,
                    Benchmark.percentile(nanos, 50) / referenceMedianNanos);
        }
    }
}
