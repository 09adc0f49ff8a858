package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.testing.Await;
import io.atelier.testing.HeaderedSocket;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The limits of one client address (LM4, LM7, LM9) and of an import's body (LM8), over real sockets
 * and HTTP against a node whose limits are small.
 */
class AddressLimitsSocketTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private RunningServer serverWith(Map<String, String> limits) {
    RunningServer server =
        new RunningServer(AtelierConfig.forTests().withLimits(Limits.fromEnvironment(limits)));
    open.add(server);
    return server;
  }

  private TestClient connect(RunningServer server) {
    TestClient client = server.connect();
    open.add(client);
    return client;
  }

  /** A newcomer's socket: whether the node let it in (welcomed) rather than closing it. */
  private boolean enters(RunningServer server, String workshopId) {
    HeaderedSocket socket = HeaderedSocket.open(server.port(), Map.of());
    open.add(socket);
    socket.send(hello(workshopId));
    Await.condition(
        () -> socket.isClosed() || socket.received("\"synced\""),
        Duration.ofSeconds(10),
        () -> "neither synced nor closed");
    return !socket.isClosed();
  }

  private HeaderedSocket socketFrom(RunningServer server, String forwardedFor) {
    HeaderedSocket socket =
        HeaderedSocket.open(server.port(), Map.of("X-Forwarded-For", forwardedFor));
    open.add(socket);
    return socket;
  }

  private static String hello(String workshopId) {
    return new JsonObject()
        .put("type", "hello")
        .put("protocol", 1)
        .put("workshopId", workshopId)
        .put("displayName", "Essai")
        .encode();
  }

  private HttpResponse<String> create(RunningServer server, String forwardedFor) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/workshops"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString("{\"title\":\"Atelier\",\"language\":\"fr\"}"));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName(
      "LM4 an address with as many sockets as allowed: the next one is closed at once with 4029"
          + " and a reason; once one of them closes, a new one gets in")
  void connectionsPerAddress() {
    RunningServer server = serverWith(Map.of("ATELIER_MAX_CONNECTIONS_PER_ADDRESS", "3"));
    String id = server.createWorkshop("Réseau", "fr").getString("id");
    List<TestClient> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestClient client = connect(server).hello(id, null, "P" + i, null);
      client.await(Synced.class);
      three.add(client);
    }
    // Opened, then closed at once: a browser reads a close code, never a refused upgrade's body.
    HeaderedSocket fourth = HeaderedSocket.open(server.port(), Map.of());
    open.add(fourth);
    assertThat(fourth.opened()).isTrue();
    TestClient.CloseStatus refused = fourth.awaitClose();
    assertThat(refused.code()).isEqualTo((short) 4029);
    assertThat(refused.reason()).contains("Too many connections").contains("3");
    assertThat(three).noneMatch(TestClient::isClosed);

    three.get(0).close();
    three.get(0).awaitClose();
    Await.condition(() -> enters(server, id), Duration.ofSeconds(10), () -> "no place was freed");
  }

  @Test
  @DisplayName(
      "LM9 LM4 behind a trusted proxy, sockets count by the address the proxy appended to"
          + " X-Forwarded-For, whatever a client wrote before it; without one, the header is"
          + " ignored")
  void connectionsBehindAProxy() {
    RunningServer behindProxy =
        serverWith(
            Map.of("ATELIER_MAX_CONNECTIONS_PER_ADDRESS", "1", "ATELIER_TRUST_PROXY", "true"));
    String id = behindProxy.createWorkshop("Mandataire", "fr").getString("id");
    HeaderedSocket ana = socketFrom(behindProxy, "198.51.100.1");
    assertThat(ana.send(hello(id)).awaitFrame("\"welcome\"")).isNotEmpty();
    HeaderedSocket ben = socketFrom(behindProxy, "198.51.100.2");
    assertThat(ben.send(hello(id)).awaitFrame("\"welcome\"")).isNotEmpty();
    // A second socket of Ana's address, whatever it claims in front of what the proxy wrote.
    HeaderedSocket forged = socketFrom(behindProxy, "203.0.113.9, 198.51.100.1");
    assertThat(forged.awaitClose().code()).isEqualTo((short) 4029);

    RunningServer direct = serverWith(Map.of("ATELIER_MAX_CONNECTIONS_PER_ADDRESS", "1"));
    String other = direct.createWorkshop("Direct", "fr").getString("id");
    HeaderedSocket first = socketFrom(direct, "198.51.100.1");
    assertThat(first.send(hello(other)).awaitFrame("\"welcome\"")).isNotEmpty();
    HeaderedSocket second = socketFrom(direct, "198.51.100.2");
    assertThat(second.awaitClose().code()).isEqualTo((short) 4029);
  }

  @Test
  @DisplayName(
      "LM7 an address that created its quota of workshops within the hour gets 429 rate_limited"
          + " with Retry-After, for a creation and an import alike; another address does not")
  void workshopsPerHour() {
    RunningServer server =
        serverWith(Map.of("ATELIER_WORKSHOPS_PER_HOUR", "2", "ATELIER_TRUST_PROXY", "1"));
    assertThat(create(server, "198.51.100.1").statusCode()).isEqualTo(201);
    assertThat(create(server, "198.51.100.1").statusCode()).isEqualTo(201);

    HttpResponse<String> refused = create(server, "198.51.100.1");
    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject body = new JsonObject(refused.body());
    assertThat(body.getString("error")).isEqualTo("rate_limited");
    assertThat(body.getString("message")).contains("hour");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(3_500L, 3_600L);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");

    HttpResponse<String> importRefused =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/workshops/import"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(importRefused.statusCode()).isEqualTo(429);
    assertThat(new JsonObject(importRefused.body()).getString("error")).isEqualTo("rate_limited");

    assertThat(create(server, "198.51.100.2").statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("LM8 an import body above the configured size is 413 too_large, naming the limit")
  void importBodyLimit() {
    RunningServer server = serverWith(Map.of("ATELIER_MAX_IMPORT_MB", "1"));
    byte[] body = new byte[(1 << 20) + 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    HttpResponse<String> refused =
        server.post("/api/workshops/import", "application/json", body, null);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("too_large");
    assertThat(new JsonObject(refused.body()).getString("message")).contains("1 MiB");
  }
}
