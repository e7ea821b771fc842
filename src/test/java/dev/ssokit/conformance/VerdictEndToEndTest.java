package dev.ssokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.cli.KitCommand;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.RunVerdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The whole runner, from the command line to verdict.json: a run that judged nothing, or could not judge a scenario,
 * exits 2 with NOT_JUDGED and says why; a client failure exits 1 with FAIL. Each run works in a copy of the kit.
 */
class VerdictEndToEndTest {
    private static final Path KIT = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path root;

    @BeforeEach
    void layOutAKit() throws IOException {
        for (String folder : List.of("stubs", "features", "deviations")) {
            copy(KIT.resolve(folder), root.resolve(folder));
        }
    }

    @Test
    void aTagExpressionMatchingNothingIsNotJudged() throws IOException {
        int exit = KitCommand.commandLine().execute("run", "--root", root.toString(), "--tags", "@req:NOPE",
                "features/01_system_auth_mode");
        assertThat(exit).isEqualTo(2);
        JsonNode verdict = verdictJson();
        assertThat(verdict.path("verdict").asText()).isEqualTo("NOT_JUDGED");
        assertThat(verdict.path("exitCode").asInt()).isEqualTo(2);
        assertThat(verdict.path("reasons").toString()).contains("no scenario was selected");
    }

    @Test
    void anUndefinedStepIsAnErrorNamingTheStepAndItsLine() throws Exception {
        Path feature = resource("undefined.feature");
        int exit = KitCommand.commandLine().execute("run", "--root", root.toString(), feature.toString());
        assertThat(exit).isEqualTo(2);
        JsonNode verdict = verdictJson();
        assertThat(verdict.path("verdict").asText()).isEqualTo("NOT_JUDGED");
        assertThat(verdict.path("scenarios").path("errors").asInt()).isEqualTo(1);
        JsonNode outcome = verdict.path("scenarioOutcomes").get(0);
        assertThat(outcome.path("result").asText()).isEqualTo("error");
        assertThat(outcome.path("messages").get(0).asText())
                .contains("undefined step \"When this step is defined nowhere\" at " + feature + ":6");
    }

    @Test
    void anExceptionOrAnOutOfMemoryErrorInAScenarioStillEndsInAWrittenVerdict() throws Exception {
        KitConfig config = KitConfig.defaults(root.toAbsolutePath().normalize());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConformanceSummary summary;
        try (RunContext context = RunContext.owningWorld(config)) {
            summary = MainJob.run(context, List.of(resource("errors.feature")), null, List.of("dev.ssokit.testglue"),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        }
        assertThat(summary.verdict().verdict()).isEqualTo(RunVerdict.Word.NOT_JUDGED);
        assertThat(outcome(summary, "the kit's code throws").result()).isEqualTo("error");
        assertThat(outcome(summary, "the kit's code throws").messages().get(0))
                .contains("IllegalStateException: probe: the kit's code broke");
        ConformanceSummary.ScenarioOutcome dropped = outcome(summary, "the JVM runs out of memory");
        assertThat(dropped.result()).as("a scenario Cucumber dropped on an Error still counts").isEqualTo("error");
        assertThat(dropped.messages().get(0)).contains("never finished").contains("OutOfMemoryError");
        JsonNode verdict = verdictJson();
        assertThat(verdict.path("verdict").asText()).isEqualTo("NOT_JUDGED");
        assertThat(verdict.path("reasons").toString()).contains("could not be judged (ERROR)");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Verdict: NOT_JUDGED");
    }

    @Test
    void aClientFailureOnAFeatureLineIsFail() throws IOException {
        int exit = KitCommand.commandLine().execute("run", "--root", root.toString(), "--client", "raw-cc-username",
                "features/03_access_token/access_token.feature:17");
        assertThat(exit).isEqualTo(1);
        JsonNode verdict = verdictJson();
        assertThat(verdict.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(verdict.path("scenarioOutcomes")).hasSize(1);
        assertThat(verdict.path("scenarioOutcomes").get(0).path("location").asText())
                .isEqualTo("features/03_access_token/access_token.feature:17");
    }

    @Test
    void theJUnitSuiteFailsOnAnUndefinedStep() throws Exception {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectFile(resource("undefined.feature").toFile()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", ConformanceRun.GLUE)
                .configurationParameter("cucumber.publish.quiet", "true")
                .build(), listener);
        assertThat(listener.getSummary().getTestsStartedCount()).isEqualTo(1);
        assertThat(listener.getSummary().getTestsFailedCount()).as("an undefined step fails the test").isEqualTo(1);
    }

    private static ConformanceSummary.ScenarioOutcome outcome(ConformanceSummary summary, String name) {
        return summary.outcomes().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode verdictJson() throws IOException {
        return new ObjectMapper().readTree(Files.readString(root.resolve("reports/verdict.json")));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(VerdictEndToEndTest.class.getResource("/verdict/" + name).toURI());
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
}
