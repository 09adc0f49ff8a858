package io.atelier.application;

import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where workshop states live. An implementation runs operations one at a time per workshop,
 * atomically, and never blocks the caller: answers come back as completion stages.
 */
public interface WorkshopStore {
  /** Stores a new workshop; fails with {@link IllegalStateException} if its id is taken. */
  CompletionStage<Void> create(WorkshopState state);

  /** Removes a workshop; completes with whether it was there. */
  CompletionStage<Boolean> delete(WorkshopId id);

  /**
   * Runs one operation on every workshop held in memory, each atomically; the answer has a result
   * per workshop. For the rare cluster-wide step (a node died), not for requests.
   */
  <R> CompletionStage<Map<WorkshopId, R>> executeOnAll(WorkshopOperation<R> operation);

  /** Runs one operation on a workshop's state; empty when there is no such workshop. */
  <R> CompletionStage<Optional<R>> execute(WorkshopId id, WorkshopOperation<R> operation);
}
