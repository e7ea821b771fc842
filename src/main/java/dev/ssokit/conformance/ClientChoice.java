package dev.ssokit.conformance;

import dev.ssokit.client.Capability;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.ForeignTarget;
import dev.ssokit.client.adapter.AdapterClient;
import dev.ssokit.client.adapter.AdapterManifest;
import dev.ssokit.client.chromium.ChromiumClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A client under test that is not the kit's own: a partner's adapter (--client adapter:manifest.json, or
 * adapter:&lt;name&gt; for clients/&lt;name&gt;.json) or headless Chromium (--client chromium). It names the client and
 * its version for the report, what it lacks (scenarios tagged @needs:&lt;capability&gt; are skipped with the reason),
 * and makes one client per scenario for the target the kit gives it.
 */
public record ClientChoice(String id, String version, Map<Capability, String> lacks, Duration deadline,
                           Function<ForeignTarget, ClientUnderTest> maker) {
    public ClientChoice {
        lacks = Map.copyOf(lacks);
    }

    /** A foreign client for this --client value, or empty when it names the reference client or its defects. */
    public static Optional<ClientChoice> parse(String spec, Path root) {
        String value = spec == null ? "" : spec.trim();
        if (value.equals("chromium")) {
            return Optional.of(chromium());
        }
        if (!value.startsWith("adapter:")) {
            return Optional.empty();
        }
        String where = value.substring("adapter:".length());
        if (where.isBlank()) {
            throw new IllegalArgumentException("--client adapter: needs a manifest path or a name under clients/, e.g."
                    + " adapter:examples/adapters/curl/manifest.json");
        }
        Path path = Path.of(where);
        if (!Files.exists(path) && !where.contains("/") && !where.endsWith(".json")) {
            path = root.resolve("clients").resolve(where + ".json");
        } else if (!path.isAbsolute() && !Files.exists(path)) {
            path = root.resolve(where);
        }
        return Optional.of(adapter(AdapterManifest.load(path)));
    }

    public static ClientChoice adapter(AdapterManifest manifest) {
        Map<String, String> placeholders = Map.of(
                "java", ProcessHandle.current().info().command().orElse("java"),
                "kitClasspath", KitConfig.kitClasspath());
        return new ClientChoice(manifest.name(), manifest.version(), manifest.lacks(), manifest.timeout(),
                target -> new AdapterClient(manifest, target, placeholders));
    }

    public static ClientChoice chromium() {
        String why = ChromiumClient.unavailable();
        if (why != null) {
            throw new IllegalArgumentException("--client chromium: " + why);
        }
        return new ClientChoice(ChromiumClient.ID, ChromiumClient.version(), Map.of(), Duration.ofSeconds(60),
                ChromiumClient::new);
    }

    public Optional<String> lacking(Capability capability) {
        return Optional.ofNullable(lacks.get(capability));
    }
}
