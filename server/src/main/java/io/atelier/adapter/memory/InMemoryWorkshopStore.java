package io.atelier.adapter.memory;

import io.atelier.application.WorkshopStore;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Workshop states in a map of this process; one operation at a time per workshop. */
public final class InMemoryWorkshopStore implements WorkshopStore {
  private final ConcurrentMap<WorkshopId, WorkshopState> states = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> create(WorkshopState state) {
    WorkshopState previous = states.putIfAbsent(state.facts().id(), state);
    if (previous != null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("Workshop " + state.facts().id() + " exists"));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public <R> CompletionStage<Optional<R>> execute(WorkshopId id, WorkshopOperation<R> operation) {
    WorkshopState state = states.get(id);
    if (state == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    try {
      R result;
      synchronized (state) {
        result = operation.applyTo(state);
      }
      return CompletableFuture.completedFuture(Optional.of(result));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
