package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * V5: where the names differ, every token request's cc_username (query or cookie) is the Finesse loginName or the
 * peripheralId (loginId), never the IdP login name or the uid (Client Integration: "cc_username = loginName or
 * peripheralId").
 */
public record EnsureCcUsernameIsFinesseName(AgentNames names) implements Check {
    public String requirement() {
        return "V5";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "cc_username carries the Finesse loginName (" + names.loginName() + ") or loginId, not the IdP login"
                + " name or the uid";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> requests = evidence.where(e -> e.system() == StubSystem.FINESSE
                && e.path().equals("/desktop/sso/token") && !Exchanges.isRefresh(e));
        String expected = "cc_username=" + names.loginName() + " (or " + names.loginId() + ") on /desktop/sso/token ("
                + names.legend() + ")";
        if (requests.isEmpty()) {
            return Verdict.fail(expected, "no token request was sent");
        }
        List<String> wrong = new ArrayList<>();
        for (Exchange request : requests) {
            Optional<String> value = request.queryParameter("cc_username")
                    .or(() -> request.cookieValues("cc_username").stream().findFirst().map(EnsureCcUsernameIsFinesseName::decode));
            String sent = value.orElse(null);
            if (sent == null || !(sent.equals(names.loginName()) || sent.equals(names.loginId()))) {
                wrong.add(Exchanges.line(request) + " carried cc_username=" + names.whichIs(sent));
            }
        }
        return Verdict.of(wrong.isEmpty(), expected, String.join("; ", wrong)
                + (wrong.isEmpty() ? "" : ": Finesse knows the agent by its loginName or peripheralId; the IdP login"
                + " name goes only on the IdP page, the uid comes back in the token"));
    }

    private static String decode(String raw) {
        try {
            return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
