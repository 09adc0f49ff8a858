package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** Creates the workshops a scenario runs in, through the public HTTP API. */
final class Workshops {
  private final HttpClient http;
  private final URI url;

  Workshops(Vertx vertx, URI url) {
    this.http = vertx.createHttpClient();
    this.url = url;
  }

  Future<String> create(String title) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(url.getHost())
            .setPort(url.getPort())
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
