package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM2: one socket's pointer, throttled, on a clock and timers moved by hand. */
class CursorThrottleTest {
  private final ManualTime time = new ManualTime();
  private final List<Integer> relayed = new ArrayList<>();
  private final CursorThrottle<Integer> throttle =
      new CursorThrottle<>(20, time, time, relayed::add);

  @Test
  @DisplayName(
      "LM2 the first move goes out at once; moves within 50 ms are kept, the last one wins")
  void latestWins() {
    throttle.offer(1);
    assertThat(relayed).containsExactly(1);
    time.advanceMillis(10);
    throttle.offer(2);
    throttle.offer(3);
    time.advanceMillis(10);
    throttle.offer(4);
    assertThat(relayed).containsExactly(1);
    assertThat(time.pendingTimers()).isEqualTo(1);
    time.advanceMillis(29);
    assertThat(relayed).containsExactly(1);
    time.advanceMillis(1);
    assertThat(relayed).containsExactly(1, 4);
    assertThat(time.pendingTimers()).isZero();
    time.advanceMillis(100);
    throttle.offer(5); // a pause longer than the interval: at once again
    assertThat(relayed).containsExactly(1, 4, 5);
  }

  @Test
  @DisplayName("LM2 a pointer moving for 10 s at 200 moves a second is relayed 20 times a second")
  void rate() {
    for (int i = 1; i <= 2_000; i++) {
      throttle.offer(i);
      time.advanceMillis(5);
    }
    time.advanceMillis(100);
    assertThat(relayed.size()).isBetween(195, 202);
    assertThat(relayed.get(relayed.size() - 1)).isEqualTo(2_000);
    assertThat(relayed).isSorted();
  }

  @Test
  @DisplayName("LM2 CU2 once the socket is gone, a kept position is never relayed")
  void stop() {
    throttle.offer(1);
    throttle.offer(2);
    throttle.stop();
    time.advanceMillis(100);
    throttle.offer(3);
    assertThat(relayed).containsExactly(1);
  }
}
