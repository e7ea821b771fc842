package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.Defect;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MutationRun;
import dev.ssokit.world.StubWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meta-run: every broken twin of the reference client must be killed by a scenario of the requirement its
 * defect violates. A survivor fails the build, by name. Writes reports/kill-matrix.md and kill-matrix.json.
 */
class BrokenClientsTest {
    @Test
    void everyBrokenClientIsKilledByTheScenariosOfItsRequirement() {
        KitConfig config = KitConfig.fromSystem();
        MutationRun.Report report;
        try (StubWorld world = StubWorld.start(config.stubs())) {
            report = MutationRun.run(config, world, List.of(Defect.values()), System.out);
        }
        MutationRun.writeKillMatrix(report, config.reports());
        System.out.printf("Mutation score %.0f %% (%d broken clients) in %d ms; matrix: %s%n", report.score(),
                report.mutants().size(), report.wallMillis(), config.reports().resolve("kill-matrix.md"));
        assertThat(report.survivors())
                .as("broken clients that no scenario of their requirement caught (see reports/kill-matrix.md)")
                .extracting(MutationRun.MutantResult::defect)
                .isEmpty();
    }
}
