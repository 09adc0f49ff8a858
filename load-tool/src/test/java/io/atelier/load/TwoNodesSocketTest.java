package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two-node scenario, small: each room's clients spread over both nodes lose nothing. */
class TwoNodesSocketTest {
  @Test
  @DisplayName("2 rooms × 4 clients over two nodes, 20 edits/s: every edit crosses to every peer")
  void twoNodes() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (LocalNodes nodes = LocalNodes.start(2)) {
      Report report =
          LoadTool.wait(
              LoadTool.run(
                  vertx,
                  Options.parse(
                      "--url",
                      nodes.urls(),
                      "--scenario",
                      "room",
                      "--drain",
                      "60",
                      "--rooms",
                      "2",
                      "--clients",
                      "4",
                      "--rate",
                      "20",
                      "--seconds",
                      "2",
                      "--warmup",
                      "1"),
                  line -> {}));
      JsonObject result = report.json();

      assertThat(result.getInteger("nodes")).isEqualTo(2);
      assertThat(result.getLong("expected")).isEqualTo(40 * 3);
      assertThat(result.getLong("received")).isEqualTo(40 * 3);
      assertThat(result.getLong("duplicated")).isZero();
      assertThat(result.getJsonArray("servers")).hasSize(2);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
