package dev.ssokit.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Every bound the reference client holds itself to, in one place: how long one operation of
 * {@link ClientUnderTest} may take as a whole, how long a connection (TCP and TLS) and each read may wait, how long
 * one page script may run and how long the client waits for page scripts and timers to settle, and how many bytes
 * a response body may have (HTML and other pages, JSON, XML). Bodies are counted while they are read, so a larger
 * one is never buffered. The defaults suit a lab; the robustness catalogue sets short ones.
 */
public record Limits(Duration operationDeadline, Duration connectTimeout, Duration readTimeout, Duration scriptRun,
                     Duration scriptSettle, long pageBytes, long jsonBytes, long xmlBytes) {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;

    public Limits {
        for (Duration d : new Duration[] {operationDeadline, connectTimeout, readTimeout, scriptRun, scriptSettle}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Every client time limit must be positive, got " + d);
            }
        }
        if (pageBytes <= 0 || jsonBytes <= 0 || xmlBytes <= 0) {
            throw new IllegalArgumentException("Every body size limit must be positive");
        }
    }

    /** 60 s per operation, 10 s connect and read, 5 s per script, settle as given, 2 MiB pages, 256 KiB JSON/XML. */
    public static Limits defaults(Duration scriptSettle) {
        return new Limits(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(5), scriptSettle, 2 * MIB, 256 * KIB, 256 * KIB);
    }

    public static Limits defaults() {
        return defaults(Duration.ofSeconds(10));
    }

    /**
     * These limits with some replaced by name, as a scenario or a setting states them: {@code operation deadline},
     * {@code connect timeout}, {@code read timeout}, {@code script run}, {@code script settle} (values like
     * {@code 2 s}, {@code 500 ms}) and {@code page size}, {@code json size}, {@code xml size} ({@code 64 KiB},
     * {@code 2 MiB}, {@code 1000 bytes}).
     */
    public Limits with(Map<String, String> settings) {
        Limits limits = this;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            limits = limits.with(setting.getKey(), setting.getValue());
        }
        return limits;
    }

    public Limits with(String name, String value) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "operation deadline" -> new Limits(duration(value), connectTimeout, readTimeout, scriptRun,
                    scriptSettle, pageBytes, jsonBytes, xmlBytes);
            case "connect timeout" -> new Limits(operationDeadline, duration(value), readTimeout, scriptRun,
                    scriptSettle, pageBytes, jsonBytes, xmlBytes);
            case "read timeout" -> new Limits(operationDeadline, connectTimeout, duration(value), scriptRun,
                    scriptSettle, pageBytes, jsonBytes, xmlBytes);
            case "script run" -> new Limits(operationDeadline, connectTimeout, readTimeout, duration(value),
                    scriptSettle, pageBytes, jsonBytes, xmlBytes);
            case "script settle" -> new Limits(operationDeadline, connectTimeout, readTimeout, scriptRun,
                    duration(value), pageBytes, jsonBytes, xmlBytes);
            case "page size" -> new Limits(operationDeadline, connectTimeout, readTimeout, scriptRun, scriptSettle,
                    bytes(value), jsonBytes, xmlBytes);
            case "json size" -> new Limits(operationDeadline, connectTimeout, readTimeout, scriptRun, scriptSettle,
                    pageBytes, bytes(value), xmlBytes);
            case "xml size" -> new Limits(operationDeadline, connectTimeout, readTimeout, scriptRun, scriptSettle,
                    pageBytes, jsonBytes, bytes(value));
            default -> throw new IllegalArgumentException("Unknown client limit '" + name + "'. Known: operation "
                    + "deadline, connect timeout, read timeout, script run, script settle, page size, json size, "
                    + "xml size");
        };
    }

    /** The size limit for a body of that content type: JSON, XML, or any other (a page). */
    public long bytesFor(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return jsonBytes;
        }
        if (type.contains("xml") && !type.contains("xhtml")) {
            return xmlBytes;
        }
        return pageBytes;
    }

    static Duration duration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("Not a duration: '" + value + "' (write e.g. 2 s or 500 ms)");
    }

    static long bytes(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            if (text.endsWith("mib")) {
                return Long.parseLong(text.substring(0, text.length() - 3)) * MIB;
            }
            if (text.endsWith("kib")) {
                return Long.parseLong(text.substring(0, text.length() - 3)) * KIB;
            }
            if (text.endsWith("bytes")) {
                return Long.parseLong(text.substring(0, text.length() - 5));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("Not a size: '" + value + "' (write e.g. 64 KiB, 2 MiB or 1000 bytes)");
    }

    /** "2 s", "500 ms": how the limits are named in failures. */
    public static String show(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    public static String showBytes(long bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes % KIB == 0 ? bytes / KIB + " KiB" : bytes + " bytes";
    }
}
