package io.atelier.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.atelier.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * ER3: a handler that throws, or fails with an exception, answers 500 with an incident id and no
 * word of the exception; the log holds the exception under the same id, at WARN.
 */
class HttpErrorsIncidentTest {
  private final Vertx vertx = Vertx.vertx();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(HttpErrors.class);
  private HttpServer server;

  @BeforeEach
  void start() {
    log.start();
    logger.addAppender(log);
    Router router = Router.router(vertx);
    router
        .get("/api/throws")
        .handler(
            ctx -> {
              throw new IllegalStateException("secret detail 42");
            });
    router.get("/api/fails").handler(ctx -> ctx.fail(new IllegalStateException("db password x")));
    router
        .get("/page-throws")
        .handler(
            ctx -> {
              throw new IllegalStateException("secret detail 43");
            });
    HttpErrors.install(router);
    server =
        Await.result(
            vertx
                .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(router)
                .listen());
  }

  @AfterEach
  void stop() {
    logger.detachAppender(log);
    Await.result(vertx.close());
  }

  @Test
  @DisplayName(
      "ER3 a failing handler answers 500 JSON with an incident id, logged with the exception")
  void incidents() throws Exception {
    for (String path : List.of("/api/throws", "/api/fails")) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      JsonObject body = new JsonObject(answer.body());
      assertThat(body.getString("error")).isEqualTo("internal");
      String incident = body.getString("incident");
      assertThat(incident).matches("[0-9a-f]{12}");
      assertThat(body.getString("message")).contains(incident);
      assertThat(answer.body()).doesNotContain("secret", "password", "Exception", "at io.");

      List<ILoggingEvent> lines =
          log.list.stream().filter(e -> e.getFormattedMessage().contains(incident)).toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
      assertThat(lines.get(0).getFormattedMessage()).contains(path);
      assertThat(lines.get(0).getThrowableProxy().getMessage()).containsAnyOf("secret", "password");
    }
  }

  @Test
  @DisplayName("ER3 a failing page answers a line of text with the incident id, never a stack")
  void pageIncident() throws Exception {
    HttpResponse<String> answer = get("/page-throws");
    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(answer.body()).contains("Incident").doesNotContain("secret", "<html", "Exception");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
