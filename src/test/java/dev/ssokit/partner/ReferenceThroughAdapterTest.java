package dev.ssokit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.adapter.AdapterManifest;
import dev.ssokit.conformance.ClientChoice;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.report.ConformanceSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adapter protocol carries everything the checks need: the reference client run through it (a Java adapter
 * main in session mode, clients/reference-adapter.json) gets the same result, requirement by requirement, as the
 * built-in run, on a subset of the flow.
 */
class ReferenceThroughAdapterTest {
    private static final List<String> FEATURES = List.of("01_system_auth_mode", "03_access_token", "05_login_id",
            "07_refresh");
    /** A small subset: every scenario starts one adapter JVM (session mode), seconds each on a loaded machine. */
    private static final String TAGS = "@req:F1 or @req:R1 or @req:F4 or @req:P5 or @req:F8";

    @Test
    void theReferenceClientGetsTheSameVerdictThroughTheAdapter() {
        KitConfig config = KitConfig.fromSystem();
        ClientChoice adapter = ClientChoice.adapter(AdapterManifest.load(config.root().resolve(
                "clients/reference-adapter.json")));
        ConformanceSummary builtIn = PartnerRuns.run(null, FEATURES, TAGS);
        ConformanceSummary through = PartnerRuns.run(adapter, FEATURES, TAGS);

        Map<String, String> expected = PartnerRuns.results(builtIn);
        assertThat(expected).as("requirements judged in the built-in run").hasSizeGreaterThanOrEqualTo(6)
                .containsValue("pass");
        assertThat(PartnerRuns.results(through)).as("each requirement's result through the adapter protocol")
                .isEqualTo(expected);
        assertThat(through.outcomes()).extracting(o -> o.location() + " " + o.result())
                .as("each scenario's result").containsExactlyInAnyOrderElementsOf(
                        builtIn.outcomes().stream().map(o -> o.location() + " " + o.result()).toList());
        assertThat(through.conformant()).as("verdict").isEqualTo(builtIn.conformant()).isTrue();
    }
}
