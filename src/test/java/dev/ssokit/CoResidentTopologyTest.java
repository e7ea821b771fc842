package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.conformance.ConformanceRun;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.report.ConformanceSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second topology: Finesse and IdS on one host name (ccx.test) with two ports, as in many real deployments,
 * so their cookies are shared (port is not part of a cookie's scope). The reference client must pass every step
 * and contract scenario there too.
 */
class CoResidentTopologyTest {
    @Test
    void theReferenceClientPassesTheFlowWithFinesseAndIdsOnOneHost() {
        KitConfig config = KitConfig.fromSystem().withCoResident(true);
        ConformanceSummary summary = ConformanceSummary.collecting("reference", config.redactor());
        try (RunContext context = RunContext.owningWorld(config)) {
            ConformanceRun.execute(context, MainJob.FLOW_FEATURES.stream().map(config.features()::resolve).toList(),
                    null, List.of(), summary);
        }
        assertThat(summary.outcomes()).as("scenarios run").hasSizeGreaterThan(40);
        assertThat(summary.outcomes().stream().filter(o -> o.result().equals("fail"))
                .map(o -> o.location() + " " + o.name() + ": " + o.messages()).toList())
                .as("failed scenarios in the co-resident topology").isEmpty();
    }
}
