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

/** The requirement IDs the kit knows (browser-behaviours.md plus the kit's own P and K IDs), with title and severity. */
public final class Requirements {
    public record Requirement(String id, String severity, String title, String source) {
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
                byId.put(cells[0], new Requirement(cells[0], cells[1], cells[2], cells.length > 3 ? cells[3] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Requirements(byId);
    }

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, Requirement> all() {
        return byId;
    }
}
