package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RampPlanTest {
  private static final ServerProbe.Usage NO_USAGE = new ServerProbe.Usage(List.of(), 0, 0);

  @Test
  @DisplayName("steps grow by the factor, rounded, and stop before passing the maximum")
  void steps() {
    RampPlan plan = new RampPlan(1_000, 1.25, 3_000, 50);

    assertThat(plan.rates()).containsExactly(1_000, 1_250, 1_563, 1_954, 2_443);
    assertThat(plan.next(2_443)).isEmpty();
  }

  @Test
  @DisplayName("a small rate still grows by at least one change a second")
  void smallRates() {
    RampPlan plan = new RampPlan(1, 1.25, 5, 50);

    assertThat(plan.rates()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  @DisplayName("a step holds when p99 is within the bound and nothing is lost, refused or doubled")
  void held() {
    RampPlan plan = new RampPlan(100, 2, 1_000, 50);

    assertThat(plan.failure(step(50.0, 900, 900, 0, Map.of()))).isNull();
  }

  @Test
  @DisplayName("a step fails for its p99, its losses, its refusals and its duplicates, each named")
  void failures() {
    RampPlan plan = new RampPlan(100, 2, 1_000, 50);

    assertThat(plan.failure(step(50.01, 900, 900, 0, Map.of())))
        .isEqualTo("p99 50.01 ms above 50 ms");
    assertThat(plan.failure(step(3.0, 900, 897, 0, Map.of()))).isEqualTo("3 lost");
    assertThat(plan.failure(step(3.0, 900, 900, 2, Map.of()))).isEqualTo("2 duplicated");
    assertThat(plan.failure(step(80.0, 900, 891, 0, Map.of("rate_limited", 1L))))
        .isEqualTo("p99 80.00 ms above 50 ms, 9 lost, 1 refused [rate_limited]");
  }

  @Test
  @DisplayName("a plan that cannot ramp is refused: factor at most 1, start above the maximum")
  void invalid() {
    assertThatThrownBy(() -> new RampPlan(100, 1.0, 1_000, 50)).hasMessageContaining("--step");
    assertThatThrownBy(() -> new RampPlan(2_000, 1.25, 1_000, 50))
        .hasMessageContaining("--max-rate");
  }

  private static WindowResult step(
      double p99, long expected, long received, long duplicated, Map<String, Long> refusals) {
    Latencies.Summary latency = new Latencies.Summary((int) received, 1, 2, p99, p99 + 1);
    Latencies.Summary lateness = new Latencies.Summary(100, 0, 0, 0, 0);
    return new WindowResult(
        1,
        10,
        1,
        Edits.Kind.FULL,
        100,
        1,
        5,
        5,
        latency,
        expected,
        received,
        duplicated,
        refusals,
        lateness,
        NO_USAGE);
  }
}
