package dev.ssokit.lab.record;

import dev.ssokit.world.StubSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code --target replay:DIR}: a recording (from {@code kit record}) as a stubs folder the stub world serves on
 * loopback over HTTPS with its own CA and host names. Only the recorded mappings answer; the directory of agents is
 * the kit's (stubs/users.json), whose first SSO agent stands in for the lab's.
 */
public final class Replay {
    public static final String PREFIX = "replay:";

    private Replay() {
    }

    /** The recording folder named by "replay:DIR", checked: it must hold recording.json and the mappings. */
    public static Path folder(String target) {
        if (!target.startsWith(PREFIX) || target.length() == PREFIX.length()) {
            throw new IllegalArgumentException("--target " + target + ": write replay:DIR, DIR being a folder "
                    + "./kit record --out wrote");
        }
        Path dir = Path.of(target.substring(PREFIX.length())).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("recording.json"))) {
            throw new IllegalArgumentException("--target " + target + ": " + dir + " holds no recording.json. Fix: "
                    + "record one with ./kit record --target targets/<lab>.yaml --out " + dir);
        }
        if (!Files.isDirectory(dir.resolve(StubSystem.FINESSE.folder()).resolve("mappings"))) {
            throw new IllegalArgumentException("--target " + target + ": " + dir + " has no finesse/mappings: the "
                    + "recording is incomplete. Fix: record it again");
        }
        return dir;
    }

    /** A temporary stubs folder: the recording's mappings per system and the kit's users.json. */
    public static Path stubs(Path recording, Path kitStubs) {
        try {
            Path stubs = Files.createTempDirectory("finesse-sso-kit-replay-");
            stubs.toFile().deleteOnExit();
            for (StubSystem system : StubSystem.values()) {
                Path target = Files.createDirectories(stubs.resolve(system.folder()).resolve("mappings"));
                Path source = recording.resolve(system.folder()).resolve("mappings");
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.list(source)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                            Files.copy(file, target.resolve(file.getFileName()));
                        }
                    }
                }
            }
            Files.copy(kitStubs.resolve("users.json"), stubs.resolve("users.json"));
            return stubs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the replay of " + recording + ": " + e.getMessage(), e);
        }
    }
}
