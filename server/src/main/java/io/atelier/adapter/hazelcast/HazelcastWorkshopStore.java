package io.atelier.adapter.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.atelier.application.WorkshopLoader;
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
 *
 * <p>A workshop the map does not hold (after a full restart) is rebuilt with the loader, on the
 * given executor, installed unless another call installed it first, and the operation runs again
 * (ADR 0022). The map itself has no loader: Hazelcast would then run a map-store step, on another
 * thread, in every operation, a loaded workshop or not.
 */
public final class HazelcastWorkshopStore implements WorkshopStore {
  public static final String MAP_NAME = "atelier.workshops";

  /** The names of the threads that complete this store's calls start with this. */
  public static final String COMPLETION_THREADS = CompletionThreads.PREFIX;

  private final IMap<String, WorkshopState> states;
  private final WorkshopLoader loader;
  private final Executor blocking;
  private final Executor completions = CompletionThreads.POOL;

  /** A store that holds only what was created in the cluster's lifetime: no journal behind it. */
  public HazelcastWorkshopStore(HazelcastInstance hazelcast) {
    this(hazelcast, WorkshopLoader.NONE, ForkJoinPool.commonPool());
  }

  /** {@code blocking} runs the loader and the calls Hazelcast offers only blocking. */
  public HazelcastWorkshopStore(
      HazelcastInstance hazelcast, WorkshopLoader loader, Executor blocking) {
    CompletionThreads.install();
    this.states = hazelcast.getMap(MAP_NAME);
    this.loader = loader;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Void> create(WorkshopState state) {
    String key = state.facts().id().value();
    return handOver(states.submitToKey(key, new CreatingProcessor(state)))
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
    return handOver(states.removeAsync(id.value())).thenApply(Objects::nonNull);
  }

  @Override
  public <R> CompletionStage<Optional<R>> execute(WorkshopId id, WorkshopOperation<R> operation) {
    return run(id, operation)
        .thenCompose(
            answer ->
                answer.isPresent() || loader == WorkshopLoader.NONE
                    ? CompletableFuture.completedFuture(answer)
                    : loadThenRun(id, operation));
  }

  /**
   * The workshop from the journal, put in the map unless a concurrent call put it there first (the
   * state in the map wins: it may have moved on), then the operation once more. A failed load fails
   * the call: a journal that cannot be read never makes a workshop look absent.
   */
  private <R> CompletionStage<Optional<R>> loadThenRun(
      WorkshopId id, WorkshopOperation<R> operation) {
    return CompletableFuture.supplyAsync(() -> loader.load(id), blocking)
        .thenCompose(
            loaded ->
                loaded.isEmpty()
                    ? CompletableFuture.completedFuture(Optional.<R>empty())
                    // Put unless the key is taken, as a creation; either way the map's copy wins.
                    : handOver(states.submitToKey(id.value(), new CreatingProcessor(loaded.get())))
                        .thenCompose(installed -> run(id, operation)));
  }

  private <R> CompletionStage<Optional<R>> run(WorkshopId id, WorkshopOperation<R> operation) {
    LocalAnswer<R> local = new LocalAnswer<>();
    EntryProcessor<String, WorkshopState, R> processor =
        operation.readOnly()
            ? new ReadingProcessor<>(operation, local)
            : new MutatingProcessor<>(operation, local);
    return handOver(states.submitToKey(id.value(), processor))
        .thenApply(travelled -> Optional.ofNullable(local.or(travelled)));
  }

  /**
   * Each result is handed over on the completion threads (ADR 0020) as a plain future, so what the
   * application chains on it runs there too, never on a partition thread nor a thread started for
   * it.
   */
  private <T> CompletionStage<T> handOver(CompletionStage<T> hazelcast) {
    CompletableFuture<T> result = new CompletableFuture<>();
    hazelcast.whenCompleteAsync(
        (value, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        },
        completions);
    return result;
  }
}
