package io.atelier.adapter.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When this node's writer last committed each workshop's {@code last_active}, so that a workshop
 * that changes many times a second has its row and its {@code last_active} index entry rewritten at
 * most once per {@link #PRECISION_MS}: on SQLite each rewrite is two more pages in the commit's
 * write-ahead log, as many as the event itself costs. {@code last_active} only serves the expiry
 * ({@code ATELIER_EXPIRE_AFTER_DAYS}, counted in days), so being up to a minute behind changes
 * nothing it decides. Another node touching the same workshop only makes the value newer. Writer
 * thread only.
 */
final class RecentTouches {
  /** How far behind the last change {@code last_active} may be. */
  static final long PRECISION_MS = 60_000;

  /** Beyond this many workshops the memory starts again: a touch too many costs little. */
  static final int MAX_REMEMBERED = 10_000;

  private final Map<String, Long> touchedAt = new HashMap<>();

  /** Whether a committed touch of the workshop at {@code now} would change nothing that counts. */
  boolean isRecent(String workshopId, long now) {
    Long at = touchedAt.get(workshopId);
    return at != null && now >= at && now - at < PRECISION_MS;
  }

  /** The touches of a transaction that is now committed. */
  void committed(List<String> workshopIds, long at) {
    if (touchedAt.size() + workshopIds.size() > MAX_REMEMBERED) {
      touchedAt.clear();
    }
    for (String workshopId : workshopIds) {
      touchedAt.put(workshopId, at);
    }
  }
}
