package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * S3: a page loaded over https opens no plain http or ws:// sub-connection (W3C Mixed Content §5: browsers block
 * blockable mixed content: XHR, fetch, WebSocket). Judged from the journal: the https page was served, and no
 * plain-http request (a WebSocket handshake is one) arrived under the path the page's scripts aim at.
 */
public record EnsureNoMixedContent(Target page, String plainPathPrefix) implements Check {
    public String requirement() {
        return "S3";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The https page " + page + " opens no plain http or ws:// sub-connection (mixed content)";
    }

    public Verdict evaluate(Evidence evidence) {
        if (evidence.where(page::matches).isEmpty()) {
            return Verdict.fail("the https page " + page + " loaded", "it was never requested: nothing to judge");
        }
        List<Exchange> plain = evidence.where(e -> e.scheme().equals("http") && e.path().startsWith(plainPathPrefix));
        return Verdict.of(plain.isEmpty(), "no plain http or ws request under " + plainPathPrefix,
                "mixed content reached the server:" + Origins.listing(plain));
    }
}
