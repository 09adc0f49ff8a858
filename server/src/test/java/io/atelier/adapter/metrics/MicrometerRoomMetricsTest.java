package io.atelier.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.RejectionCode;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The adapter alone, on Micrometer's in-memory registry: given durations, no clock read. */
class MicrometerRoomMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerRoomMetrics metrics = new MicrometerRoomMetrics(registry);

  @Test
  @DisplayName("an applied change counts once and falls in the first SLO bucket that holds it")
  void appliedChange() {
    metrics.changeApplied(TimeUnit.MILLISECONDS.toNanos(3));
    metrics.changeApplied(TimeUnit.MICROSECONDS.toNanos(400));
    metrics.changeApplied(TimeUnit.MILLISECONDS.toNanos(300));

    assertThat(registry.get("atelier.changes.applied").counter().count()).isEqualTo(3);
    Timer latency = registry.get("atelier.change.latency").timer();
    assertThat(latency.count()).isEqualTo(3);
    assertThat(cumulative(latency, Duration.ofMillis(1))).isEqualTo(1);
    assertThat(cumulative(latency, Duration.ofMillis(2))).isEqualTo(1);
    assertThat(cumulative(latency, Duration.ofMillis(5))).isEqualTo(2);
    assertThat(cumulative(latency, Duration.ofMillis(250))).isEqualTo(2);
    assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(300);
  }

  @Test
  @DisplayName("the latency's buckets are the SLOs 1 to 250 ms, the journal's 1 ms to 1 s")
  void buckets() {
    metrics.changeApplied(1);
    metrics.eventsJournaled(1);
    assertThat(bounds(registry.get("atelier.change.latency").timer()))
        .containsExactly(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 250.0);
    assertThat(bounds(registry.get("atelier.journal.write").timer()))
        .containsExactly(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 250.0, 500.0, 1000.0);
  }

  @Test
  @DisplayName("every refusal code has its counter from the start; a refusal counts under its own")
  void refusalsByCode() {
    metrics.changeRefused(RejectionCode.LOCKED);
    metrics.changeRefused(RejectionCode.LOCKED);
    metrics.changeRefused(RejectionCode.READ_ONLY);

    metrics.changeRateLimited();

    // The enum's codes and LM1's rate_limited: a bounded set, all there before any refusal.
    assertThat(registry.get("atelier.changes.refused").counters())
        .hasSize(RejectionCode.values().length + 1);
    assertThat(refused("locked")).isEqualTo(2);
    assertThat(refused("read_only")).isEqualTo(1);
    assertThat(refused("rate_limited")).isEqualTo(1);
    assertThat(refused("unknown_note")).isZero();
    assertThat(registry.get("atelier.changes.applied").counter().count()).isZero();
  }

  @Test
  @DisplayName("the fan-out gauge is the frames queued and not yet written, over every socket")
  void pendingFrames() {
    for (int i = 0; i < 5; i++) {
      metrics.frameQueued();
    }
    metrics.frameWritten();
    metrics.frameWritten();
    assertThat(registry.get("atelier.fanout.pending").gauge().value()).isEqualTo(3);
    metrics.frameWritten();
    metrics.frameWritten();
    metrics.frameWritten();
    assertThat(registry.get("atelier.fanout.pending").gauge().value()).isZero();
  }

  @Test
  @DisplayName("LM11 a slow reader's drop counts on its own counter, at 0 from the start")
  void slowReaders() {
    assertThat(registry.get("atelier.slow.readers.dropped").counter().count()).isZero();
    metrics.slowReaderDropped();
    assertThat(registry.get("atelier.slow.readers.dropped").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a journal write is timed on its own timer, not the change latency's")
  void journalWrites() {
    metrics.eventsJournaled(TimeUnit.MILLISECONDS.toNanos(7));
    Timer journal = registry.get("atelier.journal.write").timer();
    assertThat(journal.count()).isEqualTo(1);
    assertThat(journal.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7);
    assertThat(cumulative(journal, Duration.ofMillis(5))).isZero();
    assertThat(cumulative(journal, Duration.ofMillis(10))).isEqualTo(1);
    assertThat(registry.get("atelier.change.latency").timer().count()).isZero();
  }

  private double refused(String code) {
    return registry.get("atelier.changes.refused").tag("code", code).counter().count();
  }

  private static double cumulative(Timer timer, Duration bound) {
    return Arrays.stream(timer.takeSnapshot().histogramCounts())
        .filter(bucket -> bucket.bucket(TimeUnit.NANOSECONDS) == bound.toNanos())
        .findFirst()
        .map(CountAtBucket::count)
        .orElseThrow(() -> new AssertionError("no bucket at " + bound));
  }

  private static double[] bounds(Timer timer) {
    return Arrays.stream(timer.takeSnapshot().histogramCounts())
        .mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
        .toArray();
  }
}
