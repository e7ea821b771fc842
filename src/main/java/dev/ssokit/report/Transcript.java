package dev.ssokit.report;

import dev.ssokit.world.Exchange;
import java.util.List;

/**
 * The hop-by-hop story of a scenario, for people: method, URL, status, Location, each Set-Cookie with all its
 * attributes, the cookie names sent to each host, the form field names posted. Values pass the redactor.
 */
public final class Transcript {
    private Transcript() {
    }

    public static String of(List<Exchange> exchanges, Redactor redactor) {
        if (exchanges.isEmpty()) {
            return "(the client sent no request to the stubs)\n";
        }
        StringBuilder text = new StringBuilder();
        for (Exchange e : exchanges) {
            text.append('#').append(e.sequence()).append("  t=").append(e.atSecond()).append(" s  ")
                    .append(e.method()).append(' ').append(redactor.redact(e.origin() + e.target()))
                    .append("\n      -> ").append(e.status());
            e.location().ifPresent(location -> text.append("  Location: ").append(redactor.redact(location)));
            text.append('\n');
            List<String> sent = e.cookieNamesSent();
            if (!sent.isEmpty()) {
                text.append("      cookies sent: ").append(String.join(", ", sent))
                        .append(e.requestHeader("cookie").size() > 1 ? "  (in " + e.requestHeader("cookie").size()
                                + " Cookie headers)" : "").append('\n');
            }
            e.headers("authorization").forEach(header ->
                    text.append("      Authorization: ").append(header.split(" ", 2)[0]).append(" ***\n"));
            if (e.isForm()) {
                text.append("      form fields: ").append(String.join(", ", e.formParameters().keySet())).append('\n');
            }
            for (String setCookie : e.responseHeader("set-cookie")) {
                text.append("      Set-Cookie: ").append(redactor.cookieValues(setCookie)).append('\n');
            }
        }
        return text.toString();
    }
}
