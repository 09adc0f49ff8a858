package io.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.domain.WorkshopLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The limits and allowed origins as read from the environment at start-up (LM1 to LM10). */
class LimitsTest {

  @Test
  @DisplayName("LM1-LM9 without variables, the defaults for a 70-person workshop on one node")
  void defaults() {
    Limits limits = AtelierConfig.fromEnvironment(Map.of()).limits();
    assertThat(limits).isEqualTo(Limits.DEFAULTS);
    assertThat(limits.changesPerSecond()).isEqualTo(20);
    assertThat(limits.changesBurst()).isEqualTo(40);
    assertThat(limits.cursorsPerSecond()).isEqualTo(20);
    assertThat(limits.floodMessagesPerSecond()).isEqualTo(400);
    assertThat(limits.floodSeconds()).isEqualTo(3);
    assertThat(limits.connectionsPerAddress()).isEqualTo(100);
    assertThat(limits.workshopsPerHour()).isEqualTo(30);
    assertThat(limits.workshop()).isEqualTo(new WorkshopLimits(150, 1_000));
    assertThat(limits.importBytes()).isEqualTo(160L * 1024 * 1024);
    assertThat(limits.trustedProxies()).isZero();
  }

  @Test
  @DisplayName("LM1-LM9 every limit is read from its variable")
  void fromVariables() {
    Limits limits =
        Limits.fromEnvironment(
            Map.ofEntries(
                Map.entry("ATELIER_CHANGES_PER_SECOND", "5"),
                Map.entry("ATELIER_CHANGES_BURST", " 8 "),
                Map.entry("ATELIER_CURSORS_PER_SECOND", "10"),
                Map.entry("ATELIER_FLOOD_MESSAGES_PER_SECOND", "60"),
                Map.entry("ATELIER_FLOOD_SECONDS", "2"),
                Map.entry("ATELIER_MAX_CONNECTIONS_PER_ADDRESS", "300"),
                Map.entry("ATELIER_WORKSHOPS_PER_HOUR", "4"),
                Map.entry("ATELIER_MAX_PARTICIPANTS", "80"),
                Map.entry("ATELIER_MAX_NOTES_PER_CANVAS", "500"),
                Map.entry("ATELIER_MAX_IMPORT_MB", "20"),
                Map.entry("ATELIER_TRUST_PROXY", "true")));
    assertThat(limits)
        .isEqualTo(new Limits(5, 8, 10, 60, 2, 300, 4, 80, 500, 20, 1, 1_024, 5_000, 8_192));
    assertThat(limits.importBytes()).isEqualTo(20L << 20);
    assertThat(Limits.fromEnvironment(Map.of("ATELIER_TRUST_PROXY", "2")).trustedProxies())
        .isEqualTo(2);
    assertThat(Limits.fromEnvironment(Map.of("ATELIER_TRUST_PROXY", "FALSE")).trustedProxies())
        .isZero();
  }

  @Test
  @DisplayName("LM1-LM9 a value that is not a limit stops the start with the variable's name")
  void validated() {
    assertRefused("ATELIER_CHANGES_PER_SECOND", "0", "ATELIER_CHANGES_PER_SECOND");
    assertRefused("ATELIER_CHANGES_BURST", "-1", "ATELIER_CHANGES_BURST");
    assertRefused("ATELIER_MAX_PARTICIPANTS", "lots", "ATELIER_MAX_PARTICIPANTS");
    assertRefused("ATELIER_MAX_NOTES_PER_CANVAS", "0", "ATELIER_MAX_NOTES_PER_CANVAS");
    assertRefused("ATELIER_MAX_CONNECTIONS_PER_ADDRESS", "0", "ATELIER_MAX_CONNECTIONS_PER");
    assertRefused("ATELIER_WORKSHOPS_PER_HOUR", "0", "ATELIER_WORKSHOPS_PER_HOUR");
    assertRefused("ATELIER_MAX_IMPORT_MB", "0", "ATELIER_MAX_IMPORT_MB");
    assertRefused("ATELIER_MAX_IMPORT_MB", "5000", "ATELIER_MAX_IMPORT_MB");
    assertRefused("ATELIER_TRUST_PROXY", "yes", "ATELIER_TRUST_PROXY");
    assertRefused("ATELIER_TRUST_PROXY", "-1", "ATELIER_TRUST_PROXY");
    // A flood threshold a well-behaved tab could reach would close it.
    assertRefused("ATELIER_FLOOD_MESSAGES_PER_SECOND", "50", "at least twice");
  }

  @Test
  @DisplayName("LM1-LM6 the tests' node never reaches a rate or a count ordinary tests could hit")
  void forTests() {
    Limits limits = AtelierConfig.forTests().limits();
    assertThat(limits.changesBurst()).isGreaterThanOrEqualTo(100_000);
    assertThat(limits.connectionsPerAddress()).isGreaterThanOrEqualTo(1_000);
    assertThat(limits.workshopsPerHour()).isGreaterThanOrEqualTo(100_000);
    assertThat(limits.notesPerCanvas()).isGreaterThanOrEqualTo(100_000);
    assertThat(AtelierConfig.forTests().allowedOrigins().sameOriginOnly()).isTrue();
  }

  @Test
  @DisplayName("LM10 the allowed origins: the listed ones, else the public URL's, else the same")
  void allowedOrigins() {
    assertThat(AtelierConfig.fromEnvironment(Map.of()).allowedOrigins())
        .isEqualTo(AllowedOrigins.SAME_ORIGIN);
    assertThat(
            AtelierConfig.fromEnvironment(
                    Map.of("ATELIER_PUBLIC_URL", "https://Atelier.Example.org/communs/"))
                .allowedOrigins()
                .origins())
        .containsExactly("https://atelier.example.org");
    assertThat(
            AtelierConfig.fromEnvironment(
                    Map.of(
                        "ATELIER_PUBLIC_URL", "https://atelier.example.org",
                        "ATELIER_ALLOWED_ORIGINS",
                            " https://atelier.example.org:443, http://localhost:8080 ,"))
                .allowedOrigins()
                .origins())
        .containsExactly("https://atelier.example.org", "http://localhost:8080");
  }

  @Test
  @DisplayName("LM10 an allowed origin with a path, or that is no http(s) origin, stops the start")
  void badOrigins() {
    for (String bad : List.of("atelier.example.org", "https://a.org/path", "ftp://a.org", "*")) {
      assertThatThrownBy(
              () -> AtelierConfig.fromEnvironment(Map.of("ATELIER_ALLOWED_ORIGINS", bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ATELIER_ALLOWED_ORIGINS");
    }
    assertThatThrownBy(() -> AllowedOrigins.of(Optional.of("atelier.example.org")))
        .hasMessageContaining("ATELIER_PUBLIC_URL");
  }

  @Test
  @DisplayName("LM1-LM10 the start-up log line names every limit and the origins")
  void describe() {
    String line = AtelierConfig.fromEnvironment(Map.of()).describe();
    assertThat(line)
        .contains("changes:20/s(burst 40)")
        .contains("cursors:20/s")
        .contains("flood:400/s×3s")
        .contains("connections/address:100")
        .contains("workshops/address/h:30")
        .contains("participants:150")
        .contains("notes/canvas:1000")
        .contains("import:160MiB")
        .contains("trustedProxies:0")
        .contains("origins=(same as Host)");
  }

  @Test
  @DisplayName(
      "LM11 the write queue of a socket: 1 MiB for 5 s, 8 MiB at most, read from its variables and"
          + " validated")
  void writeQueue() {
    Limits defaults = AtelierConfig.fromEnvironment(Map.of()).limits();
    assertThat(defaults.writeQueueKilobytes()).isEqualTo(1_024);
    assertThat(defaults.writeQueueGraceMillis()).isEqualTo(5_000);
    assertThat(defaults.writeQueueMaxKilobytes()).isEqualTo(8_192);
    Limits set =
        Limits.fromEnvironment(
            Map.of(
                "ATELIER_WRITE_QUEUE_KB", "64",
                "ATELIER_WRITE_QUEUE_GRACE_MS", "0",
                "ATELIER_WRITE_QUEUE_MAX_KB", "64"));
    assertThat(set.writeQueueKilobytes()).isEqualTo(64);
    assertThat(set.writeQueueGraceMillis()).isZero();
    assertThat(set.writeQueueMaxKilobytes()).isEqualTo(64);
    assertThat(AtelierConfig.fromEnvironment(Map.of()).describe())
        .contains("writeQueue:1024KiB×5000ms max 8192KiB");
    assertRefused("ATELIER_WRITE_QUEUE_KB", "0", "ATELIER_WRITE_QUEUE_KB");
    assertRefused("ATELIER_WRITE_QUEUE_KB", "9000", "ATELIER_WRITE_QUEUE_MAX_KB");
    assertRefused("ATELIER_WRITE_QUEUE_MAX_KB", "2000000", "ATELIER_WRITE_QUEUE_MAX_KB");
    assertRefused("ATELIER_WRITE_QUEUE_GRACE_MS", "-1", "ATELIER_WRITE_QUEUE_GRACE_MS");
    assertRefused("ATELIER_WRITE_QUEUE_GRACE_MS", "soon", "ATELIER_WRITE_QUEUE_GRACE_MS");
  }

  private static void assertRefused(String name, String value, String message) {
    assertThatThrownBy(() -> AtelierConfig.fromEnvironment(Map.of(name, value)))
        .as(name + "=" + value)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
