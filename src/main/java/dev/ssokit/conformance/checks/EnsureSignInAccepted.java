package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.Optional;

/** P6: PUT /finesse/api/User/{loginId}, Content-Type application/xml, state LOGIN and the extension, answered 202. */
public record EnsureSignInAccepted(String loginId, String extension) implements Check {
    public String requirement() {
        return "P6";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The sign-in is PUT /finesse/api/User/{loginId} <User><state>LOGIN</state><extension>… as "
                + "application/xml, and Finesse accepts it (202)";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> put = evidence.first(e -> Exchanges.isFinesseApi(e) && e.method().equals("PUT"));
        if (put.isEmpty()) {
            return Verdict.fail("PUT /finesse/api/User/" + loginId, "no PUT was sent" + evidence.lastFailure()
                    .map(f -> "; the client reported: " + f).orElse(""));
        }
        Exchange e = put.get();
        String body = e.requestBody() == null ? "" : e.requestBody().replaceAll("\\s", "");
        if (!body.contains("<state>LOGIN</state>") || !body.contains("<extension>" + extension + "</extension>")) {
            return Verdict.fail("<User><state>LOGIN</state><extension>" + extension + "</extension></User>",
                    Exchanges.line(e) + " had the body " + body);
        }
        return Verdict.of(e.status() == 202 && e.path().equals("/finesse/api/User/" + loginId),
                "202 Accepted for PUT /finesse/api/User/" + loginId, Exchanges.line(e));
    }
}
