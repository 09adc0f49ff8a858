package io.atelier.application;

import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where workshops are made durable: their facts at creation, then every committed event. Writes are
 * batched (group commit): a stage completes once its batch is committed to disk, so an
 * acknowledgement sent after it means "durable" without one disk sync per change. A checkpoint now
 * and then bounds what a restart replays.
 */
public interface WorkshopJournal extends AutoCloseable {
  /** Durable once complete; fails with {@link IllegalStateException} if the id is taken. */
  CompletionStage<Void> create(WorkshopFacts facts);

  /** Durable once complete. Events of one workshop, in revision order. */
  CompletionStage<Void> append(WorkshopId id, List<Event> events);

  /** Replaces the workshop's checkpoint; events at or below its revision may then be dropped. */
  CompletionStage<Void> checkpoint(Checkpoint checkpoint);

  /**
   * Reads a workshop back: its facts, its latest checkpoint and the events after it, in revision
   * order. Empty when the journal has no such workshop. Blocking: stores call it from a loader
   * thread, never from an event loop.
   *
   * @throws JournalException when the journal cannot be read, or holds a corrupt record for it
   */
  Optional<JournaledWorkshop> load(WorkshopId id);

  /**
   * The workshops with no change since {@code cutoff} (creation counts as a change): what an expiry
   * may delete. Blocking, like {@link #load}.
   *
   * @throws JournalException when the journal cannot be read
   */
  List<WorkshopId> idleSince(Instant cutoff);

  /** Removes the workshop and everything about it; durable once complete. */
  CompletionStage<Void> delete(WorkshopId id);

  /** Commits what is queued, then releases the store. */
  @Override
  void close();
}
