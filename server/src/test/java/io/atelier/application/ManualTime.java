package io.atelier.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/** A monotonic clock and timers that a test moves by hand: nothing here waits. */
final class ManualTime implements LongSupplier, Timers {
  private record Due(long atNanos, Runnable task) {}

  private long nanos = 1_000_000_000_000L; // any start: only differences count
  private final List<Due> timers = new ArrayList<>();

  @Override
  public long getAsLong() {
    return nanos;
  }

  @Override
  public void schedule(long delayMillis, Runnable task) {
    timers.add(new Due(nanos + delayMillis * 1_000_000, task));
  }

  int pendingTimers() {
    return timers.size();
  }

  /** Moves the clock on, running each timer that falls due at its own time, in order. */
  void advanceMillis(long millis) {
    long end = nanos + millis * 1_000_000;
    while (true) {
      Due next =
          timers.stream()
              .filter(d -> d.atNanos() <= end)
              .min(Comparator.comparingLong(Due::atNanos))
              .orElse(null);
      if (next == null) {
        break;
      }
      timers.remove(next);
      nanos = Math.max(nanos, next.atNanos());
      next.task().run();
    }
    nanos = end;
  }
}
