package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The load tool against a real node in this JVM, small and short: the counts must add up exactly.
 * Nothing here times anything; latency figures are only checked to exist. A drain of 60 s lets a
 * slow machine deliver everything (it ends as soon as everything has arrived).
 */
class LoadToolSocketTest {
  private static LocalNodes node;
  private static final long PID = ProcessHandle.current().pid();
  private Vertx vertx;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void startNode() throws Exception {
    node = LocalNodes.start(1);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  @BeforeEach
  void startTool() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  }

  @AfterEach
  void stopTool() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private JsonObject run(String... args) throws Exception {
    Report report = LoadTool.wait(LoadTool.run(vertx, Options.parse(args), progress::add));
    assertThat(report.toString()).contains(report.json().encode());
    return report.json();
  }

  @Test
  @DisplayName("2 rooms × 3 clients, 20 edits/s for 2 s: every peer gets every edit once")
  void rooms() throws Exception {
    JsonObject result =
        run(
            "--url",
            node.urls(),
            "--scenario",
            "room",
            "--drain",
            "60",
            "--rooms",
            "2",
            "--clients",
            "3",
            "--rate",
            "20",
            "--seconds",
            "2",
            "--warmup",
            "1",
            "--server-pid",
            Long.toString(PID));

    // 40 measured edits, each for the 2 other clients of its room.
    assertThat(result.getLong("expected")).isEqualTo(80);
    assertThat(result.getLong("received")).isEqualTo(80);
    assertThat(result.getLong("lost")).isZero();
    assertThat(result.getLong("duplicated")).isZero();
    assertThat(result.getJsonObject("refused")).isEmpty();
    assertThat(result.getJsonObject("latency").getInteger("n")).isEqualTo(80);
    JsonObject server = result.getJsonArray("servers").getJsonObject(0);
    assertThat(server.getLong("pid")).isEqualTo(PID);
    assertThat(server.getDouble("cpuPercentOfOneCore")).isNotNull();
    assertThat(server.getDouble("rssMiB")).isPositive();
    assertThat(result.getDouble("othersCpuPercentOfOneCore")).isNotNull();
  }

  @Test
  @DisplayName("--stalled 1: a reader that stops reading counts in no figure and its end is said")
  void stalledReader() throws Exception {
    JsonObject result =
        run(
            "--url",
            node.urls(),
            "--scenario",
            "room",
            "--drain",
            "60",
            "--clients",
            "3",
            "--rate",
            "20",
            "--seconds",
            "2",
            "--warmup",
            "1",
            "--stalled",
            "1");

    // 40 measured edits for the 2 other reading clients: the stalled one is not expected.
    assertThat(result.getLong("expected")).isEqualTo(80);
    assertThat(result.getLong("received")).isEqualTo(80);
    assertThat(result.getJsonArray("stalledReaders")).hasSize(1);
  }

  @Test
  @DisplayName("without --server-pid the node's process is found from its listening port")
  void discoversThePid() throws Exception {
    JsonObject result =
        run(
            "--url",
            node.urls(),
            "--scenario",
            "room",
            "--drain",
            "60",
            "--rooms",
            "1",
            "--clients",
            "2",
            "--rate",
            "10",
            "--seconds",
            "1",
            "--warmup",
            "0",
            "--edits",
            "move");

    assertThat(result.getLong("received")).isEqualTo(10);
    assertThat(result.getJsonArray("servers").getJsonObject(0).getLong("pid")).isEqualTo(PID);
  }

  @Test
  @DisplayName("a ramp whose every step holds climbs to the maximum and reports it")
  void ramp() throws Exception {
    // A bound of 10 s: this checks the steps and their counts, not the machine's speed.
    JsonObject result =
        run(
            "--url",
            node.urls(),
            "--scenario",
            "ramp",
            "--drain",
            "60",
            "--rooms",
            "2",
            "--clients",
            "3",
            "--rate",
            "10",
            "--step",
            "2",
            "--max-rate",
            "40",
            "--seconds",
            "1",
            "--warmup",
            "0",
            "--first-warmup",
            "0",
            "--bound-ms",
            "10000");

    JsonArray steps = result.getJsonArray("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.stream().map(s -> ((JsonObject) s).getInteger("rate")))
        .containsExactly(10, 20, 40);
    for (Object step : steps) {
      assertThat(((JsonObject) step).getLong("lost")).isZero();
      assertThat(((JsonObject) step).getLong("received"))
          .isEqualTo(((JsonObject) step).getInteger("rate") * 2L);
    }
    assertThat(result.getInteger("highestRateHeld")).isEqualTo(40);
    assertThat(progress).hasSize(3);
  }

  @Test
  @DisplayName("idle connections: heap before and after from jcmd, per connection")
  void idle() throws Exception {
    JsonObject result =
        run(
            "--url",
            node.urls(),
            "--scenario",
            "idle",
            "--clients",
            "5",
            "--server-pid",
            Long.toString(PID));

    assertThat(result.getInteger("connections")).isEqualTo(5);
    assertThat(result.getString("heapFrom")).startsWith("jcmd");
    assertThat(result.getDouble("heapBeforeMiB")).isPositive();
    assertThat(result.getDouble("heapAfterMiB")).isPositive();
    assertThat(result.getDouble("heapPerConnectionKiB")).isNotNull();
  }

  @Test
  @DisplayName("join: every newcomer gets the full state of a workshop of notes")
  void join() throws Exception {
    JsonObject result =
        run(
            "--url",
            node.urls(),
            "--scenario",
            "join",
            "--notes",
            "50",
            "--runs",
            "3",
            "--warmup-runs",
            "2");

    // The warm-up's joins are made and left out of the figures.
    assertThat(result.getInteger("warmupRuns")).isEqualTo(2);
    assertThat(result.getJsonObject("fullStateArrived").getInteger("n")).isEqualTo(3);
    assertThat(result.getJsonObject("fullStateParsed").getInteger("n")).isEqualTo(3);
    // The snapshot is in before it is parsed, and parsed before the synced that follows it.
    assertThat(result.getJsonObject("fullStateArrived").getDouble("p50Ms"))
        .isLessThanOrEqualTo(result.getJsonObject("fullStateParsed").getDouble("p50Ms"));
    // 50 notes of 40 characters and more: the snapshot holds them all.
    assertThat(result.getLong("snapshotChars")).isGreaterThan(50L * 40);
  }
}
