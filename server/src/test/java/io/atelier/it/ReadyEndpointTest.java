package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.atelier.config.AtelierConfig;
import io.atelier.testing.RunningServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /ready} against real nodes: what a load balancer sees. */
class ReadyEndpointTest {

  @Test
  @DisplayName("GET /ready answers 200 with the member count once the Hazelcast member runs")
  void readyWithHazelcast() {
    try (RunningServer server = new RunningServer()) {
      HttpResponse<String> ready = server.get("/ready");

      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()))
          .isEqualTo(new JsonObject().put("status", "ready").put("members", 1));
      assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  @Test
  @DisplayName("GET /ready answers 200 in memory storage once started")
  void readyInMemory() {
    try (RunningServer server =
        new RunningServer(AtelierConfig.forTests().withStorage(AtelierConfig.Storage.MEMORY))) {
      HttpResponse<String> ready = server.get("/ready");

      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("ready");
    }
  }

  @Test
  @DisplayName("GET /ready answers 503 with a reason when the member is gone; /health stays 200")
  void notReadyWithoutMember() {
    AtelierConfig config = AtelierConfig.forTests();
    try (RunningServer server = new RunningServer(config)) {
      member(config.cluster().clusterName()).shutdown();

      HttpResponse<String> ready = server.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      JsonObject body = new JsonObject(ready.body());
      assertThat(body.getString("status")).isEqualTo("not_ready");
      assertThat(body.getString("reason")).contains("Hazelcast member is not running");
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("GET /ready answers 503 once the node has begun to stop")
  void notReadyWhileStopping() {
    try (RunningServer server = new RunningServer()) {
      server.server().readiness().stopping(); // What stop() does first, before closing sockets.

      HttpResponse<String> ready = server.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(ready.body()).getString("reason")).contains("stopping");
    }
  }

  private static HazelcastInstance member(String clusterName) {
    return Hazelcast.getAllHazelcastInstances().stream()
        .filter(member -> member.getConfig().getClusterName().equals(clusterName))
        .findFirst()
        .orElseThrow();
  }
}
