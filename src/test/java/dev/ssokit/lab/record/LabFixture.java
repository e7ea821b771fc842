package dev.ssokit.lab.record;

import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The stub world on loopback as "the lab": a target file naming it, its CA as trust, the password in a file. */
final class LabFixture {
    static final String PASSWORD = "Stub-Pass-98411";

    private LabFixture() {
    }

    static Path kitStubs() {
        return Path.of(System.getProperty("kit.root", ".")).toAbsolutePath().resolve("stubs");
    }

    static Path target(StubWorld lab, Path temp) throws IOException {
        Path secret = Files.writeString(temp.resolve("agent-password"), PASSWORD + "\n");
        Path yaml = temp.resolve("stub-lab.yaml");
        Files.writeString(yaml, String.join("\n",
                "name: stub-lab",
                "finesse:",
                "  primary: " + lab.baseUri(StubSystem.FINESSE),
                "ids:",
                "  url: " + lab.baseUri(StubSystem.IDS),
                "deployment: UCCE",
                "idp:",
                "  preset: adfs",
                "agents:",
                "  - loginName: sjefferson",
                "    idpLoginName: sjefferson",
                "    extension: \"98411\"",
                "    password: file:" + secret.toAbsolutePath(),
                "trust:",
                "  pem: " + lab.tls().caPem().toAbsolutePath(),
                ""));
        return yaml;
    }

    /** A kit root of its own (features/, stubs/; reports/ is written under it): a test run never touches the kit's. */
    static Path kitRoot(Path temp) throws IOException {
        Path kit = kitStubs().getParent();
        Path root = temp.resolve("kit");
        for (String folder : java.util.List.of("stubs", "features")) {
            try (java.util.stream.Stream<Path> files = Files.walk(kit.resolve(folder))) {
                for (Path file : files.toList()) {
                    Path copy = root.resolve(kit.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
        }
        return root;
    }
}
