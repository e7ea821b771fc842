package dev.ssokit.lab.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a recording gives the values it scrubbed: {@code ***{kind.detail}}. They start with {@code ***}, as the
 * Redactor's masks do, so the Redactor leaves them alone; a replay fills each with a fresh value, the same value
 * everywhere one recorded value was.
 */
final class Placeholders {
    static final String PREFIX = "***{";
    private final Map<String, String> byValue = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    /** The placeholder of this secret value: one per distinct value and kind, numbered in order of appearance. */
    String secret(String kind, String value) {
        return byValue.computeIfAbsent(kind + "\u0000" + value, key -> {
            int n = counters.merge(kind, 1, Integer::sum);
            return PREFIX + kind + "." + n + "}";
        });
    }

    static String fixed(String name) {
        return PREFIX + name + "}";
    }

    static boolean isPlaceholder(String value) {
        return value.startsWith("***");
    }
}
