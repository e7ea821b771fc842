package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;

/** F12 (WARN): a 401 on a REST call leads to at most one renewal and one retry: no storm. */
public record CheckRenewalsPer401() implements Check {
    public String requirement() {
        return "F12";
    }

    public Severity severity() {
        return Severity.WARN;
    }

    public String rule() {
        return "A 401 on a Finesse REST call is answered with one refresh (or sign-in) and one retry at most";
    }

    /**
     * Renewals in order: each refresh, and each new sign-in flow; a flow's two token requests (the one that starts
     * it and the one that ends in the token JSON) are one renewal, and so are a refused refresh and the sign-in
     * that replaces it.
     */
    static long renewals(List<Exchange> exchanges) {
        long renewals = 0;
        boolean inFlow = false;
        for (Exchange e : exchanges) {
            if (Exchanges.isRefresh(e)) {
                renewals++;
                inFlow = e.isRedirect() || e.status() == 401; // a refused refresh and its fallback sign-in: one

            } else if (Exchanges.isTokenRequest(e)) {
                if (!inFlow) {
                    renewals++;
                }
                inFlow = e.isRedirect();
            }
        }
        return renewals;
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> first401 = evidence.first(e -> Exchanges.isFinesseApi(e) && e.status() == 401);
        if (first401.isEmpty()) {
            return Verdict.fail("a REST call answered 401", "none was");
        }
        List<Exchange> after = evidence.where(e -> e.sequence() > first401.get().sequence());
        long renewals = renewals(after);
        long retries = after.stream().filter(Exchanges::isFinesseApi).count();
        return Verdict.of(renewals <= 1 && retries <= 1, "at most 1 renewal and 1 retry after the 401 of "
                + Exchanges.line(first401.get()), renewals + " renewals and " + retries + " retries");
    }
}
