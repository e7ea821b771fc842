package dev.ssokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.conformance.Preflight.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment and selection problems are found before the first scenario, each once, with its file and fix. */
class PreflightTest {
    private static final Path KIT = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path root;
    KitConfig config;

    @BeforeEach
    void layOutAKit() throws IOException {
        copy(KIT.resolve("stubs"), root.resolve("stubs"));
        copy(KIT.resolve("deviations"), root.resolve("deviations"));
        config = KitConfig.defaults(root.toAbsolutePath().normalize());
    }

    @Test
    void theKitAsShippedHasNoProblem() {
        assertThat(Preflight.environment(config)).isEmpty();
    }

    @Test
    void aMissingHostsFileIsNamedWithTheLineToRestore() throws IOException {
        Files.delete(root.resolve("stubs/hosts"));
        List<Problem> problems = Preflight.environment(config);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("stubs/hosts");
            assertThat(p.what()).isEqualTo("missing");
            assertThat(p.fix()).contains("127.0.0.1 finesse.test ids.test idp.test");
        });
    }

    @Test
    void aHostsFileWithoutANeededNameNamesIt() throws IOException {
        Files.writeString(root.resolve("stubs/hosts"), "# trimmed\n127.0.0.1 localhost finesse.test ids.test idp.test\n");
        assertThat(Preflight.environment(config)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("stubs/hosts");
            assertThat(p.what()).contains("idp.ids.test").contains("ccx.test").doesNotContain("finesse.test,");
        });
    }

    @Test
    void aCorruptUserDirectoryIsNamedWithItsPositionAndNeverQuotesAPassword() throws IOException {
        Files.writeString(root.resolve("stubs/users.json"),
                "{\"agents\": [{\"loginName\": \"a\",\n \"password\": hunter2secret}]}");
        assertThat(Preflight.environment(config)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("stubs/users.json");
            assertThat(p.what()).contains("not valid JSON at line 2").doesNotContain("hunter2secret");
            assertThat(p.fix()).contains("git checkout stubs/users.json");
        });
    }

    @Test
    void anIncompleteAgentIsNamedWithoutItsPassword() throws IOException {
        Files.writeString(root.resolve("stubs/users.json"), "{\"agents\": [{\"loginName\": \"anne\", \"password\": "
                + "\"hunter2secret\", \"authMode\": \"SSO\", \"extension\": \"1001\"}]}");
        assertThat(Preflight.environment(config)).singleElement().satisfies(p -> {
            assertThat(p.line()).contains("agent #1 ('anne') has no \"loginId\"").doesNotContain("hunter2secret");
        });
    }

    @Test
    void everyBrokenMappingIsNamedOnce() throws IOException {
        Path lab = root.resolve("stubs/finesse/mappings/lab");
        Files.writeString(lab.resolve("broken.json"), "{ \"request\": { \"url\": \"/x\" ");
        Files.writeString(lab.resolve("empty-object.json"), "{}");
        List<Problem> problems = Preflight.environment(config);
        assertThat(problems).extracting(Problem::where).containsExactly("stubs/finesse/mappings/lab/broken.json",
                "stubs/finesse/mappings/lab/empty-object.json");
        assertThat(problems.get(0).what()).startsWith("is not valid JSON at line");
        assertThat(problems.get(1).what()).contains("not a WireMock mapping");
    }

    @Test
    void aMalformedDeviationFileIsNamed() throws IOException {
        Files.writeString(root.resolve("deviations/acme.json"), "[{\"requirement\": \"F3\"}]");
        assertThat(Preflight.environment(config)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("deviations/acme.json");
            assertThat(p.what()).contains("\"expected\" (fail or warn)");
        });
    }

    @Test
    void aMissingStubsFolderIsOneProblemNotOnePerFile() throws IOException {
        copy(root.resolve("stubs"), root.resolve("elsewhere"));
        delete(root.resolve("stubs"));
        assertThat(Preflight.environment(config)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("stubs");
            assertThat(p.fix()).contains("--root");
        });
    }

    @Test
    void selectionProblems() throws IOException {
        Path feature = root.resolve("a.feature");
        Files.writeString(feature, "Feature: a\n  Scenario: b\n    Given x\n");
        Path notes = Files.writeString(root.resolve("notes.txt"), "hi");
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThat(Preflight.selection(List.of(feature, Path.of(feature + ":2")), "@req:F3 or @step:7")).isEmpty();
        assertThat(Preflight.selection(List.of(feature), "(@a")).singleElement()
                .satisfies(p -> assertThat(p.line()).startsWith("--tags \"(@a\": not a tag expression (Unmatched (.)"));
        assertThat(Preflight.selection(List.of(notes), null)).singleElement()
                .satisfies(p -> assertThat(p.what()).contains("not a .feature file"));
        assertThat(Preflight.selection(List.of(empty), null)).singleElement()
                .satisfies(p -> assertThat(p.what()).contains("holds no .feature file"));
        assertThat(Preflight.selection(List.of(root.resolve("gone.feature")), null)).singleElement()
                .satisfies(p -> assertThat(p.what()).contains("no feature file or folder"));
        assertThat(Preflight.selection(List.of(Path.of(feature + ":99")), null)).singleElement()
                .satisfies(p -> assertThat(p.what()).contains("line 99 is outside the file (3 lines)"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
