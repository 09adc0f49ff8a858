package io.atelier.application;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * LM11: what one socket was handed and has not yet written to the network, counted from the moment
 * a message is handed over (on any thread) to the moment it has left for the network or was
 * discarded (on the socket's own thread). That one count covers every queue in between: the
 * socket's event-loop tasks, Vert.x's outbound queue and Netty's buffer. Its memory is three longs
 * and a flag, whatever the reader does.
 *
 * <p>Two ways to fall too far behind: a message that would take the backlog above the cap is
 * refused at once; and a backlog that stays above the high-water mark longer than the grace period
 * is noticed at the next message written. The clock is read only above the mark, never per message
 * of a reader that keeps up, and no timer runs.
 */
final class WriteBacklog {
  private final long markChars;
  private final long capChars;
  private final long graceNanos;
  private final LongSupplier nanos;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();
  // The socket's thread only: when the backlog was last seen going above the mark.
  private boolean above;
  private long aboveSince;

  WriteBacklog(long markChars, long capChars, long graceNanos, LongSupplier nanos) {
    this.markChars = markChars;
    this.capChars = capChars;
    this.graceNanos = graceNanos;
    this.nanos = nanos;
  }

  /**
   * Any thread: counts a message handed over, or refuses it when it would take the backlog above
   * the cap. A message alone is always taken, whatever its size: a large workshop's snapshot must
   * reach a newcomer, and it is already in memory.
   */
  boolean offer(int chars) {
    while (true) {
      long before = queued.get();
      long after = before + chars;
      if (before > 0 && after > capChars) {
        return false;
      }
      if (queued.compareAndSet(before, after)) {
        if (after > peak.get()) {
          peak.accumulateAndGet(after, Math::max);
        }
        return true;
      }
    }
  }

  /** The socket's thread: a message counted by {@link #offer} has left, or was discarded. */
  void gone(int chars) {
    if (queued.addAndGet(-chars) <= markChars) {
      above = false;
    }
  }

  /**
   * The socket's thread, before a write: whether the backlog has been above the high-water mark for
   * longer than the grace period, without coming back under it.
   */
  boolean behindTooLong() {
    if (queued.get() <= markChars) {
      above = false;
      return false;
    }
    long now = nanos.getAsLong();
    if (!above) {
      above = true;
      aboveSince = now;
    }
    return now - aboveSince > graceNanos;
  }

  /** Characters handed over and not yet written. */
  long queued() {
    return queued.get();
  }

  /** The largest backlog this socket ever had. */
  long peak() {
    return peak.get();
  }
}
