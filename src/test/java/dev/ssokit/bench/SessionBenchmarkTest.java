package dev.ssokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A small run of the serve benchmark: sessions stay apart under concurrent flows (figures printed, not asserted). */
class SessionBenchmarkTest {
    @Test
    void concurrentFlowsOverSeveralSessionsNeitherMixNorLoseSessions() throws Exception {
        SessionBenchmark.Figures figures = SessionBenchmark.run(
                Path.of(System.getProperty("kit.root", ".")).toAbsolutePath(), 3, 12, 12, false);
        assertThat(figures.failedFlows()).as(String.valueOf(figures.firstError())).isZero();
        assertThat(figures.mixedUp()).isZero();
        assertThat(figures.lost()).isZero();
    }
}
