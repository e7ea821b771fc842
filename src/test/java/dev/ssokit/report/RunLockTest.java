package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time per reports folder; the refusal names the holder; the lock is free again after close. */
class RunLockTest {
    @Test
    void aSecondRunIsRefusedWithTheHoldersPidAndStart(@TempDir Path reports) throws Exception {
        try (RunLock first = RunLock.acquire(reports)) {
            assertThat(Files.readString(reports.resolve(RunLock.FILE_NAME)))
                    .startsWith("pid " + ProcessHandle.current().pid() + ", started ");
            assertThatThrownBy(() -> RunLock.acquire(reports)).isInstanceOf(RunLock.Busy.class)
                    .hasMessageContaining("another kit run is writing " + reports)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("started ")
                    .hasMessageContaining("--root");
        }
        try (RunLock again = RunLock.acquire(reports)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void theFolderIsMadeWhenMissing(@TempDir Path root) {
        Path reports = root.resolve("not/yet/there");
        try (RunLock lock = RunLock.acquire(reports)) {
            assertThat(reports.resolve(RunLock.FILE_NAME)).exists();
        }
    }
}
