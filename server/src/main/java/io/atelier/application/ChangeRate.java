package io.atelier.application;

import java.util.function.LongSupplier;

/**
 * LM1: how many changes (and catch-up requests) one socket may send. Within the rate, the answer is
 * 0 and the change goes ahead; beyond it, the answer is how many milliseconds the client must wait,
 * and every change of the socket is refused until then, at least {@link #MIN_WAIT_MILLIS}. That
 * wait keeps a client's order: the changes it sent before it heard of the refusal arrive within the
 * wait and are refused too, so that when it sends the refused ones again, in order, nothing it sent
 * later has gone ahead of them.
 */
public final class ChangeRate {
  /** Longer than a round trip on any network a workshop runs on. */
  static final long MIN_WAIT_MILLIS = 1_000;

  private final TokenBucket bucket;
  private final LongSupplier nanos;
  private long waitUntilNanos;
  private boolean waiting;

  public ChangeRate(int perSecond, int burst, LongSupplier nanos) {
    this.bucket = new TokenBucket(perSecond, burst, nanos);
    this.nanos = nanos;
  }

  /** 0 when a change may go ahead now (and it is counted); otherwise the wait in milliseconds. */
  public synchronized long refusal() {
    long now = nanos.getAsLong();
    if (waiting && now - waitUntilNanos < 0) {
      return Math.max(1, (waitUntilNanos - now + 999_999) / 1_000_000);
    }
    waiting = false;
    if (bucket.tryTake()) {
      return 0;
    }
    long wait = Math.max(MIN_WAIT_MILLIS, bucket.millisUntilToken());
    waiting = true;
    waitUntilNanos = now + wait * 1_000_000;
    return wait;
  }
}
