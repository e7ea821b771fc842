package dev.ssokit.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    public List<Exchange> to(StubSystem system, String pathPrefix) {
        return matching(e -> e.system() == system && e.path().startsWith(pathPrefix));
    }

    public Optional<Exchange> first(Predicate<Exchange> predicate) {
        return all().stream().filter(predicate).findFirst();
    }

    /** The exchanges after the given one (by sequence), in order. */
    public List<Exchange> after(Exchange exchange) {
        return matching(e -> e.sequence() > exchange.sequence());
    }

    /** A short listing for failure messages: "#3 GET https://ids.test:1234/ids/... -> 302", newest last. */
    public String describe(List<Exchange> subset) {
        if (subset.isEmpty()) {
            return "(no requests)";
        }
        List<String> lines = new ArrayList<>();
        for (Exchange exchange : subset) {
            lines.add(exchange.toString());
        }
        return String.join("\n  ", lines);
    }
}
