package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** J12: each auto-POST form is submitted once: exactly one POST to the IdS ACS and one to /ids/relay per login. */
public record EnsureSingleSubmission() implements Check {
    public String requirement() {
        return "J12";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The SAML and relay forms are each posted exactly once per login";
    }

    public Verdict evaluate(Evidence evidence) {
        long logins = evidence.where(e -> Exchanges.isIdpLoginPost(e)
                && e.inputValueInResponse("SAMLResponse").isPresent()).size();
        List<Exchange> acs = evidence.where(Exchanges::isSamlPost);
        List<Exchange> relay = evidence.where(Exchanges::isRelayPost);
        return Verdict.of(logins > 0 && acs.size() == logins && relay.size() == logins,
                logins + " POST(s) to /ids/saml/response and to /ids/relay",
                acs.size() + " to the ACS and " + relay.size() + " to the relay:" + evidence.listing(acs)
                        + evidence.listing(relay));
    }
}
