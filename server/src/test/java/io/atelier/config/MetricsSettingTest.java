package io.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ATELIER_METRICS}: read, validated and logged like every setting (ADR 0019). */
class MetricsSettingTest {

  @Test
  @DisplayName("metrics are on unless ATELIER_METRICS says off, in any case and with spaces")
  void onByDefault() {
    assertThat(AtelierConfig.fromEnvironment(Map.of()).metrics()).isTrue();
    assertThat(AtelierConfig.fromEnvironment(Map.of("ATELIER_METRICS", "")).metrics()).isTrue();
    assertThat(AtelierConfig.fromEnvironment(Map.of("ATELIER_METRICS", "on")).metrics()).isTrue();
    assertThat(AtelierConfig.fromEnvironment(Map.of("ATELIER_METRICS", " OFF ")).metrics())
        .isFalse();
    assertThat(AtelierConfig.forTests().metrics()).isTrue();
    assertThat(AtelierConfig.forTests().withMetrics(false).metrics()).isFalse();
  }

  @Test
  @DisplayName("another value of ATELIER_METRICS stops the start-up with a message naming it")
  void invalid() {
    assertThatThrownBy(() -> AtelierConfig.fromEnvironment(Map.of("ATELIER_METRICS", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ATELIER_METRICS must be on or off, not \"yes\"");
  }

  @Test
  @DisplayName("the start-up log line says whether metrics are served")
  void described() {
    assertThat(AtelierConfig.forTests().describe()).endsWith(" metrics=on");
    assertThat(AtelierConfig.forTests().withMetrics(false).describe()).endsWith(" metrics=off");
  }

  @Test
  @DisplayName("changing another setting keeps metrics off")
  void keptByWithers() {
    AtelierConfig off = AtelierConfig.forTests().withMetrics(false);
    assertThat(off.withStorage(AtelierConfig.Storage.MEMORY).metrics()).isFalse();
    assertThat(off.withJournal(JournalSettings.NONE).metrics()).isFalse();
    assertThat(off.withTls(TlsSettings.NONE).metrics()).isFalse();
    assertThat(off.withCluster(off.cluster()).metrics()).isFalse();
  }
}
