package dev.ssokit.client.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.client.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner client's manifest (clients/&lt;name&gt;.json or any path): its name and version, the command the kit runs
 * for each operation, one-shot (a process per operation) or session (one process per scenario, one JSON line per
 * operation), the deadline of one operation, and what the client lacks, each with the reason the report shows.
 * See docs/adapter-protocol.md.
 */
public record AdapterManifest(String name, String version, List<String> command, Mode mode, Duration timeout,
                              Map<Capability, String> lacks, Path directory) {
    public enum Mode { ONE_SHOT, SESSION }

    private static final Set<String> FIELDS = Set.of("name", "version", "description", "command", "mode",
            "timeoutSeconds", "lacks");

    public AdapterManifest {
        command = List.copyOf(command);
        lacks = lacks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(lacks));
    }

    public static AdapterManifest load(Path file) {
        Path manifest = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("No adapter manifest at " + manifest
                    + " (give --client adapter:path/to/manifest.json, or put <name>.json under clients/)");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the adapter manifest " + manifest + ": " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(manifest + " must hold a JSON object {name, version, command, ...}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(manifest + ": unknown field \"" + field + "\"; known: " + FIELDS);
            }
        }
        String name = json.path("name").asText("");
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException(manifest + ": \"name\" must be lower-case letters, digits, '.', '_' or"
                    + " '-' (it names deviations/<name>.json); got '" + name + "'");
        }
        String version = json.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalArgumentException(manifest + ": \"version\" is missing (the report names the client's"
                    + " version)");
        }
        List<String> command = new ArrayList<>();
        json.path("command").forEach(part -> command.add(part.asText()));
        if (command.isEmpty() || command.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(manifest + ": \"command\" must be a non-empty array of strings, e.g."
                    + " [\"bash\", \"adapter.sh\"]");
        }
        String modeText = json.path("mode").asText("one-shot");
        Mode mode = switch (modeText) {
            case "one-shot" -> Mode.ONE_SHOT;
            case "session" -> Mode.SESSION;
            default -> throw new IllegalArgumentException(manifest + ": \"mode\" is one-shot or session, not '"
                    + modeText + "'");
        };
        long seconds = json.path("timeoutSeconds").asLong(60);
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException(manifest + ": \"timeoutSeconds\" must be 1..600; got " + seconds);
        }
        Map<Capability, String> lacks = new EnumMap<>(Capability.class);
        JsonNode declared = json.path("lacks");
        if (!declared.isMissingNode() && !declared.isObject()) {
            throw new IllegalArgumentException(manifest + ": \"lacks\" maps a capability to the reason, e.g. "
                    + "{\"javascript\": \"no script engine\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Capability capability;
            try {
                capability = Capability.fromId(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(manifest + ": " + e.getMessage(), e);
            }
            String reason = entry.getValue().asText("");
            if (reason.isBlank()) {
                throw new IllegalArgumentException(manifest + ": lacks." + entry.getKey() + " needs a reason");
            }
            lacks.put(capability, reason);
        }
        return new AdapterManifest(name, version, command, mode, Duration.ofSeconds(seconds), lacks,
                manifest.getParent());
    }
}
