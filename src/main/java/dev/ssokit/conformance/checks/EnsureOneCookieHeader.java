package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** C16: all cookies of a request travel in one Cookie header, as name=value pairs joined by "; ". */
public record EnsureOneCookieHeader(String requirement, Target target, int cookies) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The cookies of a request go in exactly one Cookie header, joined by \"; \"";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> requests = evidence.where(target::matches);
        if (requests.isEmpty()) {
            return Verdict.fail("a request to " + target, "never requested");
        }
        List<String> headers = requests.get(0).requestHeader("cookie");
        if (headers.size() != 1) {
            return Verdict.fail("one Cookie header", headers.size() + " Cookie headers");
        }
        String[] pairs = headers.get(0).split("; ");
        java.util.List<String> legacy = java.util.Arrays.stream(pairs).map(p -> p.split("=", 2)[0])
                .filter(name -> name.startsWith("$")).toList();
        if (!legacy.isEmpty()) {
            return Verdict.fail("only the cookies' name=value pairs in the Cookie header of " + Exchanges.line(requests.get(0)),
                    "RFC 2965 attributes " + legacy + " in it: RFC 6265 §5.4 sends name=value pairs only; a server "
                            + "reads $Version as a cookie");
        }
        boolean wellFormed = pairs.length >= cookies && java.util.Arrays.stream(pairs).allMatch(p -> p.matches("[^=;, ]+=[^;]*"));
        return Verdict.of(wellFormed, cookies + " or more name=value pairs joined by \"; \"",
                pairs.length + " pair(s), separators as sent: " + headers.get(0).replaceAll("=[^;,]*", "=…"));
    }
}
