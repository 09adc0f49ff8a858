package io.atelier.application;

import java.util.function.LongSupplier;

/**
 * A token bucket: it holds at most {@code capacity} tokens and gains {@code perSecond} of them a
 * second; each allowed action takes one. So a client may do {@code capacity} things at once, then
 * {@code perSecond} a second for as long as it likes. The time is a monotonic nanosecond counter
 * given by the caller ({@code System::nanoTime} on a node), so that tests move it by hand.
 */
public final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double perSecond;
  private final double capacity;
  private final LongSupplier nanos;
  private double tokens;
  private long refilledAt;

  public TokenBucket(double perSecond, double capacity, LongSupplier nanos) {
    if (!(perSecond > 0) || !(capacity >= 1)) {
      throw new IllegalArgumentException("a bucket needs a positive rate and room for one token");
    }
    this.perSecond = perSecond;
    this.capacity = capacity;
    this.nanos = nanos;
    this.tokens = capacity;
    this.refilledAt = nanos.getAsLong();
  }

  /** Takes a token if there is one: whether the action may go ahead. */
  public synchronized boolean tryTake() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** How long until a token is there: 0 when one is there now. */
  public synchronized long millisUntilToken() {
    refill();
    if (tokens >= 1) {
      return 0;
    }
    // Less a hair, so that a float's last bit does not add a millisecond.
    return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / perSecond - 1e-6));
  }

  /** Whether the bucket is full again: nothing taken lately, so nothing to remember. */
  public synchronized boolean full() {
    refill();
    return tokens >= capacity;
  }

  private void refill() {
    long now = nanos.getAsLong();
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * perSecond / NANOS_PER_SECOND);
      refilledAt = now;
    }
  }
}
