package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * F21: in SSO mode each Finesse API call carries exactly one Authorization header, the Bearer token: never a
 * second header, and never Basic credentials (the agent's password) next to it or instead of it after a 401.
 */
public record EnsureSingleBearerCredential() implements Check {
    public String requirement() {
        return "F21";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "SSO REST calls carry one Authorization header, the Bearer; the password never travels";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> calls = evidence.where(Exchanges::isFinesseApi).stream()
                .filter(e -> !e.requestHeader("authorization").isEmpty()).toList();
        if (calls.isEmpty()) {
            return Verdict.fail("Finesse API calls with a Bearer token", "no Finesse API call carried Authorization");
        }
        for (Exchange call : calls) {
            List<String> headers = call.requestHeader("authorization");
            // Basic on SystemInfo is Cisco's own VPN-less reverse-proxy requirement (protocol 8.2), not a leak
            boolean basic = !call.path().equals("/finesse/api/SystemInfo")
                    && headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
            if (headers.size() != 1 || basic) {
                return Verdict.fail("one Authorization: Bearer header on " + Exchanges.line(call),
                        headers.size() + " Authorization header(s)" + (basic ? ", with Basic credentials: the agent's "
                                + "password went to Finesse on an SSO system; send only the Bearer token" : ""));
            }
        }
        return Verdict.pass(calls.size() + " call(s), each with one Bearer header");
    }
}
