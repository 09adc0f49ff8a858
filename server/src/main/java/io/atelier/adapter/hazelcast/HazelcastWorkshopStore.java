package io.atelier.adapter.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.atelier.application.WorkshopStore;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Workshop states in one IMap. Every operation runs as an entry processor on the member that owns
 * the workshop's partition, which serialises operations per workshop; only async calls are used, so
 * a caller on an event loop never blocks.
 */
public final class HazelcastWorkshopStore implements WorkshopStore {
  public static final String MAP_NAME = "atelier.workshops";

  private final IMap<String, WorkshopState> states;
  private final Executor blocking;

  public HazelcastWorkshopStore(HazelcastInstance hazelcast) {
    this(hazelcast, ForkJoinPool.commonPool());
  }

  public HazelcastWorkshopStore(HazelcastInstance hazelcast, Executor blocking) {
    this.states = hazelcast.getMap(MAP_NAME);
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Void> create(WorkshopState state) {
    String key = state.facts().id().value();
    return states
        .submitToKey(key, new CreatingProcessor(state))
        .thenApply(
            created -> {
              if (!created) {
                throw new IllegalStateException("Workshop " + key + " exists");
              }
              return null;
            });
  }

  /**
   * Entry processors on every workshop in memory, each on its owner. Hazelcast offers this call
   * only blocking, so it runs on the given executor, never on the caller's thread.
   */
  @Override
  public <R> CompletionStage<Map<WorkshopId, R>> executeOnAll(WorkshopOperation<R> operation) {
    return CompletableFuture.supplyAsync(
        () -> {
          Map<WorkshopId, R> results = new HashMap<>();
          states
              .executeOnEntries(new MutatingProcessor<>(operation))
              .forEach((key, result) -> results.put(new WorkshopId(key), result));
          return results;
        },
        blocking);
  }

  @Override
  public CompletionStage<Boolean> delete(WorkshopId id) {
    return states.removeAsync(id.value()).thenApply(Objects::nonNull);
  }

  @Override
  public <R> CompletionStage<Optional<R>> execute(WorkshopId id, WorkshopOperation<R> operation) {
    var processor =
        operation.readOnly()
            ? new ReadingProcessor<>(operation)
            : new MutatingProcessor<>(operation);
    return states.submitToKey(id.value(), processor).thenApply(Optional::ofNullable);
  }
}
