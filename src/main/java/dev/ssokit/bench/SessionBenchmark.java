package dev.ssokit.bench;

import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.serve.Serve;
import dev.ssokit.world.serve.ServeOptions;
import dev.ssokit.world.serve.ServeSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Several partners at once: serve (in this JVM, ephemeral ports, loopback) with N sessions, and M full SSO flows
 * in flight together, spread over the sessions, each a fresh java.net.http client (HTTP/1.1, own cookie jar).
 * Prints flows/s, p50/p95 and the count of mixed-up or lost sessions, judged from each session's own journal;
 * asserts nothing about time.
 */
public final class SessionBenchmark {
    /** What one run found; {@code mixedUp + lost} must be 0. */
    public record Figures(int sessions, int flows, int failedFlows, int mixedUp, int lost, double flowsPerSecond,
                          double p50Millis, double p95Millis, String firstError) {
    }

    /** Bound on each connect and request: generous, as a thousand flows share two cores here. */
    private static final java.time.Duration FLOW_TIMEOUT = java.time.Duration.ofSeconds(120);

    private SessionBenchmark() {
    }

    public static Figures run(Path root, int sessions, int flows, int concurrency, boolean print) throws Exception {
        if (sessions < 1 || sessions > dev.ssokit.world.serve.Sessions.MAX_SESSIONS || flows < 1 || concurrency < 1) {
            throw new IllegalArgumentException("sessions 1-" + dev.ssokit.world.serve.Sessions.MAX_SESSIONS
                    + ", flows and concurrency at least 1");
        }
        Path temp = Files.createTempDirectory("kit-bench-serve-");
        try (Serve serve = Serve.start(ServeOptions.ephemeral(root, temp.resolve("world.json")))) {
            long t0 = System.nanoTime();
            List<ServeSession> open = new ArrayList<>();
            open.add(serve.sessions().defaultSession());
            while (open.size() < sessions) {
                open.add(serve.sessions().open());
            }
            if (print) {
                System.out.printf(Locale.ROOT, "Serve benchmark: %d sessions (%d HTTPS servers) up in %.1f s; %d flows, "
                        + "%d in flight at once, plain java.net.http HTTP/1.1%n", sessions, sessions * 3,
                        (System.nanoTime() - t0) / 1e9, flows, Math.min(concurrency, flows));
            }
            List<Agent> agents = open.get(0).world().directory().agents().stream()
                    .filter(a -> a.authMode() == AuthMode.SSO).toList();
            for (ServeSession session : open) {
                // one flow per session first (warms the JIT and proves each session), then a clean journal
                new PlainHttpFlow(session.world().finesseBaseUri(), session.world().clientTls(), FLOW_TIMEOUT)
                        .run(agents.get(0).credentials(), agents.get(0).extension());
                session.reset();
            }
            int[] assigned = new int[sessions];
            long[] nanos = new long[flows];
            boolean[] ok = new boolean[flows];
            AtomicReference<String> firstError = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, flows));
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < flows; i++) {
                int flow = i;
                ServeSession session = open.get(flow % sessions);
                assigned[flow % sessions]++;
                Agent agent = agents.get((flow / sessions) % agents.size());
                futures.add(pool.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    try {
                        int status = new PlainHttpFlow(session.world().finesseBaseUri(), session.world().clientTls(),
                                FLOW_TIMEOUT).run(agent.credentials(), agent.extension());
                        ok[flow] = status == 202;
                        if (status != 202) {
                            firstError.compareAndSet(null, "sign-in answered " + status);
                        }
                    } catch (Exception e) {
                        firstError.compareAndSet(null, e.toString());
                    }
                    nanos[flow] = System.nanoTime() - start;
                    return null;
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(Math.max(600, flows), TimeUnit.SECONDS)) {
                pool.shutdownNow();
                firstError.compareAndSet(null, "flows still running at the deadline");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int failed = 0;
            for (boolean success : ok) {
                failed += success ? 0 : 1;
            }
            int[] mixedAndLost = audit(open, assigned, flows, ok, sessions);
            long[] done = new long[flows];
            System.arraycopy(nanos, 0, done, 0, flows);
            Figures figures = new Figures(sessions, flows, failed, mixedAndLost[0], mixedAndLost[1],
                    (flows - failed) / seconds, Benchmark.percentile(done, 50) / 1e6, Benchmark.percentile(done, 95) / 1e6,
                    firstError.get());
            if (print) {
                System.out.printf(Locale.ROOT, "  %.1f flows/s   p50 %.0f ms   p95 %.0f ms   (%.1f s wall)%n",
                        figures.flowsPerSecond(), figures.p50Millis(), figures.p95Millis(), seconds);
                System.out.printf("  failed flows: %d%s   mixed-up sessions: %d   lost sessions: %d%n", failed,
                        figures.firstError() == null ? "" : " (first: " + figures.firstError() + ")",
                        figures.mixedUp(), figures.lost());
            }
            return figures;
        } finally {
            try (var files = Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * From each session's own journal: mixed-up = it holds requests on another session's ports, or more sign-ins
     * than flows were sent to it; lost = fewer accepted sign-ins than its flows that succeeded.
     */
    private static int[] audit(List<ServeSession> open, int[] assigned, int flows, boolean[] ok, int sessions) {
        int mixed = 0;
        int lost = 0;
        for (int s = 0; s < open.size(); s++) {
            Set<Integer> own = new HashSet<>();
            for (StubSystem system : StubSystem.values()) {
                own.add(open.get(s).world().baseUri(system).getPort());
            }
            own.add(open.get(s).world().finesseHttpPort());
            List<Exchange> journal = open.get(s).world().journal().all();
            long signIns = journal.stream().filter(e -> e.method().equals("PUT") && e.status() == 202).count();
            long logins = journal.stream().filter(e -> e.system() == StubSystem.IDP && e.method().equals("POST")).count();
            int succeeded = 0;
            for (int f = s; f < flows; f += sessions) {
                succeeded += ok[f] ? 1 : 0;
            }
            boolean foreign = journal.stream().anyMatch(e -> !own.contains(e.port()));
            if (foreign || signIns > assigned[s] || logins > assigned[s]) {
                mixed++;
            } else if (signIns < succeeded) {
                lost++;
            }
        }
        return new int[] {mixed, lost};
    }

}
