package io.atelier.application;

import io.atelier.domain.Event;
import io.atelier.domain.Outcome;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store whose answers wait for durability: the events an operation commits are appended to the
 * journal (group commit), and only then does the caller get the result, so an {@code ack} or a
 * peer's event is never sent for a change that a crash could lose. Every {@link #CHECKPOINT_EVERY}
 * revisions a checkpoint bounds what a restart replays.
 *
 * <p>Each workshop checkpoints at its own phase of that cycle, set by its id ({@link
 * #firstCheckpoint}): workshops that move in step, as a room's sub-groups do when the facilitator
 * opens the canvases, would otherwise all come due at once, and a burst of 50 checkpoints (each the
 * whole workshop with the ids of its last 10,000 changes) held every change of the node behind it
 * (ADR 0023).
 */
public final class JournalingWorkshopStore implements WorkshopStore {
  public static final int CHECKPOINT_EVERY = 500;
  private static final Logger LOG = LoggerFactory.getLogger(JournalingWorkshopStore.class);

  private final WorkshopStore memory;
  private final WorkshopJournal journal;
  private final RoomMetrics metrics;

  public JournalingWorkshopStore(WorkshopStore memory, WorkshopJournal journal) {
    this(memory, journal, RoomMetrics.NONE);
  }

  /** {@code metrics} hears how long each append waited for its commit (GET /metrics). */
  public JournalingWorkshopStore(
      WorkshopStore memory, WorkshopJournal journal, RoomMetrics metrics) {
    this.memory = memory;
    this.journal = journal;
    this.metrics = metrics;
  }

  /** Durable first: a workshop whose creation was answered 201 survives any restart. */
  @Override
  public CompletionStage<Void> create(WorkshopState state) {
    return journal.create(state.facts()).thenCompose(durable -> memory.create(state));
  }

  /** Each workshop's events are made durable before the whole answer is given. */
  @Override
  public <R> CompletionStage<Map<WorkshopId, R>> executeOnAll(WorkshopOperation<R> operation) {
    return memory
        .executeOnAll(operation)
        .thenCompose(
            results -> {
              List<CompletableFuture<Void>> appends = new ArrayList<>();
              results.forEach((id, result) -> appends.add(appendEventsOf(id, operation, result)));
              return CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new))
                  .thenApply(durable -> results);
            });
  }

  /** From disk first: once answered, no restart can bring the workshop back. */
  @Override
  public CompletionStage<Boolean> delete(WorkshopId id) {
    return journal.delete(id).thenCompose(gone -> memory.delete(id));
  }

  @Override
  public <R> CompletionStage<Optional<R>> execute(WorkshopId id, WorkshopOperation<R> operation) {
    return memory
        .execute(id, operation)
        .thenCompose(
            result -> {
              if (result.isEmpty()) {
                return CompletableFuture.completedFuture(result);
              }
              if (result.get() instanceof Outcome.Duplicate duplicate) {
                return ensureDurable(id, duplicate).thenApply(durable -> result);
              }
              return appendEventsOf(id, operation, result.get()).thenApply(durable -> result);
            });
  }

  /** Appends what one result commits (nothing for most reads), then checkpoints when due. */
  private <R> CompletableFuture<Void> appendEventsOf(
      WorkshopId id, WorkshopOperation<R> operation, R result) {
    List<Event> events = operation.eventsOf(result);
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    long started = System.nanoTime();
    return journal
        .append(id, events)
        .thenRun(
            () -> {
              metrics.eventsJournaled(System.nanoTime() - started);
              checkpointIfDue(id, events);
            })
        .toCompletableFuture();
  }

  /**
   * A change sent again is acknowledged again (CH2); its first append may have failed (the journal
   * was down), so it is appended once more before that ack. Already journaled is fine.
   */
  private CompletionStage<Void> ensureDurable(WorkshopId id, Outcome.Duplicate duplicate) {
    return memory
        .execute(id, new WorkshopOperation.ReadEventAt(duplicate.revision()))
        .thenCompose(
            events -> {
              List<Event> again = events.orElse(List.of());
              if (again.isEmpty()) {
                // Older than the history: journaled long ago, or covered by a checkpoint.
                return CompletableFuture.completedFuture(null);
              }
              return journal
                  .append(id, again)
                  .exceptionally(
                      error -> {
                        Throwable cause =
                            error instanceof CompletionException ? error.getCause() : error;
                        if (cause instanceof IllegalStateException) {
                          return null; // That revision is journaled already.
                        }
                        throw new CompletionException(cause);
                      });
            });
  }

  /**
   * The first revision at which a workshop is checkpointed, between 1 and {@link
   * #CHECKPOINT_EVERY}; the next ones follow every {@link #CHECKPOINT_EVERY} revisions. Derived
   * from the id, so it is the same on every node and after a restart.
   */
  public static long firstCheckpoint(WorkshopId id) {
    return CHECKPOINT_EVERY - phase(id);
  }

  /**
   * Revision r of the workshop is due for a checkpoint when r + phase is a multiple of the cycle.
   */
  private static long phase(WorkshopId id) {
    return Math.floorMod(id.value().hashCode(), CHECKPOINT_EVERY);
  }

  private void checkpointIfDue(WorkshopId id, List<Event> events) {
    long phase = phase(id);
    long first = events.get(0).revision() + phase;
    long last = events.get(events.size() - 1).revision() + phase;
    if (last / CHECKPOINT_EVERY == (first - 1) / CHECKPOINT_EVERY) {
      return;
    }
    memory
        .execute(id, new WorkshopOperation.ReadCheckpoint())
        .thenCompose(
            checkpoint ->
                checkpoint.map(journal::checkpoint).orElse(CompletableFuture.completedFuture(null)))
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                // Not fatal: the events are durable, a restart only replays more of them.
                LOG.warn("Checkpoint of workshop {} failed", id.value(), error);
              }
            });
  }
}
