package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.Variant;
import dev.ssokit.conformance.ConformantRun;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.world.StubWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fairness meta-run, mirror of the broken-client run: every conformant twin (the reference client with
 * legitimate behaviours switched on) must not be failed; warnings are allowed (their sources are
 * recommendations, inferences or stub choices). Each variant runs alone against the scenarios of the
 * requirements it exercises, and within a composite twin (several compatible variants together, as a real
 * client combines them) against the whole suite. Writes reports/conformant-twins.md and .json and prints the
 * false-failure count. One stub world for all.
 */
class ConformantClientsTest {
    @Test
    void noConformantClientIsFailed() {
        KitConfig config = KitConfig.fromSystem();
        ConformantRun.Report single;
        ConformantRun.Report whole;
        try (StubWorld world = StubWorld.start(config.stubs())) {
            single = ConformantRun.run(config, world, List.of(Variant.values()), List.of(config.features()),
                    variant -> variant.requirements().stream().map(id -> "@req:" + id)
                            .collect(Collectors.joining(" or ")), System.out);
            whole = ConformantRun.runComposites(config, world, ConformantRun.composites(),
                    List.of(config.features()), System.out);
        }
        List<ConformantRun.TwinResult> all = new ArrayList<>(single.twins());
        all.addAll(whole.twins());
        ConformantRun.Report report = new ConformantRun.Report(all, single.wallMillis() + whole.wallMillis());
        ConformantRun.write(report, config.reports());
        System.out.printf("False failures: %d (%d of %d conformant twins failed; %d variants) in %d ms; report: %s%n",
                report.falseFailureCount(), report.falselyFailed().size(), report.twins().size(),
                Variant.values().length, report.wallMillis(), config.reports().resolve("conformant-twins.md"));
        assertThat(report.falselyFailed())
                .as("conformant twins the suite failed (see reports/conformant-twins.md)")
                .extracting(ConformantRun.TwinResult::variant)
                .isEmpty();
    }
}
