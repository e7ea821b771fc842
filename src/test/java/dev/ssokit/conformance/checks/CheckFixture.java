package dev.ssokit.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks' unit tests share this: judge a hand-built journal ({@link Hops}) and say it passes or fails. */
final class CheckFixture {
    /** An IdP page that posts a SAML response and its RelayState back (the auto-submit form). */
    static final String SSO_PAGE = "<form><input type=\"hidden\" name=\"SAMLResponse\" value=\"PHNhbWw+\"/>"
            + "<input type=\"hidden\" name=\"RelayState\" value=\"r1\"/></form>";

    private CheckFixture() {
    }

    static void passes(Check check, Hops hops) {
        Verdict verdict = check.evaluate(hops.evidence());
        assertThat(verdict.passed()).as("%s should pass, but: expected %s, observed %s",
                check.getClass().getSimpleName(), verdict.expected(), verdict.observed()).isTrue();
    }

    /** The check fails, and says what it observed. */
    static Verdict fails(Check check, Hops hops) {
        Verdict verdict = check.evaluate(hops.evidence());
        assertThat(verdict.passed()).as("%s should fail", check.getClass().getSimpleName()).isFalse();
        assertThat(verdict.observed()).isNotBlank();
        return verdict;
    }
}
