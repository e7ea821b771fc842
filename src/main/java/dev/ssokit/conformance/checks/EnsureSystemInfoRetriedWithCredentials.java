package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * F17: through the VPN-less reverse proxy SystemInfo answers 401 without credentials; the client sends them and
 * retries once (PCCE 12.6(1) Features Guide, "the authorization headers are required"; protocol 8.2).
 */
public record EnsureSystemInfoRetriedWithCredentials() implements Check {
    public String requirement() {
        return "F17";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A 401 on SystemInfo is answered with one retry carrying credentials (Basic or Bearer)";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> reads = evidence.where(e -> e.path().equals("/finesse/api/SystemInfo"));
        int refused = (int) reads.stream().takeWhile(e -> e.status() == 401).count();
        if (refused == reads.size()) {
            return Verdict.fail("a SystemInfo read with credentials answered 200", "SystemInfo reads:"
                    + evidence.listing(reads));
        }
        Exchange read = reads.get(refused);
        if (refused > 1) {
            return Verdict.fail("one 401, then one retry with credentials", refused + " refused reads:"
                    + evidence.listing(reads.subList(0, refused + 1)));
        }
        return Verdict.of(read.status() == 200 && !Exchanges.authorizations(read).isEmpty(),
                "the retry carried credentials and was answered 200", Exchanges.line(read) + " with "
                        + Exchanges.authorizations(read).stream().map(h -> h.split(" ", 2)[0]).toList());
    }
}
