package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.atelier.protocol.ServerMessage.PresenceChanged;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.TestClient;
import io.atelier.testing.TestCluster;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HS6 across a crash: a node that dies never runs the leave of its sockets; a survivor takes its
 * participants offline, or they would be shown online for ever.
 */
class NodeDepartureTest {
  @Test
  @DisplayName("HS6 the participants of a node that crashed go offline for everyone else")
  void crashedNodesParticipantsGoOffline() {
    try (TestCluster cluster = TestCluster.start(2)) {
      var survivor = cluster.node(0);
      var doomed = cluster.node(1);
      String workshopId = survivor.createWorkshop("Panne", "fr").getString("id");
      TestClient ben = survivor.join(workshopId, "Ben");
      TestClient ana = doomed.join(workshopId, "Ana");
      String anaId = ana.await(Welcome.class).participant().id();
      crash(doomed.server().nodeId());

      PresenceChanged offline =
          ben.await(
              PresenceChanged.class,
              p -> p.participantId().equals(anaId) && !p.online(),
              Duration.ofSeconds(30));
      assertThat(offline.revision()).isPositive();
      // A newcomer sees the same: Ana is listed, offline.
      var snapshot =
          survivor
              .join(workshopId, "Chloé")
              .await(io.atelier.protocol.ServerMessage.Snapshot.class);
      assertThat(snapshot.participants())
          .anySatisfy(
              p -> {
                assertThat(p.id()).isEqualTo(anaId);
                assertThat(p.online()).isFalse();
              });
    }
  }

  /** Terminates the member abruptly, as a kill -9 would: no graceful leave, no migration. */
  private static void crash(String nodeId) {
    for (HazelcastInstance instance : Hazelcast.getAllHazelcastInstances()) {
      if (instance.getCluster().getLocalMember().getUuid().toString().equals(nodeId)) {
        instance.getLifecycleService().terminate();
        return;
      }
    }
    throw new AssertionError("No member " + nodeId + " in this JVM");
  }
}
