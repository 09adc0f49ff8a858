package io.atelier.adapter.memory;

import io.atelier.application.WorkshopLoader;
import io.atelier.application.WorkshopStore;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Workshop states in a map of this process; one operation at a time per workshop. A workshop that
 * is not in memory is looked up with the loader (the journal, after a restart) on the given
 * executor, never on the caller's thread, which may be an event loop.
 */
public final class InMemoryWorkshopStore implements WorkshopStore {
  private final ConcurrentMap<WorkshopId, WorkshopState> states = new ConcurrentHashMap<>();
  private final WorkshopLoader loader;
  private final Executor loading;

  public InMemoryWorkshopStore() {
    this(WorkshopLoader.NONE, Runnable::run);
  }

  public InMemoryWorkshopStore(WorkshopLoader loader, Executor loading) {
    this.loader = loader;
    this.loading = loading;
  }

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
  public <R> CompletionStage<Map<WorkshopId, R>> executeOnAll(WorkshopOperation<R> operation) {
    Map<WorkshopId, R> results = new HashMap<>();
    for (Map.Entry<WorkshopId, WorkshopState> entry : states.entrySet()) {
      synchronized (entry.getValue()) {
        results.put(entry.getKey(), operation.applyTo(entry.getValue()));
      }
    }
    return CompletableFuture.completedFuture(results);
  }

  @Override
  public CompletionStage<Boolean> delete(WorkshopId id) {
    return CompletableFuture.completedFuture(states.remove(id) != null);
  }

  @Override
  public <R> CompletionStage<Optional<R>> execute(WorkshopId id, WorkshopOperation<R> operation) {
    WorkshopState state = states.get(id);
    if (state != null) {
      return run(state, operation);
    }
    if (loader == WorkshopLoader.NONE) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CompletableFuture.supplyAsync(() -> loader.load(id), loading)
        .thenCompose(
            loaded ->
                loaded.isEmpty()
                    ? CompletableFuture.completedFuture(Optional.<R>empty())
                    : run(states.computeIfAbsent(id, key -> loaded.get()), operation));
  }

  private static <R> CompletionStage<Optional<R>> run(
      WorkshopState state, WorkshopOperation<R> operation) {
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
