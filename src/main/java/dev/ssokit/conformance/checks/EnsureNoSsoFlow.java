package dev.ssokit.conformance.checks;

import dev.ssokit.world.StubSystem;
import java.util.List;

/** F2: for a NON_SSO system or user there is no /desktop/sso/token request and no IdS or IdP traffic. */
public record EnsureNoSsoFlow() implements Check {
    public String requirement() {
        return "F2";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A NON_SSO sign-in uses Basic credentials and never starts the SSO redirect chain";
    }

    public Verdict evaluate(Evidence evidence) {
        List<dev.ssokit.world.Exchange> sso = evidence.where(e -> e.system() != StubSystem.FINESSE
                || e.path().startsWith("/desktop/sso/"));
        return Verdict.of(sso.isEmpty(), "no request to /desktop/sso/*, IdS or the IdP",
                "the client started the SSO flow:" + evidence.listing(sso));
    }
}
