package io.atelier.application;

import java.util.function.LongSupplier;

/**
 * LM3: one socket's messages of every kind, counted before they are even read. A socket may send
 * {@code perSecond} a second for ever, and {@code perSecond × seconds} more in a rush (a tab
 * sending again what it could not send while offline); one that sends beyond that is flooding, and
 * stays so: its connection is closed, never its frames merely dropped.
 */
public final class FloodMeter {
  private final TokenBucket bucket;
  private boolean flooding;

  public FloodMeter(int perSecond, int seconds, LongSupplier nanos) {
    this.bucket = new TokenBucket(perSecond, (double) perSecond * seconds, nanos);
  }

  /** Counts one message: false once the socket has flooded, for this one and every later one. */
  public synchronized boolean admit() {
    if (!flooding && !bucket.tryTake()) {
      flooding = true;
    }
    return !flooding;
  }
}
