package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** Creates the workshops a scenario runs in, through the public HTTP API of a node. */
final class Workshops {
  private final HttpClient http;

  Workshops(Vertx vertx) {
    this.http = vertx.createHttpClient();
  }

  Future<String> create(URI node, String title) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(node.getHost())
            .setPort(node.getPort())
            .setURI("/api/workshops")
            .putHeader("Content-Type", "application/json");
    return http.request(request)
        .compose(r -> r.send(new JsonObject().put("title", title).put("language", "fr").encode()))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        body -> {
                          if (response.statusCode() != 201) {
                            String hint =
                                response.statusCode() == 429
                                    ? " Start the server with a higher"
                                        + " ATELIER_WORKSHOPS_PER_HOUR (LM7)."
                                    : "";
                            throw new IllegalStateException(
                                "create answered " + response.statusCode() + ": " + body + hint);
                          }
                          return body.toJsonObject().getString("id");
                        }));
  }
}
