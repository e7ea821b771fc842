package dev.ssokit.model;

import java.util.Locale;

/** SystemInfo {@code deploymentType}: decides whether the client must resolve user_id to loginId (UCCE). */
public enum DeploymentType {
    UCCE, UCCX;

    public static DeploymentType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown deployment type '" + text + "': expected UCCE or UCCX", e);
        }
    }
}
