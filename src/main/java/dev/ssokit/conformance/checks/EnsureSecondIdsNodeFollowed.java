package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * V6: with the SAML ACS on a second IdS node (another host, so another origin), the client posts the IdP's SAML
 * response there, sends back to that node the session cookie it set, and sends it none of the first node's
 * host-only cookies (RFC 6265 §5.4: a host-only cookie goes only to the host that set it).
 */
public record EnsureSecondIdsNodeFollowed(String secondNode) implements Check {
    public String requirement() {
        return "V6";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The hand-off crosses to the second IdS node " + secondNode + " like a browser: its own cookie back, "
                + "no cookie of the first node";
    }

    public Verdict evaluate(Evidence evidence) {
        String expected = "POST https://" + secondNode + "/ids/saml/response, then POST /ids/relay on " + secondNode
                + " with the JSESSIONID " + secondNode + " set, and no cookie another host set";
        List<Exchange> onNode = evidence.where(e -> e.host().equalsIgnoreCase(secondNode));
        Optional<Exchange> acs = onNode.stream().filter(e -> e.method().equals("POST")
                && e.path().equals("/ids/saml/response")).findFirst();
        if (acs.isEmpty()) {
            return Verdict.fail(expected, "the SAML response never reached " + secondNode + ":"
                    + evidence.listing(evidence.where(e -> e.path().startsWith("/ids/"))));
        }
        Set<String> ownValues = new HashSet<>();
        Set<String> foreignValues = new HashSet<>();
        for (Exchange e : evidence.journal()) {
            for (String setCookie : e.responseHeader("set-cookie")) {
                String pair = setCookie.split(";", 2)[0].trim();
                (e.host().equalsIgnoreCase(secondNode) ? ownValues : foreignValues).add(pair);
            }
        }
        for (Exchange e : onNode) {
            for (String name : e.cookieNamesSent().stream().distinct().toList()) {
                for (String value : e.cookieValues(name)) {
                    String pair = name + "=" + value;
                    if (foreignValues.contains(pair) && !ownValues.contains(pair) && !name.equals("cc_username")) {
                        return Verdict.fail(expected, Exchanges.line(e) + " carried " + name + " set by another host"
                                + " (the first IdS node's host-only cookie): " + secondNode + " is another host, even"
                                + " on the same port; keep cookies per host name");
                    }
                }
            }
        }
        Optional<Exchange> relay = onNode.stream().filter(e -> e.method().equals("POST")
                && e.path().equals("/ids/relay")).findFirst();
        if (relay.isEmpty()) {
            return Verdict.fail(expected, "the relay form of " + secondNode + " was not posted to " + secondNode);
        }
        boolean ownCookieBack = relay.get().cookieValues("JSESSIONID").stream()
                .anyMatch(v -> ownValues.contains("JSESSIONID=" + v));
        return Verdict.of(ownCookieBack, expected, Exchanges.line(relay.get()) + " did not carry the JSESSIONID that "
                + secondNode + " set on its SAML response answer (sent: " + relay.get().cookieNamesSent() + ")");
    }
}
