package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** R7: a cookie set on a 3xx is stored and sent on the next request to the same host whose path it covers. */
public record EnsureCookiesReturnedOnNextHop() implements Check {
    public String requirement() {
        return "R7";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Cookies set on a redirect response come back on the next request to that host and path";
    }

    public Verdict evaluate(Evidence evidence) {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Exchange redirect : evidence.where(Exchange::isRedirect)) {
            for (String setCookie : redirect.responseHeader("set-cookie")) {
                String name = setCookie.substring(0, Math.max(0, setCookie.indexOf('='))).trim();
                String path = attribute(setCookie, "path").orElse("/");
                if (setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    continue;
                }
                Optional<Exchange> next = Exchanges.navigation(evidence.journal()).stream()
                        .filter(e -> e.sequence() > redirect.sequence() && e.host().equals(redirect.host())
                                && e.port() == redirect.port() && e.path().startsWith(path))
                        .findFirst();
                if (next.isPresent()) {
                    checked++;
                    if (!next.get().cookiesSent().containsKey(name)) {
                        missing.add(name + " set by " + Exchanges.line(redirect) + " was not sent on "
                                + Exchanges.line(next.get()) + " (it sent " + next.get().cookiesSent().keySet() + ")");
                    }
                }
            }
        }
        if (checked == 0) {
            return Verdict.fail("a cookie set on a redirect and a later request to its host",
                    "no such pair in the journal:" + evidence.listing(evidence.journal()));
        }
        return Verdict.of(missing.isEmpty(), "every cookie from a 3xx on the next hop to its host",
                String.join("; ", missing));
    }

    static Optional<String> attribute(String setCookie, String name) {
        for (String part : setCookie.split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair[0].trim().equalsIgnoreCase(name)) {
                return Optional.of(pair.length > 1 ? pair[1].trim() : "");
            }
        }
        return Optional.empty();
    }
}
