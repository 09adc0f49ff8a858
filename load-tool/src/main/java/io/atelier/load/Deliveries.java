package io.atelier.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accounting of one measured window: when each of its changes was sent, and every delivery of
 * it to a peer (the author's own copy is not a delivery). A change's id is the window's prefix and
 * its number, so a delivery finds its send time without a map; deliveries of another window's
 * changes are ignored. Lost is what was expected and never arrived; a duplicate never counts as a
 * delivery ({@link LoadClient} drops it).
 */
final class Deliveries {
  private final String prefix;
  private long[] sentAt = new long[1 << 12];
  private long expected;
  private long received;
  private long measuredSends;
  private final Latencies latencies = new Latencies();
  private final Map<String, Long> refusals = new TreeMap<>();

  Deliveries(String prefix) {
    this.prefix = prefix;
  }

  String changeId(long n) {
    return prefix + n;
  }

  /** Change {@code n} went out at {@code nanos}, to be delivered to {@code peers} others. */
  synchronized void sent(long n, long nanos, int peers) {
    if (n >= sentAt.length) {
      sentAt = Arrays.copyOf(sentAt, (int) Math.max(sentAt.length * 2L, n + 1));
    }
    sentAt[(int) n] = nanos;
    expected += peers;
    measuredSends++;
  }

  /** A peer got change {@code changeId} at {@code nanos}; false when it is not this window's. */
  synchronized boolean delivered(String changeId, long nanos) {
    long n = numberOf(changeId);
    if (n < 0 || n >= sentAt.length || sentAt[(int) n] == 0) {
      return false; // Another window's change, or one sent during the warm-up.
    }
    latencies.record(nanos - sentAt[(int) n]);
    received++;
    return true;
  }

  /** The server refused one of this window's changes (CH3), e.g. for its rate (LM1). */
  synchronized void refused(String changeId, String code) {
    if (numberOf(changeId) >= 0) {
      refusals.merge(code, 1L, Long::sum);
    }
  }

  private long numberOf(String changeId) {
    if (changeId == null || !changeId.startsWith(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(changeId, prefix.length(), changeId.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  synchronized boolean complete() {
    return received >= expected;
  }

  synchronized long expected() {
    return expected;
  }

  synchronized long received() {
    return received;
  }

  synchronized long measuredSends() {
    return measuredSends;
  }

  synchronized Map<String, Long> refusals() {
    return new TreeMap<>(refusals);
  }

  Latencies.Summary latency() {
    return latencies.summary();
  }
}
