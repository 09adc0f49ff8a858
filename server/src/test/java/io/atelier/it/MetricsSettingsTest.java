package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.testing.PrometheusText;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ATELIER_METRICS} and the storage decide which meters a node serves (ADR 0019). */
class MetricsSettingsTest {

  @Test
  @DisplayName("ATELIER_METRICS=off: no /metrics route, and changes go through as before")
  void metricsOff() {
    AtelierConfig config =
        AtelierConfig.forTests().withStorage(AtelierConfig.Storage.MEMORY).withMetrics(false);
    try (RunningServer node = new RunningServer(config)) {
      assertThat(node.get("/metrics").statusCode()).isEqualTo(404);
      String workshopId = node.createWorkshop("Sans mesures", "fr").getString("id");
      try (TestClient ana = node.join(workshopId, "Ana")) {
        ana.send(
            new ClientMessage.CreateNote(
                "off-1", "n-off", 0.0, 0.0, 200.0, 140.0, "Toujours là", "yellow"));
        assertThat(ana.await(Ack.class, ack -> ack.changeId().equals("off-1")).revision())
            .isPositive();
      }
    }
  }

  @Test
  @DisplayName("a node without Hazelcast serves every atelier meter but the cluster's members")
  void memoryNode() {
    AtelierConfig config = AtelierConfig.forTests().withStorage(AtelierConfig.Storage.MEMORY);
    try (RunningServer node = new RunningServer(config)) {
      PrometheusText metrics = MetricsTest.scrape(node);
      assertThat(metrics.samples("atelier_cluster_members")).isEmpty();
      assertThat(metrics.value("atelier_changes_applied_total")).isZero();
      assertThat(metrics.value("atelier_live_workshops")).isZero();
      assertThat(metrics.samples("atelier_websocket_connections")).hasSize(2);
      assertThat(metrics.value("atelier_change_latency_seconds_count")).isZero();
      assertThat(metrics.value("atelier_fanout_pending_messages")).isZero();
    }
  }
}
