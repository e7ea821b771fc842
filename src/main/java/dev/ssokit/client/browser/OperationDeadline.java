package dev.ssokit.client.browser;

import dev.ssokit.client.Limits;
import java.time.Duration;

/**
 * The whole-operation deadline of one {@code ClientUnderTest} call: begun by {@link ReferenceClient} around each
 * call, read by the connection (timeouts shrink to what is left, a body read stops when it has passed) and by the
 * script waits. Nested calls of the client's own operations keep the outer deadline.
 */
final class OperationDeadline {
    private final Limits limits;
    private volatile String operation;
    private volatile long startedNanos;
    private volatile long endsNanos = Long.MAX_VALUE;

    OperationDeadline(Limits limits) {
        this.limits = limits;
    }

    /** Starts the clock for an operation; false (and nothing changes) when one is already running. */
    boolean begin(String name) {
        if (operation != null) {
            return false;
        }
        startedNanos = System.nanoTime();
        endsNanos = startedNanos + limits.operationDeadline().toNanos();
        operation = name;
        return true;
    }

    void end() {
        operation = null;
        endsNanos = Long.MAX_VALUE;
    }

    boolean running() {
        return operation != null;
    }

    boolean passed() {
        return operation != null && System.nanoTime() >= endsNanos;
    }

    /** Milliseconds left (at least 1 while running), or the given bound when no operation runs or more is left. */
    int boundMillis(Duration bound) {
        long limit = bound.toMillis();
        if (operation == null) {
            return (int) Math.min(Integer.MAX_VALUE, limit);
        }
        long left = Math.max(1, (endsNanos - System.nanoTime()) / 1_000_000);
        return (int) Math.min(Integer.MAX_VALUE, Math.min(limit, left));
    }

    String operation() {
        return operation == null ? "the operation" : operation;
    }

    Duration elapsed() {
        return operation == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** "the 2 s operation deadline of acquireToken passed (stopped after 2.1 s)". */
    String passedText() {
        return "the " + Limits.show(limits.operationDeadline()) + " operation deadline of " + operation()
                + " passed (stopped after " + seconds(elapsed()) + ")";
    }

    Limits limits() {
        return limits;
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
