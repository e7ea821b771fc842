package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.Defect;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MutationRun;
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
        System.out.printf("Mutation score %.0f %% (%d FAIL-counted broken clients: %d FAIL kills, %d WARN-only, %d survived;"
                        + " %d should-level twins beside it, %d warned as expected) in %d ms; matrix: %s%n",
                report.score(), report.failCounted().size(), report.failKills(), report.warnOnly().size(),
                report.survivors().size(), report.shouldLevel().size(), report.shouldLevelWarned(),
                report.wallMillis(), config.reports().resolve("kill-matrix.md"));
        assertThat(report.failCounted()).as("FAIL-counted broken clients (issue 13: at least 78)").hasSizeGreaterThanOrEqualTo(78);
        assertThat(report.shouldLevelUncaught())
                .as("should-level twins that not even their WARN scenarios caught (see reports/kill-matrix.md)")
                .extracting(MutationRun.MutantResult::defect)
                .isEmpty();
        assertThat(report.survivors())
                .as("broken clients that no scenario of their requirement caught (see reports/kill-matrix.md)")
                .extracting(MutationRun.MutantResult::defect)
                .isEmpty();
        assertThat(report.warnOnly())
                .as("broken clients with a FAIL requirement that only WARN scenarios caught (every FAIL-counted twin "
                        + "must be killed by a FAIL scenario; see reports/kill-matrix.md)")
                .extracting(MutationRun.MutantResult::defect)
                .isEmpty();
    }
}
