package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.adapter.hazelcast.HazelcastWorkshopStore;
import io.atelier.application.WorkshopLoader;
import io.atelier.application.WorkshopStore;
import io.atelier.config.ClusterSettings;
import io.atelier.domain.Language;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store contract against a real embedded Hazelcast member on loopback. */
class HazelcastWorkshopStoreTest extends WorkshopStoreContract {
  private static HazelcastInstance member;
  private static HazelcastWorkshopStore store;

  @BeforeAll
  static void startMember() {
    member =
        HazelcastMember.start(
            new ClusterSettings(
                "store-contract-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of()));
    store = new HazelcastWorkshopStore(member);
  }

  @AfterAll
  static void stopMember() {
    member.shutdown();
  }

  @Override
  protected WorkshopStore store() {
    return store;
  }

  /** Over the same member and map: the loader is the store's, not the map's. */
  @Override
  protected WorkshopStore storeLoadingFrom(WorkshopLoader loader, Executor loading) {
    return new HazelcastWorkshopStore(member, loader, loading);
  }

  @Test
  @DisplayName(
      "a store call's continuations run on the store's completion threads, never on a thread"
          + " started for them")
  void completionThreads() throws Exception {
    WorkshopId id = new WorkshopId("completions-" + UUID.randomUUID());
    store
        .create(new WorkshopState(new WorkshopFacts(id, "Fils", Language.FR, "key-hash", 0)))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    String caller = Thread.currentThread().getName();
    List<CompletableFuture<String>> threads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      threads.add(
          store
              .execute(id, new WorkshopOperation.ReadFacts())
              .thenApply(facts -> Thread.currentThread().getName())
              .toCompletableFuture());
    }

    for (CompletableFuture<String> thread : threads) {
      // The caller's own thread when the result was in before the continuation was added.
      assertThat(thread.get(30, TimeUnit.SECONDS))
          .satisfiesAnyOf(
              name -> assertThat(name).startsWith(HazelcastWorkshopStore.COMPLETION_THREADS),
              name -> assertThat(name).isEqualTo(caller));
    }
  }
}
