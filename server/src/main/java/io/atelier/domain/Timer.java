package io.atelier.domain;

import java.io.Serializable;

/**
 * The facilitator's countdown, kept as a deadline rather than a ticking number (TM1): every client,
 * on any node and after any reconnect, computes what is left from the same instant, so nobody's
 * timer drifts. A paused timer keeps what was left instead.
 */
public record Timer(Status status, long durationMs, Long deadline, Long remainingMs)
    implements Serializable {
  public static final Timer STOPPED = new Timer(Status.STOPPED, 0, null, null);
  public static final long MAX_MS = 10L * 60 * 60 * 1000;

  public enum Status {
    STOPPED,
    RUNNING,
    PAUSED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status fromCode(String code) {
      for (Status status : values()) {
        if (status.code().equals(code)) {
          return status;
        }
      }
      throw new InvalidValueException("unknown timer status " + code);
    }
  }

  public Timer {
    if (status == null) {
      throw new InvalidValueException("timer status is required");
    }
    if ((status == Status.RUNNING) != (deadline != null)
        || (status == Status.PAUSED) != (remainingMs != null)) {
      throw new InvalidValueException("a running timer has a deadline, a paused one what is left");
    }
  }

  static Timer start(long durationMs, long now) {
    return new Timer(Status.RUNNING, durationMs, now + durationMs, null);
  }

  Timer pause(long now) {
    return status != Status.RUNNING
        ? this
        : new Timer(Status.PAUSED, durationMs, null, Math.max(0, deadline - now));
  }

  Timer resume(long now) {
    return status != Status.PAUSED
        ? this
        : new Timer(Status.RUNNING, durationMs, now + remainingMs, null);
  }

  /** Adds time; on a stopped (or ended) timer it starts a new countdown of that length. */
  Timer add(long ms, long now) {
    if (status == Status.RUNNING && deadline > now) {
      return new Timer(Status.RUNNING, durationMs + ms, deadline + ms, null);
    }
    if (status == Status.PAUSED) {
      return new Timer(Status.PAUSED, durationMs + ms, null, remainingMs + ms);
    }
    return start(ms, now);
  }
}
