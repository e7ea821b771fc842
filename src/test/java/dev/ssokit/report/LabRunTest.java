package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.conformance.runtarget.LabRunTarget;
import dev.ssokit.labtarget.TargetLoader;
import dev.ssokit.report.ConformanceSummary.ScenarioOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test without a Cisco lab (issue 11, item 6): {@code kit serve} in a separate JVM (ephemeral ports, its own
 * throw-away CA) is the lab. A target file names its URLs, its CA PEM as the trust bundle and its agents, with the
 * passwords in files of a temp folder. {@code --target} runs through the recording proxy and must give each scenario
 * a lab can run the verdict the embedded run gives it; every other scenario is skipped with its reason; no secret
 * that crossed the proxy (a planted password, tokens, codes, SAML, cookies) lands in reports/ or on the console.
 */
class LabRunTest {
    private static final String CANARY_PASSWORD = "Lab-Canary-Pa55-W3q8-5127";
    private static final List<String> FEATURES = List.of("01_system_auth_mode", "03_access_token",
            "06_api_with_login_id", "contract");
    /** Short, so --lab-refresh's real-time refresh takes seconds (the features' 240 s of 300 s become 32 s). */
    private static final long TOKEN_SECONDS = 40;
    private static final Duration START_DEADLINE = Duration.ofSeconds(240);
    private static Path temp;
    private static Process serve;
    private static Path targetFile;

    @BeforeAll
    static void startTheLab() throws Exception {
        temp = Files.createTempDirectory("finesse-sso-kit-labrun-");
        Path kit = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath();
        Path labRoot = temp.resolve("serve-root");
        ReportFolder.copy(kit.resolve("stubs"), labRoot.resolve("stubs"));
        Path users = labRoot.resolve("stubs/users.json");
        Files.writeString(users, Files.readString(users).replace("Stub-Pass-98411", CANARY_PASSWORD));
        Path world = temp.resolve("world.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Djdk.net.hosts.file=" + kit.resolve("stubs/hosts"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.ssokit.cli.KitCommand", "serve", "--root", labRoot.toString(), "--world", world.toString(),
                "--finesse-port", "0", "--http-port", "0", "--ids-port", "0", "--idp-port", "0", "--control-port", "0",
                "--token-lifetime", "" + TOKEN_SECONDS, "--seconds", "1200")
                .redirectErrorStream(true).redirectOutput(temp.resolve("serve.log").toFile());
        serve = builder.start();
        JsonNode description = awaitWorld(world);
        targetFile = writeTarget(description, users);
    }

    /** Polls for world.json (written once serve listens), with a deadline; a serve that died says why. */
    private static JsonNode awaitWorld(Path world) throws Exception {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!serve.isAlive()) {
                throw new IllegalStateException("kit serve exited " + serve.exitValue() + ": "
                        + Files.readString(temp.resolve("serve.log")));
            }
            if (Files.isRegularFile(world) && Files.readString(temp.resolve("serve.log")).contains("Ready.")) {
                return new ObjectMapper().readTree(world.toFile());
            }
            serve.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("kit serve did not write " + world + " within " + START_DEADLINE + ": "
                + Files.readString(temp.resolve("serve.log")));
    }

    private static Path writeTarget(JsonNode world, Path users) throws IOException {
        Path secrets = Files.createDirectories(temp.resolve("secrets"));
        StringBuilder yaml = new StringBuilder("name: serve-lab\nfinesse:\n  primary: ")
                .append(world.path("urls").path("finesse").asText()).append("\nids:\n  url: ")
                .append(world.path("urls").path("ids").asText())
                .append("\ndeployment: UCCE\nidp:\n  preset: adfs\nagents:\n");
        int i = 0;
        for (JsonNode agent : new ObjectMapper().readTree(users.toFile()).path("agents")) {
            Path secret = secrets.resolve("agent" + i++);
            Files.writeString(secret, agent.path("password").asText() + "\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            yaml.append("  - loginName: \"").append(agent.path("loginName").asText()).append("\"\n")
                    .append("    idpLoginName: \"").append(agent.path("loginName").asText()).append("\"\n")
                    .append("    extension: \"").append(agent.path("extension").asText()).append("\"\n")
                    .append("    password: file:").append(secret).append("\n");
        }
        yaml.append("trust:\n  pem: ").append(world.path("trust").path("caPem").asText()).append("\n");
        return Files.writeString(temp.resolve("serve-lab.yaml"), yaml.toString());
    }

    @AfterAll
    static void stopTheLab() throws Exception {
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path kitCopy(String name) throws IOException {
        Path kit = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath();
        Path root = temp.resolve(name);
        ReportFolder.copy(kit.resolve("stubs"), root.resolve("stubs"));
        ReportFolder.copy(kit.resolve("features"), root.resolve("features"));
        return root;
    }

    @Test
    void aLabRunThroughTheProxyJudgesLikeTheEmbeddedRunAndSkipsTheRestWithReasons() throws IOException {
        Path labRoot = kitCopy("lab-run");
        Set<String> secrets = ConcurrentHashMap.newKeySet();
        secrets.add(CANARY_PASSWORD);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        ConformanceSummary lab;
        KitConfig labConfig = KitConfig.defaults(labRoot);
        LabRunTarget target = LabRunTarget.of(TargetLoader.load(targetFile), name -> null, Duration.ofSeconds(30),
                false);
        try (RunContext context = RunContext.owningWorld(labConfig).withTarget(target)) {
            lab = MainJob.run(context, FEATURES.stream().map(labRoot.resolve("features")::resolve).toList(), null,
                    capture, new SecretCanaryTest.Harvester(context, secrets));
        }
        Path embeddedRoot = kitCopy("embedded-run");
        ConformanceSummary embedded;
        try (RunContext context = RunContext.owningWorld(KitConfig.defaults(embeddedRoot))) {
            embedded = MainJob.run(context, FEATURES.stream().map(embeddedRoot.resolve("features")::resolve).toList(),
                    null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }

        Map<String, String> embeddedResults = new LinkedHashMap<>();
        embedded.outcomes().forEach(o -> embeddedResults.put(o.location(), o.result()));
        List<String> judged = new ArrayList<>();
        for (ScenarioOutcome outcome : lab.outcomes()) {
            if (outcome.result().equals("skipped")) {
                assertThat(outcome.messages()).as(outcome.location() + " is skipped with its reason").isNotEmpty();
                assertThat(outcome.messages().get(0)).startsWith("skipped: lab serve-lab ");
            } else {
                judged.add(outcome.location());
                assertThat(outcome.result()).as("the lab's verdict on " + outcome.location() + " " + outcome.name()
                        + " " + outcome.messages()).isEqualTo(embeddedResults.get(outcome.location()));
            }
        }
        assertThat(judged).as("scenarios the lab judged").hasSizeGreaterThanOrEqualTo(10);
        assertThat(lab.outcomes()).hasSameSizeAs(embedded.outcomes());
        assertThat(lab.verdict().verdict()).isEqualTo(RunVerdict.Word.PASS);
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Coverage: judged ").contains("lacks @needs:stub-control");
        JsonNode verdict = new ObjectMapper().readTree(labRoot.resolve("reports/verdict.json").toFile());
        assertThat(verdict.path("coverage").path("scenariosJudged").asInt()).isEqualTo(judged.size());
        assertThat(verdict.path("target").asText()).contains("lab serve-lab");

        assertThat(secrets).as("secrets harvested from the proxy's record").hasSizeGreaterThan(20);
        List<String> haystacks = new ArrayList<>(List.of("console\n" + text));
        try (Stream<Path> files = Files.walk(labRoot.resolve("reports"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                haystacks.add(file + "\n" + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            for (String form : SecretCanaryTest.forms(secret)) {
                haystacks.stream().filter(h -> h.contains(form)).forEach(h -> leaks.add(h.substring(0, h.indexOf('\n'))
                        + " holds " + secret.substring(0, 6) + "…"));
            }
        }
        assertThat(leaks).as("secrets of the lab run found in reports/ or the console").isEmpty();
    }

    @Test
    void aLabWhoseCertificateIsNotTrustedStopsInThePreflightWithTheFix() throws IOException {
        Path other = temp.resolve("other-ca.yaml");
        Path bundle = unrelatedCertificatePem();
        Files.writeString(other, Files.readString(targetFile).replaceFirst("(?m)^  pem: .*$", "  pem: " + bundle));
        LabRunTarget target = LabRunTarget.of(TargetLoader.load(other), name -> null, Duration.ofSeconds(30), false);
        try {
            List<String> problems = target.preflight();
            assertThat(problems).isNotEmpty();
            assertThat(String.join("\n", problems)).contains("fix:");
        } finally {
            target.close();
        }
    }

    /** A CA certificate no lab uses: the recorder's own CA of a throw-away proxy would do; a fresh stub CA does. */
    private static Path unrelatedCertificatePem() {
        Path dir;
        try {
            dir = Files.createTempDirectory(temp, "unrelated-ca");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dev.ssokit.world.TlsMaterial.generate(List.of("unrelated.test"), dir).caPem();
    }

    @Test
    void withoutLabRefreshTheRefreshScenariosAreSkippedAndNothingJudgedIsNotJudged() throws IOException {
        ConformanceSummary summary = labRun("refresh-skipped", false, "@req:F8");
        assertThat(summary.outcomes()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.result()).isEqualTo("skipped");
            assertThat(o.messages().get(0)).contains("@needs:virtual-clock").contains("--lab-refresh");
        });
        assertThat(summary.verdict().verdict()).isEqualTo(RunVerdict.Word.NOT_JUDGED);
        assertThat(summary.verdict().exitCode()).isEqualTo(2);
    }

    @Test
    void withLabRefreshTheClientRefreshesInRealTimeAgainstTheLabsTokenLifetime() throws IOException {
        ConformanceSummary summary = labRun("refresh-real-time", true, "@req:F8");
        assertThat(summary.outcomes()).isNotEmpty().allSatisfy(o -> assertThat(o.result())
                .as(o.location() + " " + o.messages()).isEqualTo("pass"));
        assertThat(summary.verdict().verdict()).isEqualTo(RunVerdict.Word.PASS);
    }

    private static ConformanceSummary labRun(String name, boolean labRefresh, String tags) throws IOException {
        Path root = kitCopy(name);
        LabRunTarget target = LabRunTarget.of(TargetLoader.load(targetFile), variable -> null, Duration.ofSeconds(30),
                labRefresh);
        try (RunContext context = RunContext.owningWorld(KitConfig.defaults(root)).withTarget(target)) {
            return MainJob.run(context, List.of(root.resolve("features/07_refresh")), tags,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }
}
