package io.atelier.application;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * LM7: how many workshops each client address may create (or import) in any sliding hour on this
 * node. Each address keeps the times of its last creations, at most the quota of them; an address
 * whose every creation is older than an hour is forgotten (swept as creations come in), and the
 * table holds at most {@code maxAddresses} entries, the least recently active going first. So its
 * memory is bounded however many addresses an attacker uses: at worst an evicted address starts its
 * hour again, which costs that attacker's own addresses only.
 */
public final class CreationQuota {
  static final long HOUR_NANOS = 3_600_000_000_000L;

  /** Far more networks than create workshops on one node in an hour. */
  static final int DEFAULT_MAX_ADDRESSES = 10_000;

  private final int perHour;
  private final int maxAddresses;
  private final LongSupplier nanos;
  private final LinkedHashMap<String, ArrayDeque<Long>> recent;

  public CreationQuota(int perHour, LongSupplier nanos) {
    this(perHour, DEFAULT_MAX_ADDRESSES, nanos);
  }

  CreationQuota(int perHour, int maxAddresses, LongSupplier nanos) {
    this.perHour = perHour;
    this.maxAddresses = maxAddresses;
    this.nanos = nanos;
    // Access order: the eldest entry is the address that created nothing for the longest.
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Long>> eldest) {
            return size() > CreationQuota.this.maxAddresses;
          }
        };
  }

  /**
   * Counts a creation by {@code address}: 0 when it may go ahead, otherwise how many milliseconds
   * until its oldest creation of the hour is an hour old.
   */
  public synchronized long refusal(String address) {
    long now = nanos.getAsLong();
    sweep(now);
    ArrayDeque<Long> times = recent.computeIfAbsent(address, key -> new ArrayDeque<>());
    while (!times.isEmpty() && now - times.peekFirst() >= HOUR_NANOS) {
      times.removeFirst();
    }
    if (times.size() >= perHour) {
      return Math.max(1, (times.peekFirst() + HOUR_NANOS - now + 999_999) / 1_000_000);
    }
    times.addLast(now);
    return 0;
  }

  /** How many addresses are remembered now. */
  public synchronized int addresses() {
    return recent.size();
  }

  /**
   * Forgets the addresses whose latest creation is an hour old. The map is in access order, so the
   * sweep stops at the first address still within its hour.
   */
  private void sweep(long now) {
    Iterator<ArrayDeque<Long>> entries = recent.values().iterator();
    while (entries.hasNext()) {
      ArrayDeque<Long> times = entries.next();
      if (!times.isEmpty() && now - times.peekLast() < HOUR_NANOS) {
        return;
      }
      entries.remove();
    }
  }
}
