package io.atelier.application;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * LM2: one socket's pointer moves, relayed at most {@code perSecond} times a second. A move that
 * comes sooner is not refused but kept, replacing any kept before it, and goes out when the
 * interval is over: so the others see the pointer where it stopped, never where it was a moment
 * before. It holds one position and one pending timer at most.
 *
 * @param <T> what is relayed (a pointer position)
 */
public final class CursorThrottle<T> {
  private final long intervalNanos;
  private final LongSupplier nanos;
  private final Timers timers;
  private final Consumer<T> forward;
  private T kept;
  private boolean scheduled;
  private boolean stopped;
  private long sentAt;
  private boolean sentOnce;

  public CursorThrottle(int perSecond, LongSupplier nanos, Timers timers, Consumer<T> forward) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be at least 1");
    }
    this.intervalNanos = 1_000_000_000L / perSecond;
    this.nanos = nanos;
    this.timers = timers;
    this.forward = forward;
  }

  /** The latest position: relayed now, or kept until the interval since the last one is over. */
  public synchronized void offer(T position) {
    if (stopped) {
      return;
    }
    kept = position;
    if (scheduled) {
      return; // the timer already waiting sends whatever is kept when it fires
    }
    long wait = sentOnce ? sentAt + intervalNanos - nanos.getAsLong() : 0;
    if (wait <= 0) {
      send();
    } else {
      scheduled = true;
      timers.schedule((wait + 999_999) / 1_000_000, this::due);
    }
  }

  /** The socket is gone (CU2): whatever is kept is dropped, and a pending timer does nothing. */
  public synchronized void stop() {
    stopped = true;
    kept = null;
  }

  private synchronized void due() {
    scheduled = false;
    if (!stopped && kept != null) {
      send();
    }
  }

  private void send() {
    T position = kept;
    kept = null;
    sentAt = nanos.getAsLong();
    sentOnce = true;
    forward.accept(position);
  }
}
