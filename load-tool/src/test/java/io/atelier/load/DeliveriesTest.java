package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveriesTest {
  @Test
  @DisplayName("each peer's delivery is timed from its send; what never arrives is lost")
  void lost() {
    Deliveries deliveries = new Deliveries("w1-");
    deliveries.sent(0, 1_000_000, 2);
    deliveries.sent(1, 2_000_000, 2);

    assertThat(deliveries.delivered("w1-0", 3_000_000)).isTrue();
    assertThat(deliveries.delivered("w1-0", 2_500_000)).isTrue();
    assertThat(deliveries.delivered("w1-1", 5_000_000)).isTrue();

    assertThat(deliveries.expected()).isEqualTo(4);
    assertThat(deliveries.received()).isEqualTo(3);
    assertThat(deliveries.complete()).isFalse();
    assertThat(deliveries.latency().max()).isEqualTo(3.0);
    assertThat(deliveries.latency().p50()).isEqualTo(2.0);
  }

  @Test
  @DisplayName("another window's change, a warm-up change and a foreign id are not this window's")
  void foreign() {
    Deliveries deliveries = new Deliveries("w2-");
    deliveries.sent(5, 1_000_000, 1); // 0 to 4 went out during the warm-up, unmeasured.

    assertThat(deliveries.delivered("w1-5", 2_000_000)).isFalse();
    assertThat(deliveries.delivered("w2-3", 2_000_000)).isFalse();
    assertThat(deliveries.delivered("w2-999999", 2_000_000)).isFalse();
    assertThat(deliveries.delivered("seed-1", 2_000_000)).isFalse();
    assertThat(deliveries.delivered(null, 2_000_000)).isFalse();
    assertThat(deliveries.delivered("w2-5", 2_000_000)).isTrue();
    assertThat(deliveries.complete()).isTrue();
  }

  @Test
  @DisplayName("refusals of this window's changes are counted by code")
  void refusals() {
    Deliveries deliveries = new Deliveries("w1-");
    deliveries.refused("w1-3", "rate_limited");
    deliveries.refused("w1-4", "rate_limited");
    deliveries.refused("seed-0", "too_many_notes");

    assertThat(deliveries.refusals())
        .containsExactlyEntriesOf(java.util.Map.of("rate_limited", 2L));
  }

  @Test
  @DisplayName("the open loop's schedule: change n is due n/rate s in; the warm-up's come first")
  void schedule() {
    assertThat(OpenLoop.dueAt(0, 200)).isZero();
    assertThat(OpenLoop.dueAt(200, 200)).isEqualTo(1_000_000_000L);
    assertThat(OpenLoop.dueAt(3, 4_000)).isEqualTo(750_000L);
    assertThat(OpenLoop.firstMeasured(200, 5)).isEqualTo(1_000);
  }
}
