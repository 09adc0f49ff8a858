package io.atelier.adapter;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.adapter.hazelcast.HazelcastWorkshopStore;
import io.atelier.application.WorkshopStore;
import io.atelier.config.ClusterSettings;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
