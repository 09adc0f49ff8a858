package io.atelier.application;

import io.atelier.domain.WorkshopLimits;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What every socket of a node is held to (LM1, LM2) and what it asks the workshop to hold to (LM5,
 * LM6), with the node's timers and monotonic clock. Each {@link RoomSession} makes its own meters
 * from it, so that one socket's flood never spends another's allowance.
 */
public record SessionLimits(
    int changesPerSecond,
    int changesBurst,
    int cursorsPerSecond,
    WorkshopLimits workshop,
    Timers timers,
    LongSupplier nanos) {

  /** LM1: the meter of one socket's changes. */
  ChangeRate changeRate() {
    return new ChangeRate(changesPerSecond, changesBurst, nanos);
  }

  /** LM2: the throttle of one socket's pointer. */
  <T> CursorThrottle<T> cursorThrottle(Consumer<T> forward) {
    return new CursorThrottle<>(cursorsPerSecond, nanos, timers, forward);
  }
}
