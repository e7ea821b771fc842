package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * V7: the reverse proxy blocks the client's address after repeated failed authentications (CCE Reverse Proxy
 * Installation Guide 15.0(1)); the answer (403 with Retry-After) is the stub's choice. A client stops at the
 * first block answer (no more requests while blocked: more attempts only prolong the block) and reports the
 * refusal with its status, not as a wrong password. The kit's reading: WARN.
 */
public record EnsureStoppedAtProxyBlock() implements Check {
    public String requirement() {
        return "V7";
    }

    public Severity severity() {
        return Severity.WARN;
    }

    public String rule() {
        return "At the reverse proxy's IP block the client stops and reports HTTP 403 (not a wrong password)";
    }

    public Verdict evaluate(Evidence evidence) {
        String expected = "no request after the first block answer (403 with Retry-After), and a report naming "
                + "HTTP 403 that does not blame the password";
        List<Exchange> proxied = evidence.where(e -> e.system() != StubSystem.IDP);
        Optional<Exchange> block = proxied.stream().filter(EnsureStoppedAtProxyBlock::isBlock).findFirst();
        if (block.isEmpty()) {
            return Verdict.fail(expected, "the proxy never answered with its block: nothing to judge"
                    + evidence.listing(proxied));
        }
        List<Exchange> after = proxied.stream().filter(e -> e.sequence() > block.get().sequence()).toList();
        if (!after.isEmpty()) {
            return Verdict.fail(expected, after.size() + " more request(s) after the block answer "
                    + Exchanges.line(block.get()) + " (Retry-After " + block.get().responseHeader("retry-after")
                    + " s): every attempt while blocked is another failure; stop and tell the agent:"
                    + evidence.listing(after.subList(0, Math.min(5, after.size()))));
        }
        if (evidence.lastFailure().isEmpty()) {
            return Verdict.fail(expected, "the client reported success although the proxy refused it");
        }
        String text = evidence.lastFailure().get().toLowerCase(Locale.ROOT);
        boolean names403 = text.contains("403");
        boolean blamesPassword = text.contains("password") || text.contains("credentials are wrong");
        return Verdict.of(names403 && !blamesPassword, expected, "\"" + evidence.lastFailure().get() + "\""
                + (names403 ? "" : " (does not name HTTP 403)")
                + (blamesPassword ? " (blames the password: the proxy blocked the address, the password may be right)"
                : ""));
    }

    static boolean isBlock(Exchange e) {
        return e.status() == 403 && !e.responseHeader("retry-after").isEmpty();
    }
}
