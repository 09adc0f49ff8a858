package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.testing.Await;
import io.atelier.testing.PrometheusText;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.atelier.testing.TestCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two nodes in one cluster: each serves its own meters, and both see the two members. */
class MetricsClusterTest {
  private static TestCluster cluster;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(2);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @DisplayName("atelier_cluster_members says 2 on both nodes of a two-node cluster")
  void members() {
    for (int i = 0; i < cluster.size(); i++) {
      PrometheusText metrics = MetricsTest.scrape(cluster.node(i));
      assertThat(metrics.value("atelier_cluster_members")).isEqualTo(2);
      assertThat(metrics.type("atelier_cluster_members")).contains("gauge");
    }
  }

  @Test
  @DisplayName(
      "each node counts its own sockets and workshops; a change counts on the node that applied it")
  void perNode() {
    RunningServer a = cluster.node(0);
    RunningServer b = cluster.node(1);
    String workshopId = a.createWorkshop("Atelier à deux nœuds", "fr").getString("id");
    double appliedOnA = MetricsTest.scrape(a).value("atelier_changes_applied_total");
    double appliedOnB = MetricsTest.scrape(b).value("atelier_changes_applied_total");
    try (TestClient ana = a.join(workshopId, "Ana");
        TestClient ben = b.join(workshopId, "Ben")) {
      for (RunningServer node : new RunningServer[] {a, b}) {
        PrometheusText metrics = MetricsTest.scrape(node);
        assertThat(metrics.value("atelier_websocket_connections", "kind", "participant"))
            .isEqualTo(1);
        assertThat(metrics.value("atelier_live_workshops")).isEqualTo(1);
      }
      ana.send(
          new ClientMessage.CreateNote(
              "two-1", "n-two", 0.0, 0.0, 200.0, 140.0, "D'un nœud à l'autre", "yellow"));
      ana.await(Ack.class, ack -> ack.changeId().equals("two-1"));
      ben.await(NoteCreated.class, note -> note.note().id().equals("n-two"));
      Await.condition(
          () -> MetricsTest.scrape(a).value("atelier_changes_applied_total") == appliedOnA + 1,
          Duration.ofSeconds(10),
          () -> "node A counted " + MetricsTest.scrape(a));
      assertThat(MetricsTest.scrape(b).value("atelier_changes_applied_total"))
          .isEqualTo(appliedOnB);
    }
  }
}
