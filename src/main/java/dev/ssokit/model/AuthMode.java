package dev.ssokit.model;

import java.util.Locale;

/** Values of {@code systemAuthMode} (SystemInfo) and {@code authMode} (UserAuthMode), spelled as Finesse sends them. */
public enum AuthMode {
    SSO, NON_SSO, HYBRID;

    public static AuthMode parse(String text) {
        String normalised = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AuthMode mode : values()) {
            if (mode.name().equals(normalised)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown auth mode '" + text + "': expected one of SSO, NON_SSO, HYBRID");
    }
}
