package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * S4: after an answer the client cannot read (SystemInfo, UserAuthMode), it stops with a report and sends no
 * credentials at all: no Authorization header, no password form, no token request. An unreadable answer never
 * decides which credentials go out.
 */
public record EnsureNoCredentialsAfterUnreadableAnswer(String apiPathPrefix, String passwordField) implements Check {
    public String requirement() {
        return "S4";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "After an unreadable answer from " + apiPathPrefix + " the client stops with a report and sends no "
                + "credentials";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> journal = evidence.journal();
        int answered = -1;
        for (int i = 0; i < journal.size(); i++) {
            if (journal.get(i).path().startsWith(apiPathPrefix) && journal.get(i).status() == 200) {
                answered = i;
                break;
            }
        }
        if (answered < 0) {
            return Verdict.fail("a request to " + apiPathPrefix, "the client never asked: nothing to judge");
        }
        List<Exchange> after = journal.subList(answered + 1, journal.size()).stream()
                .filter(e -> !e.requestHeader("authorization").isEmpty()
                        || e.formParameters().containsKey(passwordField)
                        || e.path().startsWith("/desktop/sso/token"))
                .toList();
        if (!after.isEmpty()) {
            return Verdict.fail("no credentials after the unreadable answer",
                    "credentials went out after it:" + Origins.listing(after));
        }
        return Verdict.of(evidence.lastFailure().isPresent(), "a reported failure",
                "the client reported success after an unreadable answer");
    }
}
