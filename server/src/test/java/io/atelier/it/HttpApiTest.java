package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpApiTest {
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("POST /api/workshops answers 201 with id, links and the facilitator key")
  void createWorkshop() {
    HttpResponse<String> response =
        server.post("/api/workshops", "{\"title\":\"Atelier MSC\",\"language\":\"en\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = new JsonObject(response.body());
    String id = body.getString("id");
    assertThat(body.getString("title")).isEqualTo("Atelier MSC");
    assertThat(body.getString("language")).isEqualTo("en");
    assertThat(body.getString("joinUrl")).isEqualTo(server.baseUrl() + "/w/" + id);
    assertThat(body.getString("facilitatorUrl"))
        .isEqualTo(server.baseUrl() + "/w/" + id + "#key=" + body.getString("facilitatorKey"));
    assertThat(response.headers().firstValue("Location")).hasValue("/api/workshops/" + id);
  }

  @Test
  @DisplayName("workshop ids and facilitator keys carry at least 128 random bits and never repeat")
  void unguessableLinks() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      JsonObject body = server.createWorkshop("W" + i, "fr");
      // Base64url: 6 bits a character, so 22 characters hold 132 bits.
      assertThat(body.getString("id")).matches("[A-Za-z0-9_-]{22,}");
      assertThat(body.getString("facilitatorKey")).matches("[A-Za-z0-9_-]{22,}");
      assertThat(seen.add(body.getString("id"))).isTrue();
      assertThat(seen.add(body.getString("facilitatorKey"))).isTrue();
    }
  }

  @Test
  @DisplayName("GET /api/workshops/{id} answers the public facts, never the key, or 404")
  void readWorkshop() {
    JsonObject created = server.createWorkshop("Atelier d'hiver", "fr");
    HttpResponse<String> found = server.get("/api/workshops/" + created.getString("id"));
    assertThat(found.statusCode()).isEqualTo(200);
    JsonObject facts = new JsonObject(found.body());
    assertThat(facts.getString("title")).isEqualTo("Atelier d'hiver");
    assertThat(facts.getString("language")).isEqualTo("fr");
    assertThat(found.body()).doesNotContain(created.getString("facilitatorKey"));

    HttpResponse<String> missing = server.get("/api/workshops/AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(missing.body()).getString("error")).isEqualTo("not_found");
  }

  @Test
  @DisplayName(
      "facilitator-only endpoints take the key as a Bearer token and refuse anyone else with 401")
  void facilitatorEndpoint() {
    JsonObject created = server.createWorkshop("Atelier", "fr");
    String path = "/api/workshops/" + created.getString("id") + "/participants";
    var join = server.join(created.getString("id"), "Aminata");
    HttpResponse<String> allowed =
        server.get(path, "Bearer " + created.getString("facilitatorKey"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(
            new JsonObject(allowed.body())
                .getJsonArray("participants")
                .getJsonObject(0)
                .getString("name"))
        .isEqualTo("Aminata");
    assertThat(allowed.body()).doesNotContain("token");
    for (String header :
        new String[] {
          null,
          "Bearer wrong-key",
          "Basic abc",
          "Bearer " + server.createWorkshop("Autre", "fr").getString("facilitatorKey")
        }) {
      HttpResponse<String> refused = server.get(path, header);
      assertThat(refused.statusCode()).as(String.valueOf(header)).isEqualTo(401);
      assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("unauthorized");
    }
    join.close();
  }

  @Test
  @DisplayName(
      "HS3 DELETE /api/workshops/{id} needs the facilitator key; it closes sockets with 4004")
  void deleteWorkshop() {
    JsonObject created = server.createWorkshop("À effacer", "fr");
    String path = "/api/workshops/" + created.getString("id");
    TestClient ana = server.join(created.getString("id"), "Ana");
    assertThat(server.delete(path, null).statusCode()).isEqualTo(401);
    assertThat(server.delete(path, "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(server.get(path).statusCode()).isEqualTo(200);

    var deleted = server.delete(path, "Bearer " + created.getString("facilitatorKey"));
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(ana.awaitClose().code()).isEqualTo((short) 4004);
    assertThat(server.get(path).statusCode()).isEqualTo(404);
    assertThat(server.delete(path, "Bearer " + created.getString("facilitatorKey")).statusCode())
        .isEqualTo(404);
    TestClient late = server.connect().hello(created.getString("id"), null, "Ben", null);
    assertThat(late.awaitClose().code()).isEqualTo((short) 4004);
  }

  @Test
  @DisplayName("a bad creation request answers 400 with a JSON error naming the problem")
  void badCreation() {
    for (String body :
        new String[] {
          "not json",
          "[]",
          "{}",
          "{\"title\":\"  \"}",
          "{\"title\":\"T\",\"language\":\"de\"}",
          "{\"title\":42}"
        }) {
      HttpResponse<String> response = server.post("/api/workshops", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      JsonObject error = new JsonObject(response.body());
      assertThat(error.getString("error")).isEqualTo("bad_request");
      assertThat(error.getString("message")).isNotBlank();
    }
  }

  @Test
  @DisplayName("GET /health answers 200; pages carry a strict Content-Security-Policy")
  void healthAndHeaders() {
    HttpResponse<String> health = server.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> home = server.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<String> page = server.get("/w/some-workshop-id");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    HttpResponse<String> projector = server.get("/w/some-workshop-id/projector");
    assertThat(projector.statusCode()).isEqualTo(200);
    assertThat(projector.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(projector.headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain("unsafe-inline");
    assertThat(projector.body()).contains("/js/projector.js").doesNotContain("<style");
  }
}
