package io.atelier.adapter.jdbc;

import java.util.concurrent.TimeUnit;

/**
 * When the journal writer gathers its next batch. While writes come one at a time, at once: a lone
 * change waits for no one. Once they come together (the last batch held two or more), the writer
 * lets at least {@link #SPACING_NANOS} pass between the starts of two commits, so that what arrives
 * meanwhile joins the next one. This is PostgreSQL's {@code commit_delay} with {@code
 * commit_siblings}: every commit costs an {@code fsync}, a page or two per workshop, and a
 * hand-over to the completions thread, whatever it holds, so a busy node pays fewer of them for the
 * same writes. At 4,000 changes a second in 50 rooms the writer committed 2.9 changes at a time;
 * paced, the node spent less of its one core (docs/performance.md, "commit pacing").
 *
 * <p>Not thread-safe: the writer thread alone uses it.
 */
final class CommitPacing {
  /** The least time between the starts of two commits once writes come together: 1,000 a second. */
  static final long SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** How many writes the last batch must have held for the next one to wait. */
  static final int SIBLINGS = 2;

  private long lastStart;
  private int lastSize;

  /** How long to wait, at {@code now} (in {@link System#nanoTime()}), before gathering a batch. */
  long delayNanos(long now) {
    if (lastSize < SIBLINGS) {
      return 0;
    }
    return Math.max(0, lastStart + SPACING_NANOS - now);
  }

  /** A commit of {@code size} writes starts at {@code now}. */
  void started(long now, int size) {
    lastStart = now;
    lastSize = size;
  }
}
