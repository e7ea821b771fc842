package dev.ssokit.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The requirement IDs the kit knows (requirements.tsv), each with its severity, title, source and the source's
 * strength. Severity follows the strength: a MUST or what every browser does may fail; a recommendation, an
 * inference or a stub choice warns at most (finesse-sso-protocol.md section 8).
 */
public final class Requirements {
    /** The strengths of a source, and the most severe result each allows. */
    public static final java.util.Map<String, String> MAX_SEVERITY = java.util.Map.of("MUST", "fail",
            "browsers", "fail", "SHOULD", "warn", "inference", "warn", "stub-choice", "warn");
    private static volatile Requirements loaded;

    public record Requirement(String id, String severity, String title, String source, String strength) {
        public Requirement(String id, String severity, String title, String source) {
            this(id, severity, title, source, "");
        }

        /** The most severe result the source allows: fail, warn (or fail when the strength is unknown). */
        public String maxSeverity() {
            return MAX_SEVERITY.getOrDefault(strength, "fail");
        }

        /** "RFC 6265bis §5.8.3 [MUST]": the source with its strength, for the summary. */
        public String provenance() {
            return source + (strength.isEmpty() ? "" : " [" + strength + "]");
        }
    }

    private final Map<String, Requirement> byId;

    private Requirements(Map<String, Requirement> byId) {
        this.byId = byId;
    }

    public static Requirements load() {
        Map<String, Requirement> byId = new LinkedHashMap<>();
        try (InputStream in = Requirements.class.getResourceAsStream("/dev/ssokit/requirements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("requirements.tsv is missing from the kit's classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                byId.put(cells[0], new Requirement(cells[0], cells[1], cells[2], cells.length > 3 ? cells[3] : "",
                        cells.length > 4 ? cells[4].trim() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Requirements(byId);
    }

    /** The table, read once per JVM. */
    public static Requirements shared() {
        Requirements table = loaded;
        if (table == null) {
            table = load();
            loaded = table;
        }
        return table;
    }

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, Requirement> all() {
        return byId;
    }
}
