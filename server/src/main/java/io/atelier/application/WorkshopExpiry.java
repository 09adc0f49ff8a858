package io.atelier.application;

import io.atelier.domain.WorkshopId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional expiry ({@code ATELIER_EXPIRE_AFTER_DAYS}): now and then, one node (the oldest
 * member, or the only one) deletes the workshops nobody has changed for that long, everywhere.
 */
public final class WorkshopExpiry {
  private static final Logger LOG = LoggerFactory.getLogger(WorkshopExpiry.class);
  private static final Duration LONGEST_INTERVAL = Duration.ofHours(1);
  private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);

  private final WorkshopJournal journal;
  private final WorkshopService workshops;
  private final Duration after;
  private final Clock clock;
  private final BooleanSupplier sweepsHere;

  public WorkshopExpiry(
      WorkshopJournal journal,
      WorkshopService workshops,
      Duration after,
      Clock clock,
      BooleanSupplier sweepsHere) {
    this.journal = journal;
    this.workshops = workshops;
    this.after = after;
    this.clock = clock;
    this.sweepsHere = sweepsHere;
  }

  /** How often to sweep: a quarter of the expiry, at most hourly. */
  public Duration interval() {
    Duration quarter = after.dividedBy(4);
    if (quarter.compareTo(LONGEST_INTERVAL) > 0) {
      return LONGEST_INTERVAL;
    }
    return quarter.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : quarter;
  }

  /** One sweep; blocking (it reads the journal). Answers how many workshops it deleted. */
  public int sweep() {
    if (!sweepsHere.getAsBoolean()) {
      return 0;
    }
    List<WorkshopId> idle = journal.idleSince(clock.instant().minus(after));
    for (WorkshopId id : idle) {
      workshops.expire(id).toCompletableFuture().join();
      LOG.info("Workshop {} expired: no change for {}", id.value(), after);
    }
    return idle.size();
  }
}
