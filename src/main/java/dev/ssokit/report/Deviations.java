package dev.ssokit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Known deviations of a client, as data (deviations/&lt;client&gt;.json): which requirement it is expected to fail or
 * warn on, and why. The summary turns a matching failure into "deviation"; an entry whose requirement passed, or that
 * matched no scenario in a full run, fails the run, so the list cannot rot.
 */
public final class Deviations {
    public record Entry(String client, String requirement, String expected, String reason) {
    }

    private static final Set<String> RESULTS = Set.of("fail", "warn");

    private final List<Entry> entries;
    private final Path source;

    private Deviations(List<Entry> entries, Path source) {
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    public static Deviations none() {
        return new Deviations(List.of(), null);
    }

    /** deviations/&lt;client&gt;.json under the kit root; no file means no deviations. */
    public static Deviations load(Path root, String client) {
        Path file = root.resolve("deviations").resolve(client + ".json");
        if (!Files.exists(file)) {
            return new Deviations(List.of(), file);
        }
        try {
            JsonNode array = new ObjectMapper().readTree(Files.readString(file));
            if (!array.isArray()) {
                throw new IllegalArgumentException(file + " must hold a JSON array of {client, requirement, expected, "
                        + "reason} entries");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : array) {
                Entry entry = new Entry(node.path("client").asText(client), node.path("requirement").asText(""),
                        node.path("expected").asText(""), node.path("reason").asText(""));
                if (entry.requirement().isBlank() || !RESULTS.contains(entry.expected()) || entry.reason().isBlank()) {
                    throw new IllegalArgumentException(file + ": each entry needs \"requirement\", \"expected\" (fail or "
                            + "warn) and a \"reason\"; got " + node);
                }
                if (!entry.client().equals(client)) {
                    throw new IllegalArgumentException(file + ": entry for client '" + entry.client()
                            + "' in the file of client '" + client + "'");
                }
                entries.add(entry);
            }
            return new Deviations(entries, file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Entry> find(String requirement) {
        return entries.stream().filter(e -> e.requirement().equals(requirement)).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    public String source() {
        return source == null ? "(none)" : source.toString();
    }

    /** A line to paste into the client's deviations file, when a failure is a known, accepted deviation. */
    public static String readyToPaste(String client, String requirement, String result) {
        return "{\"client\": \"" + client + "\", \"requirement\": \"" + requirement + "\", \"expected\": \"" + result
                + "\", \"reason\": \"<why this client deviates, and until when>\"}";
    }
}
