package dev.ssokit.conformance.checks;

import dev.ssokit.model.TokenSet;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a check may judge from: the requests the stubs saw (in order, across hosts) and what the client reported
 * through the client-under-test interface. Nothing from inside a particular client.
 */
public record Evidence(List<Exchange> journal, Optional<TokenSet> token, Optional<String> loginId,
                       Optional<String> lastFailure) {

    public List<Exchange> where(Predicate<Exchange> predicate) {
        return journal.stream().filter(predicate).toList();
    }

    public List<Exchange> to(StubSystem system, String pathPrefix) {
        return where(e -> e.system() == system && e.path().startsWith(pathPrefix));
    }

    public Optional<Exchange> first(Predicate<Exchange> predicate) {
        return journal.stream().filter(predicate).findFirst();
    }

    public List<Exchange> refreshes() {
        return where(Exchanges::isRefresh);
    }

    public List<Exchange> userApiCalls() {
        return to(StubSystem.FINESSE, "/finesse/api/User/");
    }

    /** The journal as a short listing for messages. */
    public String listing(List<Exchange> exchanges) {
        if (exchanges.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : exchanges) {
            text.append("\n    ").append(Exchanges.line(exchange));
        }
        return text.toString();
    }
}
