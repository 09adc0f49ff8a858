package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.testing.Await;
import io.atelier.testing.PrometheusText;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a real node (Hazelcast member, SQLite journal), read as Prometheus text:
 * Atelier's own meters move with what the test does, Vert.x's and the JVM's are there, and nothing
 * names a workshop or a person (ADR 0019, docs/metrics.md).
 */
class MetricsTest {
  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final int CHANGES = 5;

  @TempDir static Path dataDir;
  private static RunningServer server;
  private final List<TestClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    server =
        new RunningServer(AtelierConfig.forTests().withJournal(JournalSettings.sqlite(dataDir)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The gauges are absolute: the next test starts from a node without sockets. */
  @AfterEach
  void closeClients() {
    clients.forEach(TestClient::close);
    awaitScrape(
        now ->
            now.sum("atelier_websocket_connections") == 0
                && now.sum("vertx_http_server_active_ws_connections") == 0);
  }

  @Test
  @DisplayName(
      "GET /metrics counts sockets by kind, workshops, changes applied and refused by code, their"
          + " latency and the journal's writes, and back to no socket once they close")
  void atelierMeters() {
    PrometheusText before = scrape(server);
    var created = server.createWorkshop("Atelier mesuré", "fr");
    String workshopId = created.getString("id");
    TestClient ana = track(server.join(workshopId, "Ana Mesurée"));
    TestClient ben = track(server.join(workshopId, "Ben Mesuré"));
    TestClient projector = track(server.connect());
    projector.send(ClientMessage.Hello.observer(workshopId, null));
    projector.await(Synced.class);

    PrometheusText open = scrape(server);
    assertThat(open.value("atelier_websocket_connections", "kind", "participant")).isEqualTo(2);
    assertThat(open.value("atelier_websocket_connections", "kind", "observer")).isEqualTo(1);
    assertThat(open.value("atelier_live_workshops")).isEqualTo(1);
    assertThat(open.value("atelier_cluster_members")).isEqualTo(1);
    // Vert.x's own count of this node's WebSockets, welcomed or not.
    assertThat(open.sum("vertx_http_server_active_ws_connections")).isEqualTo(3);
    assertThat(open.sum("vertx_http_server_active_connections")).isGreaterThanOrEqualTo(3);

    for (int i = 0; i < CHANGES; i++) {
      ana.send(
          new ClientMessage.CreateNote(
              "metric-" + i, "n-metric-" + i, 10.0 * i, 20.0, 200.0, 140.0, "Mesure", "yellow"));
    }
    ana.await(Ack.class, ack -> ack.changeId().equals("metric-" + (CHANGES - 1)));
    ben.await(NoteCreated.class, note -> note.note().id().equals("n-metric-" + (CHANGES - 1)));
    ben.send(
        new ClientMessage.UpdateNote(
            "metric-refused",
            "n-nobody-wrote",
            new NoteProperties(1.0, 2.0, null, null, null, null, null)));
    assertThat(ben.await(Error.class, error -> "metric-refused".equals(error.changeId())).code())
        .isEqualTo("unknown_note");
    projector.send(
        new ClientMessage.CreateNote(
            "metric-read-only", "n-projector", 0.0, 0.0, 200.0, 140.0, "Non", "yellow"));
    projector.await(Error.class, error -> "metric-read-only".equals(error.changeId()));

    // The ack leaves before the meters are told: await them, then check them exactly.
    PrometheusText after =
        awaitScrape(
            now ->
                delta(before, now, "atelier_changes_applied_total") >= CHANGES
                    && refused(now, "unknown_note") - refused(before, "unknown_note") >= 1
                    && refused(now, "read_only") - refused(before, "read_only") >= 1);
    assertThat(delta(before, after, "atelier_changes_applied_total")).isEqualTo(CHANGES);
    assertThat(refused(after, "unknown_note") - refused(before, "unknown_note")).isEqualTo(1);
    assertThat(refused(after, "read_only") - refused(before, "read_only")).isEqualTo(1);
    assertThat(refused(after, "locked")).isZero(); // every code is there from the start
    assertThat(after.type("atelier_changes_applied_total")).contains("counter");
    assertThat(after.type("atelier_changes_refused_total")).contains("counter");

    // Only applied changes are timed: one observation each, in the SLO buckets.
    assertThat(delta(before, after, "atelier_change_latency_seconds_count")).isEqualTo(CHANGES);
    assertThat(after.value("atelier_change_latency_seconds_sum")).isPositive();
    assertHistogram(
        after,
        "atelier_change_latency_seconds",
        List.of("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.25", "+Inf"));
    // Each change was journaled before its ack; so were the joins.
    assertThat(delta(before, after, "atelier_journal_write_seconds_count"))
        .isGreaterThanOrEqualTo(CHANGES);
    assertHistogram(
        after,
        "atelier_journal_write_seconds",
        List.of(
            "0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.25", "0.5", "1.0",
            "+Inf"));
    assertThat(after.value("atelier_fanout_pending_messages")).isNotNegative();
    assertThat(after.type("atelier_fanout_pending_messages")).contains("gauge");

    clients.forEach(TestClient::close);
    PrometheusText closed =
        awaitScrape(
            now ->
                now.sum("atelier_websocket_connections") == 0
                    && now.value("atelier_live_workshops") == 0
                    && now.value("atelier_fanout_pending_messages") == 0);
    assertThat(closed.value("atelier_websocket_connections", "kind", "participant")).isZero();
  }

  @Test
  @DisplayName(
      "GET /metrics holds Vert.x's, Netty's event loops' and the JVM's meters, as Prometheus text")
  void vertxAndJvmMeters() {
    HttpResponse<String> response = server.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    PrometheusText metrics = PrometheusText.parse(response.body());
    assertThat(metrics.samples("jvm_memory_used_bytes"))
        .anyMatch(sample -> "heap".equals(sample.labels().get("area")) && sample.value() > 0);
    assertThat(metrics.value("jvm_threads_live_threads")).isPositive();
    assertThat(metrics.type("jvm_gc_memory_allocated_bytes_total")).contains("counter");
    assertThat(metrics.samples("netty_eventexecutor_tasks_pending")).isNotEmpty();
    assertThat(metrics.samples("vertx_http_server_requests_total")).isNotEmpty();
    // Bounded labels only: no path (it would carry workshop ids), no remote address.
    assertThat(metrics.samples("vertx_http_server_requests_total"))
        .allSatisfy(
            sample ->
                assertThat(sample.labels().keySet()).doesNotContain("path", "remote", "local"));
  }

  @Test
  @DisplayName(
      "GET /metrics reveals counts only: no workshop id, title, key, token or person's name")
  void noIdentifiers() {
    var created = server.createWorkshop("Titre confidentiel", "fr");
    String workshopId = created.getString("id");
    TestClient chloe = track(server.join(workshopId, "Chloé Secrète"));
    String token = chloe.await(io.atelier.protocol.ServerMessage.Welcome.class).token();
    chloe.send(
        new ClientMessage.CreateNote(
            "secret-1", "n-secret", 0.0, 0.0, 200.0, 140.0, "Texte privé", "yellow"));
    chloe.await(Ack.class, ack -> ack.changeId().equals("secret-1"));
    server.get("/api/workshops/" + workshopId);
    server.get("/w/" + workshopId);

    String body = server.get("/metrics").body();
    assertThat(body)
        .doesNotContain(workshopId)
        .doesNotContain("Titre confidentiel")
        .doesNotContain(created.getString("facilitatorKey"))
        .doesNotContain(token)
        .doesNotContain("Chloé")
        .doesNotContain("Texte privé")
        .doesNotContain("n-secret");
  }

  private TestClient track(TestClient client) {
    clients.add(client);
    return client;
  }

  static PrometheusText scrape(RunningServer node) {
    HttpResponse<String> response = node.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return PrometheusText.parse(response.body());
  }

  private static PrometheusText awaitScrape(Predicate<PrometheusText> condition) {
    PrometheusText[] last = {scrape(server)};
    Await.condition(
        () -> condition.test(last[0] = scrape(server)), SETTLE, () -> "metrics were " + last[0]);
    return last[0];
  }

  private static double delta(PrometheusText before, PrometheusText after, String name) {
    return after.value(name) - before.value(name);
  }

  private static double refused(PrometheusText metrics, String code) {
    return metrics.value("atelier_changes_refused_total", "code", code);
  }

  /** Buckets with exactly these bounds, counts that never decrease, +Inf equal to the count. */
  private static void assertHistogram(PrometheusText metrics, String family, List<String> bounds) {
    assertThat(metrics.type(family)).contains("histogram");
    var buckets = metrics.samples(family + "_bucket");
    assertThat(buckets)
        .extracting(bucket -> bucket.labels().get("le"))
        .containsExactlyElementsOf(bounds);
    for (int i = 1; i < buckets.size(); i++) {
      assertThat(buckets.get(i).value()).isGreaterThanOrEqualTo(buckets.get(i - 1).value());
    }
    assertThat(metrics.value(family + "_bucket", Map.of("le", "+Inf")))
        .contains(metrics.value(family + "_count"));
  }
}
