package dev.ssokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void defaultsAreSane() {
        Limits limits = Limits.defaults();
        assertThat(limits.pageBytes()).isEqualTo(2 * Limits.MIB);
        assertThat(limits.bytesFor("application/json;charset=utf-8")).isEqualTo(limits.jsonBytes());
        assertThat(limits.bytesFor("application/xml")).isEqualTo(limits.xmlBytes());
        assertThat(limits.bytesFor("text/html")).isEqualTo(limits.pageBytes());
        assertThat(limits.bytesFor(null)).isEqualTo(limits.pageBytes());
    }

    @Test
    void settingsByName() {
        Limits limits = Limits.defaults().with(Map.of("operation deadline", "2 s", "read timeout", "500 ms",
                "page size", "64 KiB", "json size", "1 MiB", "xml size", "1000 bytes"));
        assertThat(limits.operationDeadline()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(limits.pageBytes()).isEqualTo(64 * Limits.KIB);
        assertThat(limits.jsonBytes()).isEqualTo(Limits.MIB);
        assertThat(limits.xmlBytes()).isEqualTo(1000);
        assertThat(Limits.show(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(Limits.showBytes(256 * Limits.KIB)).isEqualTo("256 KiB");
    }

    @Test
    void badSettingsSayWhatToWrite() {
        assertThatThrownBy(() -> Limits.defaults().with("page size", "big")).hasMessageContaining("64 KiB");
        assertThatThrownBy(() -> Limits.defaults().with("read timeout", "soon")).hasMessageContaining("500 ms");
        assertThatThrownBy(() -> Limits.defaults().with("speed", "1 s")).hasMessageContaining("operation deadline");
        assertThatThrownBy(() -> Limits.defaults().with("read timeout", "0 s")).hasMessageContaining("positive");
    }
}
