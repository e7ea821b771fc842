package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C18: every cookie value sent to a host was set by that host (or seeded by the client for it): Finesse's and IdS's
 * JSESSIONID never cross, the IdP's MSIS cookies never leave it.
 */
public record EnsureCookiesStayWithTheirHost() implements Check {
    public String requirement() {
        return "C18";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "Cookies are sent only to the host that set them";
    }

    public Verdict evaluate(Evidence evidence) {
        Set<String> setBy = new HashSet<>();
        List<String> foreign = new ArrayList<>();
        for (Exchange e : evidence.journal()) {
            for (Map.Entry<String, String> cookie : e.cookiesSent().entrySet()) {
                // cc_username is the client's own cookie: it may travel to IdS and the IdP (TechNote 214555, 8.1).
                boolean seeded = cookie.getKey().equals("cc_username");
                if (!seeded && !setBy.contains(e.host() + "|" + cookie.getKey() + "=" + cookie.getValue())) {
                    foreign.add(cookie.getKey() + " sent to " + Exchanges.line(e) + " was not set by " + e.host());
                }
            }
            for (String setCookie : e.responseHeader("set-cookie")) {
                String pair = setCookie.split(";", 2)[0].trim();
                setBy.add(e.host() + "|" + pair);
            }
        }
        return Verdict.of(foreign.isEmpty(), "each host receives only its own cookies", String.join("; ", foreign));
    }
}
