package dev.ssokit.conformance.checks;

import dev.ssokit.world.StubSystem;
import java.util.List;

/** F1: on an SSO system the client does not ask for the user's auth mode (Cisco step 2 is for HYBRID). */
public record EnsureNoUserAuthModeRequest() implements Check {
    public String requirement() {
        return "F1";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "On an SSO system the client skips GET /finesse/api/UserAuthMode";
    }

    public Verdict evaluate(Evidence evidence) {
        List<dev.ssokit.world.Exchange> asked = evidence.where(e -> e.system() == StubSystem.FINESSE
                && e.path().contains("/UserAuthMode/"));
        return Verdict.of(asked.isEmpty(), "no UserAuthMode request",
                "the client asked UserAuthMode anyway:" + evidence.listing(asked));
    }
}
