package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.testing.Await;
import io.atelier.testing.PrometheusText;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.time.Duration;
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
  @DisplayName("LM1 a change refused as rate_limited counts under its code, once per refusal")
  void rateLimited() {
    Limits oneChangePerSecond =
        new Limits(
            1,
            1,
            20,
            10_000_000,
            3,
            10_000,
            1_000_000,
            150,
            1_000_000,
            160,
            0,
            1_024,
            5_000,
            8_192);
    AtelierConfig config =
        AtelierConfig.forTests()
            .withStorage(AtelierConfig.Storage.MEMORY)
            .withLimits(oneChangePerSecond);
    try (RunningServer node = new RunningServer(config)) {
      String workshopId = node.createWorkshop("Trop vite", "fr").getString("id");
      try (TestClient ana = node.join(workshopId, "Ana")) {
        int sent = 5;
        for (int i = 0; i < sent; i++) {
          ana.send(
              new ClientMessage.CreateNote(
                  "fast-" + i, "n-fast-" + i, 0.0, 0.0, 200.0, 140.0, "Vite", "yellow"));
        }
        for (int i = 0; i < sent; i++) {
          String changeId = "fast-" + i; // answered with an ack or a refusal
          ana.await(ServerMessage.class, answer -> answers(answer, changeId));
        }
        long limited =
            ana.all(Error.class).stream().filter(e -> e.code().equals("rate_limited")).count();
        assertThat(limited).isPositive();
        Await.condition(
            () -> rateLimited(node) == limited,
            Duration.ofSeconds(10),
            () -> "rate_limited counted " + rateLimited(node) + " of " + limited);
        assertThat(MetricsTest.scrape(node).value("atelier_changes_applied_total"))
            .isEqualTo(sent - limited);
      }
    }
  }

  private static boolean answers(ServerMessage message, String changeId) {
    return (message instanceof Ack ack && ack.changeId().equals(changeId))
        || (message instanceof Error error && changeId.equals(error.changeId()));
  }

  private static double rateLimited(RunningServer node) {
    return MetricsTest.scrape(node).value("atelier_changes_refused_total", "code", "rate_limited");
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
