package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.JournalSettings;
import io.atelier.testing.LocalPostgres;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestCluster;
import io.atelier.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, point 4, on two nodes of one cluster without sticky sessions: an image uploaded through
 * one node is served by the other, from the cluster's memory without a journal, from the shared
 * database with PostgreSQL.
 */
class ImageClusterTest {

  /** Uploads a PNG through {@code node}; answers its path. */
  private static String upload(RunningServer node, JsonObject workshop, byte[] png) {
    return upload(node, workshop, png, "image/png");
  }

  private static String upload(
      RunningServer node, JsonObject workshop, byte[] bytes, String contentType) {
    HttpResponse<String> created =
        node.post(
            "/api/workshops/" + workshop.getString("id") + "/images",
            contentType,
            bytes,
            "Bearer " + workshop.getString("facilitatorKey"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new JsonObject(created.body()).getString("url");
  }

  @Test
  @DisplayName(
      "without a journal (Hazelcast): uploaded on node A, read identical on node B; deleting the"
          + " workshop on B removes it for A")
  void inHazelcast() {
    try (TestCluster cluster = TestCluster.start(2)) {
      RunningServer a = cluster.node(0);
      RunningServer b = cluster.node(1);
      JsonObject workshop = a.createWorkshop("Atelier réparti", "fr");
      byte[] png = TestImages.png(1);
      String url = upload(a, workshop, png);

      HttpResponse<byte[]> read = b.getBytes(url);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).isEqualTo(png);
      assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");

      String path = "/api/workshops/" + workshop.getString("id");
      assertThat(b.delete(path, "Bearer " + workshop.getString("facilitatorKey")).statusCode())
          .isEqualTo(204);
      assertThat(a.getBytes(url).statusCode()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName(
      "with a shared PostgreSQL journal: uploaded on node A, read on node B, and still there once"
          + " every node has stopped and one starts again")
  void inPostgres() {
    try (LocalPostgres postgres = LocalPostgres.start()) {
      JournalSettings journal =
          new JournalSettings(
              JournalSettings.Kind.POSTGRES,
              Path.of("unused"),
              postgres.jdbcUrl(),
              postgres.user(),
              postgres.password());
      byte[] png = TestImages.png(2);
      byte[] jpeg = TestImages.jpeg(2);
      String pngUrl;
      String jpegUrl;
      try (TestCluster cluster = TestCluster.start(2, config -> config.withJournal(journal))) {
        RunningServer a = cluster.node(0);
        RunningServer b = cluster.node(1);
        JsonObject workshop = a.createWorkshop("Atelier en base", "fr");
        pngUrl = upload(a, workshop, png);
        jpegUrl = upload(b, workshop, jpeg, "image/jpeg");
        assertThat(b.getBytes(pngUrl).body()).isEqualTo(png);
        assertThat(a.getBytes(jpegUrl).body()).isEqualTo(jpeg);
      }
      try (RunningServer restarted =
          new RunningServer(TestCluster.configs(1).get(0).withJournal(journal))) {
        assertThat(restarted.getBytes(pngUrl).body()).isEqualTo(png);
        HttpResponse<byte[]> read = restarted.getBytes(jpegUrl);
        assertThat(read.body()).isEqualTo(jpeg);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      }
    }
  }
}
