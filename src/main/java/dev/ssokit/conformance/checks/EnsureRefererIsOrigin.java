package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.net.URI;
import java.util.Optional;

/**
 * R10 (browser parity): across origins a browser's Referer is the origin alone (strict-origin-when-cross-origin), so
 * the IdP page's URL, SAMLRequest and RelayState included, does not travel to IdS.
 */
public record EnsureRefererIsOrigin(String requirement, Target target) implements Check {
    public Severity severity() {
        return Severity.INFO;
    }

    public String rule() {
        return "A cross-origin Referer to " + target + " carries the origin only, no path or query";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> request = evidence.first(target::matches);
        if (request.isEmpty()) {
            return Verdict.fail("a request to " + target, "never requested");
        }
        Optional<String> referer = request.get().firstRequestHeader("referer");
        if (referer.isEmpty()) {
            return Verdict.pass("no Referer");
        }
        URI uri = URI.create(referer.get());
        boolean originOnly = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null;
        return Verdict.of(originOnly, "Referer: " + uri.getScheme() + "://" + uri.getAuthority() + "/ on "
                        + Exchanges.line(request.get()), "Referer with path " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : " and a query") + ": across origins send the origin only");
    }
}
