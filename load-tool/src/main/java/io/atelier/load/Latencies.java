package io.atelier.load;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/** Latency samples in nanoseconds, kept whole so that percentiles are exact. */
final class Latencies {
  private long[] samples = new long[1 << 12];
  private int count;

  synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return new Summary(
        count,
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        count == 0 ? 0 : sorted[count - 1] / 1e6);
  }

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code quantile} of the samples
   * at or below it, so that a p99 of 100 samples is the 99th, never an interpolation between two.
   */
  static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** Milliseconds. */
  record Summary(int count, double p50, double p95, double p99, double max) {
    @Override
    public String toString() {
      return String.format(
          "n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", count, p50, p95, p99, max);
    }

    JsonObject json() {
      return new JsonObject()
          .put("n", count)
          .put("p50Ms", round(p50))
          .put("p95Ms", round(p95))
          .put("p99Ms", round(p99))
          .put("maxMs", round(max));
    }

    private static double round(double millis) {
      return Math.round(millis * 1000) / 1000.0;
    }
  }
}
