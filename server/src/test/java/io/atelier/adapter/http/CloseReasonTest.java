package io.atelier.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CloseReasonTest {
  @Test
  @DisplayName("HS1 a close reason is cut to 123 bytes of UTF-8, never inside a character")
  void fits() {
    assertThat(CloseReason.fit("Wrong passcode.")).isEqualTo("Wrong passcode.");
    assertThat(CloseReason.fit(null)).isNull();
    for (String unit : new String[] {"a", "é", "€", "😀"}) {
      String cut = CloseReason.fit(unit.repeat(200));
      assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
      assertThat(cut).endsWith("…");
      String kept = cut.substring(0, cut.length() - 1);
      assertThat(kept.replace(unit, "")).as("whole characters only").isEmpty();
      assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(110);
    }
  }
}
