package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.Variant;
import dev.ssokit.conformance.ConformantRun;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.world.StubWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fairness meta-run: every conformant twin (the reference client with one legitimate behaviour switched on)
 * runs the whole suite and must not be failed; warnings are allowed (their sources are recommendations,
 * inferences or stub choices). Writes reports/conformant-twins.md and .json and prints the false-failure count.
 */
class ConformantClientsTest {
    @Test
    void noConformantClientIsFailed() {
        KitConfig config = KitConfig.fromSystem();
        ConformantRun.Report report;
        try (StubWorld world = StubWorld.start(config.stubs())) {
            report = ConformantRun.run(config, world, List.of(Variant.values()), List.of(config.features()),
                    System.out);
        }
        ConformantRun.write(report, config.reports());
        System.out.printf("False failures: %d (%d of %d conformant twins failed) in %d ms; report: %s%n",
                report.falseFailureCount(), report.falselyFailed().size(), report.twins().size(), report.wallMillis(),
                config.reports().resolve("conformant-twins.md"));
        assertThat(report.falselyFailed())
                .as("conformant twins the suite failed (see reports/conformant-twins.md)")
                .extracting(ConformantRun.TwinResult::variant)
                .isEmpty();
    }
}
