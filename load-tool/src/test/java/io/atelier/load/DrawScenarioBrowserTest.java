package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The draw scenario against a real node in this JVM, small: a real headless Chromium opens the
 * workshop twice and the page's own marks come back. Nothing here is timed; the figures are only
 * checked to exist and to come in the order of a join. Skipped without Chromium, except under
 * {@code CI=true}, where CI installs it (.ci/run) and its absence is a failure.
 */
class DrawScenarioBrowserTest {
  private static LocalNodes node;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    if (!HeadlessBrowser.installed()) {
      String message = "The draw scenario needs Debian's chromium and chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message + ", and CI=true: they must be installed.");
      }
      Assumptions.abort(message + "; skipped.");
    }
    node = LocalNodes.start(1);
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  @DisplayName("draw: a fresh Chromium shows every note twice over, and its marks are reported")
  void draw() throws Exception {
    Report report =
        LoadTool.wait(
            LoadTool.run(
                vertx,
                Options.parse(
                    "--url", node.urls(), "--scenario", "draw", "--notes", "30", "--runs", "2"),
                line -> {}));
    JsonObject result = report.json();

    assertThat(result.getInteger("notesDrawn")).isEqualTo(30);
    assertThat(result.getLong("snapshotChars")).isGreaterThan(30L * 40);
    assertThat(result.getString("chromium")).matches("\\d+\\..+");
    assertThat(result.getJsonObject("machine").getInteger("cores")).isPositive();
    JsonObject fromHello = result.getJsonObject("fromHello");
    JsonObject fromStart = result.getJsonObject("fromNavigationStart");
    for (JsonObject summary :
        new JsonObject[] {
          fromHello.getJsonObject("snapshotReceived"),
          fromHello.getJsonObject("boardDrawn"),
          fromStart.getJsonObject("snapshotReceived"),
          fromStart.getJsonObject("boardDrawn"),
          result.getJsonObject("snapshotParsedAndApplied"),
          result.getJsonObject("appliedToDrawn")
        }) {
      assertThat(summary.getInteger("n")).isEqualTo(2);
      assertThat(summary.getDouble("p50Ms")).isNotNegative();
    }
    // A join's order: the hello, then the snapshot, then the board; never the other way round.
    assertThat(fromHello.getJsonObject("boardDrawn").getDouble("p50Ms"))
        .isGreaterThanOrEqualTo(fromHello.getJsonObject("snapshotReceived").getDouble("p50Ms"));
    assertThat(fromStart.getJsonObject("boardDrawn").getDouble("maxMs"))
        .isGreaterThan(fromHello.getJsonObject("boardDrawn").getDouble("maxMs"));
    assertThat(report.text()).contains("hello to board drawn", "navigation to board drawn");
  }
}
