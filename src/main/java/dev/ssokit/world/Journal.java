package dev.ssokit.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the three stubs received, across hosts, in the order they arrived: the evidence every check
 * judges from. Filled before each response is sent, so it is complete when the client's call returns.
 */
public final class Journal {
    private final List<Exchange> exchanges = new ArrayList<>();
    private volatile int limit = Integer.MAX_VALUE;
    private int dropped;

    synchronized void record(Exchange exchange) {
        if (exchanges.size() >= limit) {
            dropped++;
            return;
        }
        exchanges.add(exchange);
    }

    synchronized int nextSequence() {
        return exchanges.size() + dropped + 1;
    }

    public synchronized void clear() {
        exchanges.clear();
        dropped = 0;
    }

    /**
     * Keeps at most this many exchanges (a long-running serve session must not grow without end); later ones are
     * counted in {@link #dropped()} instead, so a reader knows the record is incomplete.
     */
    public void limit(int maxExchanges) {
        if (maxExchanges < 1) {
            throw new IllegalArgumentException("A journal keeps at least one exchange; got " + maxExchanges);
        }
        this.limit = maxExchanges;
    }

    /** Exchanges not kept since the last clear because the journal was full. */
    public synchronized int dropped() {
        return dropped;
    }

    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }

    public List<Exchange> matching(Predicate<Exchange> predicate) {
        return all().stream().filter(predicate).toList();
    }
}
