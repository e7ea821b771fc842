package dev.ssokit.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a client under test may lack. A scenario that needs one carries the tag {@code @needs:<id>}; a client whose
 * manifest declares it lacks that capability has the scenario skipped, with its reason, instead of failed.
 */
public enum Capability {
    JAVASCRIPT("javascript", "runs page scripts (document.cookie, script navigation)"),
    BROWSE("browse", "opens an arbitrary URL as a browser would (the lab pages of the catalogue)"),
    HYBRID("hybrid", "supports HYBRID systems (asks UserAuthMode per user)"),
    REFRESH("refresh", "refreshes the access token before expiry (instead of signing in again)"),
    CC_USERNAME_QUERY("cc-username-query", "sends cc_username as a query parameter"),
    CC_USERNAME_COOKIE("cc-username-cookie", "sends cc_username as a cookie");

    private final String id;
    private final String meaning;

    Capability(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    /** The scenario tag that says a scenario needs this capability. */
    public String tag() {
        return "@needs:" + id;
    }

    public static Capability fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown capability '" + id + "'; known: "
                        + Arrays.stream(values()).map(Capability::id).collect(Collectors.joining(", "))));
    }
}
