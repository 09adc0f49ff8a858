package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM3: the messages of one socket, on a clock moved by hand. */
class FloodMeterTest {
  private final ManualTime time = new ManualTime();

  @Test
  @DisplayName(
      "LM3 a socket may send its rate for ever and a few seconds' worth more at once; beyond that"
          + " it is flooding, for good")
  void flooding() {
    FloodMeter meter = new FloodMeter(100, 3, time);
    for (int second = 0; second < 60; second++) {
      for (int i = 0; i < 100; i++) {
        assertThat(meter.admit()).isTrue();
      }
      time.advanceMillis(1_000);
    }
    for (int i = 0; i < 300; i++) {
      assertThat(meter.admit()).as("message %d of the rush", i).isTrue();
    }
    assertThat(meter.admit()).isFalse();
    time.advanceMillis(60_000);
    assertThat(meter.admit()).as("a flooding socket stays so: it is closed").isFalse();
  }
}
