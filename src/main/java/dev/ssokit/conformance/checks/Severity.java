package dev.ssokit.conformance.checks;

import java.util.Locale;

/** How a failed check counts (browser-behaviours.md): FAIL fails the scenario, WARN is recorded, INFO only noted. */
public enum Severity {
    FAIL, WARN, INFO;

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String tag() {
        return "@severity:" + name().toLowerCase(Locale.ROOT);
    }
}
