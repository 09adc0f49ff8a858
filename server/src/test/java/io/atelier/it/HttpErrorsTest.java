package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ServerMessage;
import io.atelier.testing.RawHttp;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ER3: every route of the HTTP table (HttpVerticle) walked with bad ids, bad bodies, wrong methods,
 * missing or wrong keys, bad query parameters, and requests too large to read. Each answer is a 4xx
 * with a JSON body {@code {error, message}}: never a stack trace, an exception's text or an HTML
 * page.
 */
class HttpErrorsTest {
  private static RunningServer server;
  private static String id;
  private static String key;
  private static String participantToken;

  @BeforeAll
  static void start() {
    server = new RunningServer();
    JsonObject created = server.createWorkshop("Routes", "fr");
    id = created.getString("id");
    key = created.getString("facilitatorKey");
    try (TestClient participant = server.join(id, "Ana")) {
      participantToken = participant.await(ServerMessage.Welcome.class).token();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One request and the answer it must get. */
  record Case(String method, String path, String headers, byte[] body, int status, String error) {
    Case(String method, String path, String headers, String body, int status, String error) {
      this(method, path, headers, body.getBytes(StandardCharsets.UTF_8), status, error);
    }

    @Override
    public String toString() {
      return method + " " + (path.length() > 80 ? path.substring(0, 80) + "…" : path);
    }
  }

  @Test
  @DisplayName("ER3 every route answers bad requests with a 4xx and a JSON {error, message}")
  void everyRouteAnswersJson() {
    String ws = "/api/workshops/" + id;
    String auth = "Authorization: Bearer " + key;
    String json = "Content-Type: application/json";
    List<Case> cases =
        List.of(
            // Unknown addresses and ids.
            new Case("GET", "/api/nope", "", "", 404, "not_found"),
            new Case("GET", "/api/", "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/AAAAAAAAAAAAAAAAAAAAAA", "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/" + "a".repeat(300), "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/%00%ff", "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/%3Cscript%3E", "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/..%2F..%2Fetc", "", "", 404, "not_found"),
            new Case("GET", ws + "/nope", "", "", 404, "not_found"),
            new Case("GET", ws + "/images/not-a-sha", "", "", 404, "not_found"),
            new Case("GET", ws + "/images/" + "0".repeat(64), "", "", 404, "not_found"),
            new Case(
                "GET", "/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/qr.svg", "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/%3Cscript%3E/qr.svg", "", "", 404, "not_found"),
            new Case("GET", "/api/workshops/x%zz", "", "", 400, "bad_request"),
            // Methods an address does not take.
            new Case("PUT", ws, json, "{}", 405, "method_not_allowed"),
            new Case("PATCH", ws, json, "{}", 405, "method_not_allowed"),
            new Case("POST", ws, json, "{}", 405, "method_not_allowed"),
            new Case("DELETE", "/api/workshops", "", "", 405, "method_not_allowed"),
            new Case("GET", "/api/workshops", "", "", 405, "method_not_allowed"),
            new Case("PUT", "/api/workshops/import", json, "{}", 405, "method_not_allowed"),
            new Case("DELETE", ws + "/export", auth, "", 405, "method_not_allowed"),
            new Case("POST", ws + "/participants", auth, "", 405, "method_not_allowed"),
            new Case("PUT", ws + "/images", auth, "", 405, "method_not_allowed"),
            new Case("POST", "/health", "", "", 405, "method_not_allowed"),
            new Case("DELETE", "/ready", "", "", 405, "method_not_allowed"),
            new Case("POST", "/ws", "", "", 405, "method_not_allowed"),
            new Case("POST", ws + "/qr.svg", "", "", 405, "method_not_allowed"),
            new Case("DELETE", ws + "/qr.svg", auth, "", 405, "method_not_allowed"),
            new Case("POST", "/metrics", "", "", 405, "method_not_allowed"),
            new Case("DELETE", "/metrics", "", "", 405, "method_not_allowed"),
            // Creating: bodies that are not a workshop.
            new Case("POST", "/api/workshops", json, "", 400, "bad_request"),
            new Case("POST", "/api/workshops", json, "not json", 400, "bad_request"),
            new Case("POST", "/api/workshops", json, "[]", 400, "bad_request"),
            new Case("POST", "/api/workshops", json, "null", 400, "bad_request"),
            new Case("POST", "/api/workshops", json, "{}", 400, "bad_request"),
            new Case("POST", "/api/workshops", json, "{\"title\":5}", 400, "bad_request"),
            new Case("POST", "/api/workshops", json, "{\"title\":\"\"}", 400, "bad_request"),
            new Case(
                "POST", "/api/workshops", json, "{\"title\":\"a\\u0007b\"}", 400, "bad_request"),
            new Case(
                "POST",
                "/api/workshops",
                json,
                "{\"title\":\"" + "t".repeat(121) + "\"}",
                400,
                "bad_request"),
            new Case(
                "POST",
                "/api/workshops",
                json,
                "{\"title\":\"T\",\"language\":\"xx\"}",
                400,
                "bad_request"),
            new Case(
                "POST",
                "/api/workshops",
                json,
                "{\"title\":\"T\",\"language\":[]}",
                400,
                "bad_request"),
            new Case(
                "POST",
                "/api/workshops",
                json,
                "[".repeat(5_000) + "]".repeat(5_000),
                400,
                "bad_request"),
            new Case(
                "POST",
                "/api/workshops",
                json,
                "{\"title\":\"" + "t".repeat(20_000) + "\"}",
                413,
                "too_large"),
            // Facilitator-only routes without the key, with another scheme, with a wrong key.
            new Case("DELETE", ws, "", "", 401, "unauthorized"),
            new Case("DELETE", ws, "Authorization: Basic " + key, "", 401, "unauthorized"),
            new Case("DELETE", ws, "Authorization: Bearer", "", 401, "unauthorized"),
            new Case(
                "DELETE",
                ws,
                "Authorization: Bearer " + "k".repeat(2_000),
                "",
                401,
                "unauthorized"),
            new Case("GET", ws + "/participants", "", "", 401, "unauthorized"),
            new Case(
                "GET", ws + "/participants", "Authorization: Bearer nope", "", 401, "unauthorized"),
            new Case("GET", ws + "/export?format=md", "", "", 401, "unauthorized"),
            // RO6: a person's token opens these routes only while they facilitate.
            new Case(
                "GET",
                ws + "/export?format=md",
                "Authorization: Bearer " + participantToken,
                "",
                401,
                "unauthorized"),
            new Case(
                "DELETE", ws, "Authorization: Bearer " + participantToken, "", 401, "unauthorized"),
            new Case("POST", ws + "/images", "Content-Type: image/png", "", 401, "unauthorized"),
            new Case("DELETE", "/api/workshops/AAAAAAAAAAAAAAAAAAAAAA", auth, "", 404, "not_found"),
            // Query parameters.
            new Case("GET", ws + "/export", auth, "", 400, "bad_request"),
            new Case("GET", ws + "/export?format=exe", auth, "", 400, "bad_request"),
            new Case("GET", ws + "/export?format=", auth, "", 400, "bad_request"),
            new Case("GET", ws + "/export?format=md&tz=Mars/Base", auth, "", 400, "bad_request"),
            new Case(
                "GET",
                ws + "/export?format=md&tz=" + "z".repeat(500),
                auth,
                "",
                400,
                "bad_request"),
            new Case("GET", ws + "/export?format=%zz", auth, "", 400, "bad_request"),
            new Case("GET", ws + "/export?format=md&tz=%", auth, "", 400, "bad_request"),
            // Imports and uploads that are not what they say.
            new Case("POST", "/api/workshops/import", json, "", 400, "bad_request"),
            new Case("POST", "/api/workshops/import", json, "x", 400, "bad_request"),
            new Case("POST", "/api/workshops/import", json, "{}", 400, "bad_request"),
            new Case(
                "POST",
                ws + "/images",
                auth + "\r\nContent-Type: image/gif",
                "GIF89a",
                400,
                "bad_request"),
            new Case(
                "POST",
                ws + "/images",
                auth + "\r\nContent-Type: image/png",
                "not a png",
                400,
                "bad_request"),
            new Case("POST", ws + "/images", auth, "x", 400, "bad_request"),
            new Case(
                "POST",
                "/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/images",
                "Content-Type: image/png",
                "x",
                404,
                "not_found"),
            // The socket's address, asked without an upgrade, and by another site's page (LM10).
            new Case("GET", "/ws", "", "", 400, "bad_request"),
            new Case(
                "GET",
                "/ws",
                "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: https://evil.example",
                "",
                403,
                "origin_not_allowed"));

    List<String> problems = new ArrayList<>();
    for (Case c : cases) {
      RawHttp.Answer answer =
          RawHttp.exchange(
              server.port(),
              c.method()
                  + " "
                  + c.path()
                  + " HTTP/1.1\r\nHost: 127.0.0.1"
                  // An upgrade names its own Connection: a second one would hide it.
                  + (c.headers().contains("Connection:") ? "" : "\r\nConnection: close")
                  + (c.headers().isEmpty() ? "" : "\r\n" + c.headers())
                  + "\r\nContent-Length: "
                  + c.body().length,
              c.body());
      String problem = judge(c.status(), c.error(), answer);
      if (problem != null) {
        problems.add(c + ": " + problem);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName(
      "ER3 a body announced larger than the limit is refused with 413 JSON before it is read")
  void announcedBodiesTooLarge() {
    String auth = "Authorization: Bearer " + key;
    for (String[] route :
        new String[][] {
          {"/api/workshops", "Content-Type: application/json"},
          {"/api/workshops/import", "Content-Type: application/json"},
          {"/api/workshops/" + id + "/images", auth + "\r\nContent-Type: image/png"}
        }) {
      RawHttp.Answer answer =
          RawHttp.exchange(
              server.port(),
              "POST "
                  + route[0]
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                  + route[1]
                  + "\r\nContent-Length: "
                  + (500L << 20),
              new byte[0]);
      assertThat(judge(413, "too_large", answer)).as(route[0]).isNull();
    }
  }

  @Test
  @DisplayName(
      "ER3 requests the server cannot read (huge headers, a huge address, junk) get a JSON 4xx")
  void unreadableRequests() {
    RawHttp.Answer headers =
        RawHttp.exchange(
            server.port(),
            "GET /api/workshops/"
                + id
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: "
                + "j".repeat(20_000),
            new byte[0]);
    assertThat(judge(431, "headers_too_large", headers)).isNull();

    RawHttp.Answer line =
        RawHttp.exchange(
            server.port(),
            "GET /api/workshops/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1",
            new byte[0]);
    assertThat(judge(414, "uri_too_long", line)).isNull();

    RawHttp.Answer junk = RawHttp.exchange(server.port(), "HELLO THERE", new byte[0]);
    assertThat(junk.status()).isEqualTo(400);
    assertThat(junk.body()).doesNotContain("Exception", "<html");

    RawHttp.Answer badHeader =
        RawHttp.exchange(
            server.port(),
            "GET /api/workshops/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: many",
            new byte[0]);
    assertThat(badHeader.status()).isEqualTo(400);
    assertThat(badHeader.body()).doesNotContain("Exception", "<html");
  }

  @Test
  @DisplayName("ER3 a page that does not exist is a short text 404, not an HTML error page")
  void pagesNotFound() {
    RawHttp.Answer answer =
        RawHttp.exchange(
            server.port(),
            "GET /no-such-page.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close",
            new byte[0]);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("content-type")).startsWith("text/plain");
    assertThat(answer.body()).doesNotContain("<", "Exception");
    assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
  }

  /** Null when the answer is the status with a JSON {error, message} and nothing internal. */
  static String judge(int status, String error, RawHttp.Answer answer) {
    if (answer.status() != status) {
      return "status " + answer.status() + " instead of " + status + ": " + answer.body();
    }
    String type = answer.header("content-type");
    if (type == null || !type.startsWith("application/json")) {
      return "content type " + type + ": " + answer.body();
    }
    JsonObject body;
    try {
      body = new JsonObject(answer.body());
    } catch (RuntimeException e) {
      return "not JSON: " + answer.body();
    }
    if (!error.equals(body.getString("error"))) {
      return "error " + body.getString("error") + " instead of " + error;
    }
    String message = body.getString("message");
    if (message == null || message.isBlank()) {
      return "no message: " + answer.body();
    }
    for (String leak : new String[] {"Exception", "\tat ", "io.vertx", "io.netty", "<html"}) {
      if (answer.body().contains(leak)) {
        return "leaks " + leak + ": " + answer.body();
      }
    }
    return null;
  }
}
