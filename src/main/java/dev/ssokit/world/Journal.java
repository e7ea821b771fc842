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

    synchronized void record(Exchange exchange) {
        exchanges.add(exchange);
    }

    synchronized int nextSequence() {
        return exchanges.size() + 1;
    }

    public synchronized void clear() {
        exchanges.clear();
    }

    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }

    public List<Exchange> matching(Predicate<Exchange> predicate) {
        return all().stream().filter(predicate).toList();
    }
}
