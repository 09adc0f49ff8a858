package io.atelier.testing;

import io.atelier.AtelierServer;
import io.atelier.config.AtelierConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real node on loopback (with its embedded Hazelcast member) and helpers to talk to it. */
public final class RunningServer implements AutoCloseable {
  private final AtelierServer server;
  private final Vertx clientVertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();

  public RunningServer(AtelierConfig config) {
    this.server = Await.result(AtelierServer.start(config));
  }

  public RunningServer() {
    this(AtelierConfig.forTests());
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public AtelierServer server() {
    return server;
  }

  /** A workshop created through the HTTP API: the 201 body. */
  public JsonObject createWorkshop(String title, String language) {
    HttpResponse<String> response =
        post(
            "/api/workshops",
            new JsonObject().put("title", title).put("language", language).encode());
    if (response.statusCode() != 201) {
      throw new AssertionError("create answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  public HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  public HttpResponse<String> delete(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
  }

  /** A raw body, e.g. an image; a null content type or authorization sends no such header. */
  public HttpResponse<String> post(
      String path, String contentType, byte[] body, String authorization) {
    return post(path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), authorization);
  }

  public HttpResponse<String> post(
      String path, String contentType, HttpRequest.BodyPublisher body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /** The body as bytes, e.g. an image. */
  public HttpResponse<byte[]> getBytes(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public TestClient connect() {
    return TestClient.connect(clientVertx, port());
  }

  public TestClient connect(
      java.util.function.Consumer<io.atelier.protocol.ServerMessage> listener) {
    return TestClient.connect(clientVertx, port(), listener);
  }

  /** A client that has said hello as a newcomer and is synced. */
  public TestClient join(String workshopId, String name) {
    TestClient client = connect().hello(workshopId, null, name, null);
    client.await(io.atelier.protocol.ServerMessage.Synced.class);
    return client;
  }

  /**
   * The facilitator of a workshop this server created: a newcomer named "Anim" presenting the key
   * of {@code created} (the body of POST /api/workshops), synced (HS7).
   */
  public TestClient facilitate(JsonObject created) {
    TestClient client =
        connect()
            .send(
                new io.atelier.protocol.ClientMessage.Hello(
                    io.atelier.protocol.ProtocolCodec.PROTOCOL_VERSION,
                    created.getString("id"),
                    null,
                    "Anim",
                    null,
                    created.getString("facilitatorKey")));
    client.await(io.atelier.protocol.ServerMessage.Synced.class);
    return client;
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    Await.result(clientVertx.close());
    Await.result(server.stop());
  }
}
