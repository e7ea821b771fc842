package dev.ssokit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.chromium.ChromiumClient;
import dev.ssokit.conformance.ClientChoice;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.report.ConformanceSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential oracle: headless Chromium (Debian's chromium + chromium-driver, through Selenium) behind the
 * client-under-test seam must pass the flow features and the browser catalogue, every exception a recorded
 * deviation (deviations/chromium.json). Where the packages are absent the test is skipped, loudly.
 */
class ChromiumClientTest {
    @Test
    void headlessChromiumPassesTheFlowAndTheCatalogue() {
        String missing = ChromiumClient.unavailable();
        if (missing != null) {
            System.err.println("\n*** SKIPPED: the Chromium differential run did not run: " + missing + " ***\n");
        }
        Assumptions.assumeTrue(missing == null, () -> "SKIPPED LOUDLY: Chromium is not installed: " + missing);
        List<String> features = new ArrayList<>(MainJob.FLOW_FEATURES);
        features.remove("contract");
        features.add("browser");
        ConformanceSummary summary = PartnerRuns.run(ClientChoice.chromium(), features, null);

        assertThat(summary.outcomes()).as("scenarios Chromium ran").hasSizeGreaterThan(60);
        assertThat(summary.outcomes().stream().filter(o -> o.result().equals("skipped")).toList())
                .as("Chromium lacks nothing, so nothing is skipped").isEmpty();
        assertThat(summary.deviationProblems()).as("deviations/chromium.json is true").isEmpty();
        assertThat(summary.outcomes().stream().filter(o -> o.result().equals("fail"))
                .filter(o -> !summary.rows().stream().filter(r -> o.requirements().contains(r.id()))
                        .allMatch(r -> r.result().equals("deviation")))
                .map(o -> o.location() + " " + o.name() + ": " + o.messages()).toList())
                .as("Chromium's failures that are not recorded deviations").isEmpty();
        assertThat(summary.conformant()).as("Chromium's verdict").isTrue();
    }
}
