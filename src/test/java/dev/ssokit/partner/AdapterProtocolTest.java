package dev.ssokit.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssokit.client.ForeignTarget;
import dev.ssokit.client.adapter.AdapterClient;
import dev.ssokit.client.adapter.AdapterManifest;
import dev.ssokit.model.Outcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter protocol's edges: a bad manifest is named, a hung adapter is stopped with its whole process tree. */
class AdapterProtocolTest {
    @TempDir
    Path folder;

    private ForeignTarget target(Duration deadline) throws Exception {
        Path state = Files.createDirectories(folder.resolve("state"));
        return new ForeignTarget(URI.create("https://finesse.test:1"), folder.resolve("ca.pem"), List.of("finesse.test"),
                List.of(1), folder.resolve("hosts"), Clock.systemUTC(), state, deadline);
    }

    private Path manifest(String json) throws Exception {
        Path file = folder.resolve("manifest.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void aHungAdapterIsKilledWithItsChildrenAndTheFailureSaysSo() throws Exception {
        Path pidFile = folder.resolve("child.pid");
        AdapterManifest manifest = AdapterManifest.load(manifest("{\"name\": \"hangs\", \"version\": \"1\", \"command\":"
                + " [\"bash\", \"-c\", \"sleep 300 & echo $! > " + pidFile + "; wait\"], \"timeoutSeconds\": 1}"));
        try (AdapterClient client = new AdapterClient(manifest, target(Duration.ofSeconds(1)), Map.of())) {
            Outcome<?> outcome = client.readSystemAuthMode();
            assertThat(outcome.failure()).contains("did not answer system-auth-mode within 1 s")
                    .contains("stopped its process tree");
        }
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(running(child)).as("the adapter's child (killed; at most a zombie awaiting its reaper)").isFalse();
    }

    /** Alive and not a zombie (an orphan killed in a container may wait for a reaper that never comes). */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String text = Files.readString(stat);
        String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
        return !state.equals("Z") && !state.equals("X");
    }

    @Test
    void anAnswerIsReadAndAFailureReportedAsTheClientsOwn() throws Exception {
        AdapterManifest manifest = AdapterManifest.load(manifest("{\"name\": \"echo\", \"version\": \"1\", \"command\":"
                + " [\"bash\", \"-c\", \"cat > /dev/null; echo 'log line'; echo 'to stderr' >&2;"
                + " echo '{\\\"failure\\\": \\\"UserAuthMode answered HTTP 403\\\", \\\"token\\\": null}'\"]}"));
        try (AdapterClient client = new AdapterClient(manifest, target(Duration.ofSeconds(20)), Map.of())) {
            assertThat(client.readUserAuthMode("sjefferson").failure()).isEqualTo("UserAuthMode answered HTTP 403");
            assertThat(client.currentToken()).isEmpty();
            assertThat(client.processLog()).anySatisfy(line -> assertThat(line).contains("stdout: log line"))
                    .anySatisfy(line -> assertThat(line).contains("stderr: to stderr"));
        }
    }

    @Test
    void aBadManifestIsRefusedWithTheFix() throws Exception {
        assertThatThrownBy(() -> AdapterManifest.load(manifest("{\"name\": \"x\", \"version\": \"1\", \"command\": "
                + "[\"true\"], \"lacks\": {\"teleport\": \"no\"}}"))).hasMessageContaining("Unknown capability 'teleport'")
                .hasMessageContaining("javascript, browse");
        assertThatThrownBy(() -> AdapterManifest.load(manifest("{\"name\": \"Bad Name\", \"version\": \"1\", "
                + "\"command\": [\"true\"]}"))).hasMessageContaining("\"name\" must be lower-case");
        assertThatThrownBy(() -> AdapterManifest.load(folder.resolve("absent.json")))
                .hasMessageContaining("No adapter manifest at");
    }
}
