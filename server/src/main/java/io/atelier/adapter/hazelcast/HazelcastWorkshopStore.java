package io.atelier.adapter.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.atelier.application.WorkshopStore;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Workshop states in one IMap. Every operation runs as an entry processor on the member that owns
 * the workshop's partition, which serialises operations per workshop; only async calls are used, so
 * a caller on an event loop never blocks.
 */
public final class HazelcastWorkshopStore implements WorkshopStore {
  public static final String MAP_NAME = "atelier.workshops";

  private final IMap<String, WorkshopState> states;

  public HazelcastWorkshopStore(HazelcastInstance hazelcast) {
    this.states = hazelcast.getMap(MAP_NAME);
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
