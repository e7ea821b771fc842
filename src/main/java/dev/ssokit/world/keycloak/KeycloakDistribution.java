package dev.ssokit.world.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's server distribution (org.keycloak:keycloak-quarkus-dist, zip, from Maven Central) unpacked once under
 * target/keycloak-&lt;version&gt;/, and a JDK 21+ to run it.
 */
public final class KeycloakDistribution {
    public static final String VERSION = "26.5.6";
    private static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip";
    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private KeycloakDistribution() {
    }

    /** Thrown when Keycloak cannot be run here; the message says what is missing and how to fix it. */
    public static final class Unavailable extends IllegalStateException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** KEYCLOAK_JAVA_HOME if given (it must be 21+), else the newest JDK 21+ under /usr/lib/jvm, else this JVM. */
    public static Path findJava(Optional<Path> configured) {
        if (configured.isPresent()) {
            Path home = configured.get();
            int feature = featureVersion(home);
            if (feature < 21) {
                throw new Unavailable("KEYCLOAK_JAVA_HOME=" + home + " is " + (feature < 0 ? "not a JDK (no bin/java "
                        + "and release file)" : "Java " + feature) + ": Keycloak " + VERSION + " needs Java 21 or newer");
            }
            return home;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException ignored) {
            // no /usr/lib/jvm: only KEYCLOAK_JAVA_HOME or this JVM can serve
        }
        for (Path home : candidates) {
            if (featureVersion(home) >= 21) {
                return home;
            }
        }
        Optional<Path> self = ProcessHandle.current().info().command().map(Path::of)
                .map(java -> java.getParent().getParent());
        if (Runtime.version().feature() >= 21 && self.isPresent()) {
            return self.get();
        }
        throw new Unavailable("Keycloak " + VERSION + " needs Java 21 or newer, and none was found (looked under "
                + "/usr/lib/jvm, and this JVM is Java " + Runtime.version().feature() + "). Install a JDK 21+ "
                + "(e.g. apt-get install openjdk-21-jdk-headless) or set KEYCLOAK_JAVA_HOME to one.");
    }

    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return -1;
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** target/keycloak-VERSION/ under the kit root: unpacked on first use from the zip, fetched with Maven. */
    public static Path ensureUnpacked(Path kitRoot, java.util.function.Consumer<String> progress) {
        Path target = kitRoot.resolve("target");
        Path home = target.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = target.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
        try {
            Files.createDirectories(target);
            if (!Files.isRegularFile(zip)) {
                progress.accept("Keycloak: fetching " + ARTIFACT + " with Maven (165 MB, once) ...");
                fetch(target);
            }
            progress.accept("Keycloak: unpacking into " + kitRoot.relativize(home) + " (once) ...");
            Path partial = Files.createTempDirectory(target, "keycloak-unpacking-");
            unzip(zip, partial);
            Path unpacked = partial.resolve("keycloak-" + VERSION);
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                    throw raced;
                }
            }
            delete(partial);
        } catch (IOException e) {
            throw new Unavailable("Could not unpack Keycloak from " + zip + ": " + e.getMessage());
        }
        return home;
    }

    private static void fetch(Path target) throws IOException {
        ProcessBuilder maven = new ProcessBuilder("mvn", "-B", "-q", "dependency:copy", "-Dartifact=" + ARTIFACT,
                "-DoutputDirectory=" + target.toAbsolutePath(), "-Dmdep.overWriteIfNewer=false")
                .redirectErrorStream(true).redirectOutput(target.resolve("keycloak-fetch.log").toFile());
        try {
            Process process = maven.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new Unavailable("mvn dependency:copy of " + ARTIFACT + " failed (see target/keycloak-fetch.log): "
                        + "Maven Central must be reachable once, or put the zip into target/ yourself");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while fetching Keycloak");
        } catch (IOException e) {
            throw new Unavailable("Cannot run mvn to fetch Keycloak (" + e.getMessage() + "): Maven must be on PATH");
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().endsWith(".sh")) {
                    out.toFile().setExecutable(true);
                }
            }
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder under target/ is harmless
        }
    }
}
