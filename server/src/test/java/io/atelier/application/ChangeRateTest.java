package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM1 as one socket's meter sees it, on a clock moved by hand. */
class ChangeRateTest {
  private final ManualTime time = new ManualTime();
  private final ChangeRate rate = new ChangeRate(20, 40, time);

  @Test
  @DisplayName("LM1 changes within the rate and the burst go ahead (0 ms to wait)")
  void withinTheRate() {
    for (int i = 0; i < 40; i++) {
      assertThat(rate.refusal()).isZero();
    }
    for (int i = 0; i < 200; i++) {
      time.advanceMillis(50);
      assertThat(rate.refusal()).isZero();
    }
  }

  @Test
  @DisplayName(
      "LM1 beyond the rate a change is told to wait at least a second, and every change is refused"
          + " until then, so that what was sent before the refusal was heard cannot overtake it")
  void waitKeepsTheOrder() {
    for (int i = 0; i < 40; i++) {
      rate.refusal();
    }
    assertThat(rate.refusal()).isEqualTo(ChangeRate.MIN_WAIT_MILLIS);
    time.advanceMillis(300); // tokens are back by now, but the wait is not over
    assertThat(rate.refusal()).isEqualTo(700);
    time.advanceMillis(699);
    assertThat(rate.refusal()).isEqualTo(1);
    time.advanceMillis(1);
    // After the wait, the second's worth of tokens let the refused changes through, in order.
    for (int i = 0; i < 20; i++) {
      assertThat(rate.refusal()).as("resent change %d", i).isZero();
    }
    assertThat(rate.refusal()).isEqualTo(ChangeRate.MIN_WAIT_MILLIS);
  }
}
