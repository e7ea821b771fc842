package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** P4: after a refused IdP login nothing is posted to the IdS ACS. */
public record EnsureNothingPostedToIds() implements Check {
    public String requirement() {
        return "P4";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "After a refused IdP login the client posts nothing to IdS";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> posts = evidence.where(Exchanges::isSamlPost);
        return Verdict.of(posts.isEmpty(), "no POST to /ids/saml/response", "posted:" + evidence.listing(posts));
    }
}
