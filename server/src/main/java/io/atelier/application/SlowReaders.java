package io.atelier.application;

import java.util.concurrent.atomic.AtomicLong;

/**
 * LM11, node-wide: the sockets this node dropped because their reader fell too far behind, and the
 * largest backlog any of them reached. A dropped socket is told why (4010) and reconnects by
 * itself; these counts are for the operator and for the tests that show the backlog stays bounded.
 */
public final class SlowReaders {
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong largestBacklog = new AtomicLong();

  void dropped(long backlogPeakChars) {
    dropped.incrementAndGet();
    largestBacklog.accumulateAndGet(backlogPeakChars, Math::max);
  }

  /** Sockets dropped since the node started. */
  public long dropped() {
    return dropped.get();
  }

  /** The largest backlog, in characters, that a dropped socket ever had queued. */
  public long largestBacklog() {
    return largestBacklog.get();
  }
}
