package io.atelier.adapter.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.atelier.domain.CatchUp;
import io.atelier.domain.Language;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import io.atelier.testing.TwoMembers;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * On two real members: a processor whose workshop lives on the caller's member leaves its answer by
 * reference (no serialization), and one that travels to the other member answers the normal way,
 * with the same answer.
 */
class LocalAnswerTest {
  private static TwoMembers members;
  private static HazelcastInstance first;

  @BeforeAll
  static void startMembers() {
    members = TwoMembers.start("local-answer");
    first = members.first;
  }

  @AfterAll
  static void stopMembers() {
    members.close();
  }

  /** A workshop id whose partition the first member owns, or does not. */
  private static String keyOwnedByFirst(boolean owned) {
    while (true) {
      String key = "w-" + UUID.randomUUID();
      boolean local = first.getPartitionService().getPartition(key).getOwner().localMember();
      if (local == owned) {
        return key;
      }
    }
  }

  private static WorkshopState workshop(String key) {
    return new WorkshopState(new WorkshopFacts(new WorkshopId(key), "Fils", Language.FR, "h", 0));
  }

  @Test
  @DisplayName("a workshop on the caller's member: the answer is handed over, not serialized")
  void onTheCallersMember() throws Exception {
    String key = keyOwnedByFirst(true);
    IMap<String, WorkshopState> states = first.getMap(HazelcastWorkshopStore.MAP_NAME);
    states.put(key, workshop(key));

    LocalAnswer<CatchUp> local = new LocalAnswer<>();
    CatchUp travelled =
        states
            .submitToKey(
                key, new ReadingProcessor<>(new WorkshopOperation.ReadCatchUp(null), local))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);

    assertThat(local.given()).isTrue();
    assertThat(travelled).isNull();
    assertThat(local.or(travelled)).isInstanceOf(CatchUp.Snapshot.class);
  }

  @Test
  @DisplayName("a workshop on the other member: the processor travels, the answer comes back")
  void onTheOtherMember() throws Exception {
    String key = keyOwnedByFirst(false);
    IMap<String, WorkshopState> states = first.getMap(HazelcastWorkshopStore.MAP_NAME);
    states.put(key, workshop(key));

    LocalAnswer<WorkshopFacts> local = new LocalAnswer<>();
    WorkshopFacts travelled =
        states
            .submitToKey(key, new MutatingProcessor<>(new WorkshopOperation.ReadFacts(), local))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);

    assertThat(local.given()).isFalse();
    assertThat(local.or(travelled).id().value()).isEqualTo(key);
  }

  @Test
  @DisplayName("the store gives the same answers whichever member holds the workshop")
  void storeOnBothMembers() throws Exception {
    HazelcastWorkshopStore store = new HazelcastWorkshopStore(first);
    for (boolean owned : new boolean[] {true, false}) {
      String key = keyOwnedByFirst(owned);
      store.create(workshop(key)).toCompletableFuture().get(30, TimeUnit.SECONDS);

      var facts =
          store
              .execute(new WorkshopId(key), new WorkshopOperation.ReadFacts())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);

      assertThat(facts).as("owned by the caller's member: %s", owned).isPresent();
      assertThat(facts.get().title()).isEqualTo("Fils");
    }
    assertThat(
            store
                .execute(new WorkshopId(keyOwnedByFirst(true)), new WorkshopOperation.ReadFacts())
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS))
        .as("no workshop, on the caller's member")
        .isEmpty();
  }
}
