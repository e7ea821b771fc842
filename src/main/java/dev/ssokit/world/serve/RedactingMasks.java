package dev.ssokit.world.serve;

import dev.ssokit.report.Redactor;
import dev.ssokit.world.JournalJson;
import java.util.Locale;

/** The journal's values through the kit's one redactor: cookie values, credentials, tokens, SAML, passwords. */
public final class RedactingMasks implements JournalJson.Masks {
    private final Redactor redactor;

    public RedactingMasks(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public String header(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cookie", "set-cookie" -> redactor.redact(redactor.cookieValues(value));
            case "authorization", "proxy-authorization" -> {
                int space = value.indexOf(' ');
                yield space > 0 ? value.substring(0, space) + " ***" : "***";
            }
            default -> redactor.redact(value);
        };
    }

    @Override
    public String text(String value) {
        return value == null ? null : redactor.redact(value);
    }
}
