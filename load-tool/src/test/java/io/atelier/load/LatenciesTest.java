package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  @DisplayName("percentiles are nearest-rank: of 1 to 100 ms, p50 is 50, p95 95, p99 99, max 100")
  void nearestRank() {
    Latencies latencies = new Latencies();
    for (int ms = 100; ms >= 1; ms--) { // Recorded out of order: the summary sorts.
      latencies.record(ms * 1_000_000L);
    }

    Latencies.Summary summary = latencies.summary();

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isEqualTo(50.0);
    assertThat(summary.p95()).isEqualTo(95.0);
    assertThat(summary.p99()).isEqualTo(99.0);
    assertThat(summary.max()).isEqualTo(100.0);
  }

  @Test
  @DisplayName("one slow sample in a thousand is p99's business only at its rank: p99 stays low")
  void oneOutlier() {
    Latencies latencies = new Latencies();
    for (int i = 0; i < 999; i++) {
      latencies.record(2_000_000L);
    }
    latencies.record(500_000_000L);

    Latencies.Summary summary = latencies.summary();

    assertThat(summary.p99()).isEqualTo(2.0);
    assertThat(summary.max()).isEqualTo(500.0);
  }

  @Test
  @DisplayName("a single sample is every percentile; none gives zeros, not an error")
  void smallCounts() {
    Latencies one = new Latencies();
    one.record(1_500_000L);
    assertThat(one.summary())
        .extracting("p50", "p95", "p99", "max")
        .containsExactly(1.5, 1.5, 1.5, 1.5);

    assertThat(new Latencies().summary())
        .extracting("count", "p50", "p99", "max")
        .containsExactly(0, 0.0, 0.0, 0.0);
  }

  @Test
  @DisplayName("more samples than the first array holds are all kept, and the JSON is in ms")
  void grows() {
    Latencies latencies = new Latencies();
    for (int i = 1; i <= 10_000; i++) {
      latencies.record(i * 1_000L);
    }

    Latencies.Summary summary = latencies.summary();

    assertThat(summary.count()).isEqualTo(10_000);
    assertThat(summary.p99()).isEqualTo(9.9);
    assertThat(summary.json().getDouble("maxMs")).isEqualTo(10.0);
    assertThat(summary.json().getInteger("n")).isEqualTo(10_000);
  }
}
