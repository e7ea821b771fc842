package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.Defect;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MutationRun;
import dev.ssokit.report.Requirements;
import dev.ssokit.world.StubWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meta-run: every broken twin of the reference client must be killed by a FAIL scenario of the requirement
 * its defect violates, in the default topology or the co-resident one. A survivor fails the build, by name; a twin
 * only WARN scenarios caught is listed too (it is not a kill). Writes reports/kill-matrix.md and kill-matrix.json.
 */
class BrokenClientsTest {
    @Test
    void everyBrokenClientIsKilledByTheScenariosOfItsRequirement() {
        KitConfig config = KitConfig.fromSystem();
        MutationRun.Report report;
        try (StubWorld distinct = StubWorld.start(config.stubs());
             StubWorld coResident = StubWorld.start(config.stubs(), StubWorld.coResidentHostNames())) {
            report = MutationRun.run(config, distinct, coResident, List.of(Defect.values()), System.out);
        }
        MutationRun.writeKillMatrix(report, config.reports());
        System.out.printf("Mutation score %.0f %% (%d broken clients: %d FAIL kills, %d WARN-only, %d survived) in %d ms;"
                        + " matrix: %s%n", report.score(), report.mutants().size(), report.failKills(),
                report.warnOnly().size(), report.survivors().size(), report.wallMillis(),
                config.reports().resolve("kill-matrix.md"));
        assertThat(report.survivors())
                .as("broken clients that no scenario of their requirement caught (see reports/kill-matrix.md)")
                .extracting(MutationRun.MutantResult::defect)
                .isEmpty();
        Requirements requirements = Requirements.load();
        assertThat(report.warnOnly())
                .as("broken clients only WARN scenarios caught although a FAIL requirement is theirs (a twin may be "
                        + "WARN-only only when every requirement it violates is WARN; see reports/kill-matrix.md)")
                .filteredOn(mutant -> mutant.requirements().stream().anyMatch(id -> requirements.find(id)
                        .map(r -> r.severity().equalsIgnoreCase("fail")).orElse(true)))
                .extracting(MutationRun.MutantResult::defect)
                .isEmpty();
    }
}
