package dev.ssokit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.adapter.AdapterManifest;
import dev.ssokit.conformance.ClientChoice;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.ReportDigest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example adapter written without Java (examples/adapters/curl: bash, curl, sed) is judged through the
 * adapter protocol: it gets its tokens through the flow, what it declares it lacks is skipped with the reason,
 * and its verdict is computed and sealed. The test asserts that it is judged, not that it passes everything.
 */
class CurlAdapterTest {
    @Test
    void theCurlAdapterIsJudgedAndItsReportSealed() throws Exception {
        KitConfig project = KitConfig.fromSystem();
        Path root = PartnerRuns.temporaryRoot(project.root());
        KitConfig config = KitConfig.defaults(root);
        ClientChoice curl = ClientChoice.adapter(AdapterManifest.load(root.resolve(
                "examples/adapters/curl/manifest.json")));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConformanceSummary summary;
        try (RunContext context = RunContext.owningWorld(config).withClient(curl)) {
            summary = MainJob.run(context, List.of(config.features().resolve("03_access_token"),
                    config.features().resolve("05_login_id"), config.features().resolve("browser/javascript")),
                    "@req:F3 or @req:F5 or @req:J6 or @req:J5 or @req:R1",
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        }
        assertThat(PartnerRuns.results(summary)).as("requirements judged for the curl adapter")
                .containsEntry("F3", "pass").containsEntry("F5", "pass").containsEntry("J6", "skipped")
                .containsEntry("J5", "skipped");
        assertThat(summary.outcomes()).filteredOn(o -> o.requirements().contains("J6"))
                .flatExtracting(ConformanceSummary.ScenarioOutcome::messages)
                .anySatisfy(m -> assertThat(m).contains("curl-example lacks browse").contains("cannot open the catalogue"));

        Path reports = config.reports();
        String verdict = Files.readString(reports.resolve("verdict.json"));
        assertThat(verdict).contains("\"client\" : \"curl-example\"").contains("\"clientVersion\" : \"0.1.0\"")
                .contains("\"kitVersion\"");
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("| Client version | 0.1.0 |");
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Evidence: SHA-256");
        assertThat(printed).as("skipped scenarios are a count with reasons, not lines of the failing list")
                .doesNotContain("  SKIPPED features/").contains(" skipped  (").containsPattern("SKIPPED \\d+ scenario")
                .containsPattern("\\d+ x curl-example lacks browse");
        assertThat(ReportDigest.verify(reports, null).exitCode()).as("the sealed report verifies").isZero();
        Files.writeString(reports.resolve("verdict.json"), verdict.replace("\"FAIL\"", "\"PASS\"")
                .replace("\"pass\"", "\"fail\""));
        assertThat(ReportDigest.verify(reports, null).exitCode()).as("an edited verdict is caught").isEqualTo(1);
    }
}
