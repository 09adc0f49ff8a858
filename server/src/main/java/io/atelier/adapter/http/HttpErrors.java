package io.atelier.adapter.http;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ER3: every error the HTTP server answers by itself, rather than a route, in the API's shape. A
 * route that matches no request (404), a method an address does not take (405), a body cut off by a
 * limit (413), a request Netty could not read (400, 414, 431) and a handler that threw (500) are
 * all answered {@code {error, message}} as JSON under {@code /api/}, {@code /health}, {@code
 * /ready}, {@code /metrics} and {@code /ws}, and as one line of text elsewhere: never Vert.x's HTML
 * page, never an exception's text. A 500 carries an incident id, logged at WARN with the exception,
 * so that a person can quote it and an operator can find it.
 */
final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  /**
   * Answers every 4xx and 5xx that reaches the router without an answer. Called once the route
   * table is complete: each address it declares for some methods answers 405 to the others
   * (Vert.x's own 405 does not survive the static files' catch-all route, which takes every path).
   */
  static void install(Router router) {
    Set<String> paths = new LinkedHashSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() != null && route.methods() != null && !route.methods().isEmpty()) {
        paths.add(route.getPath());
      }
    }
    for (String path : paths) {
      router.route(path).handler(ctx -> ctx.fail(405));
    }
    for (int status = 400; status < 600; status++) {
      int code = status;
      router.errorHandler(code, ctx -> failed(ctx, code));
    }
  }

  /** A request Netty could not decode: too long a line (414), too large headers (431), or junk. */
  static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = 400;
    if (cause instanceof TooLongFrameException tooLong) {
      String what = String.valueOf(tooLong.getMessage());
      status = what.contains("header") ? 431 : what.contains("line") ? 414 : 400;
    }
    HttpServerResponse response = request.response();
    response.putHeader("Connection", "close").putHeader("X-Content-Type-Options", "nosniff");
    answer(response, status, true, null); // its path may not even be readable: JSON, for programs
  }

  /** A failure the caller did not expect: 500, with an incident id in the log and the answer. */
  static void internal(RoutingContext ctx, Throwable error) {
    String incident = incidentId();
    LOG.warn(
        "HTTP incident {}: {} {} failed",
        incident,
        ctx.request().method(),
        ctx.request().path(),
        error);
    if (!ctx.response().ended() && !ctx.response().headWritten()) {
      answer(ctx.response(), 500, api(ctx.request().path()), incident);
    } else if (!ctx.response().ended()) {
      ctx.response().reset(); // half an answer was sent: the client must not take it as whole
    }
  }

  private static void failed(RoutingContext ctx, int status) {
    if (status >= 500) {
      internal(ctx, ctx.failure() != null ? ctx.failure() : new IllegalStateException("" + status));
      return;
    }
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    answer(ctx.response(), status, api(ctx.request().path()), null);
  }

  private static void answer(
      HttpServerResponse response, int status, boolean json, String incident) {
    String message = message(status);
    if (incident != null) {
      message += " Incident " + incident + ".";
    }
    response.setStatusCode(status).putHeader("Cache-Control", "no-store");
    if (json) {
      JsonObject body = new JsonObject().put("error", code(status)).put("message", message);
      if (incident != null) {
        body.put("incident", incident);
      }
      response.putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    } else {
      response
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(status + " " + message + "\n");
    }
  }

  /** Paths a program reads: their errors are JSON. The pages' errors are read by a person. */
  private static boolean api(String path) {
    return path.equals("/api")
        || path.startsWith("/api/")
        || path.equals("/health")
        || path.equals("/ready")
        || path.equals("/metrics") // read by Prometheus, a program too
        || path.equals("/ws");
  }

  static String code(int status) {
    return switch (status) {
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "bad_request";
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 401 -> "This needs the workshop's facilitator key.";
      case 403 -> "This is not allowed.";
      case 404 -> "Nothing here: no such address.";
      case 405 -> "This address does not take that method.";
      case 413 -> "The body is larger than this address takes.";
      case 414 -> "The address is too long.";
      case 415 -> "This address does not take that type of body.";
      case 429 -> "Too many requests; wait a little.";
      case 431 -> "The request's headers are too large.";
      case 503 -> "The server is not available now; try again.";
      default ->
          status >= 500 ? "The server could not do this; try again." : "The request is not valid.";
    };
  }

  /** Not a secret, only a handle: twelve hex digits to find one line in the log. */
  private static String incidentId() {
    return String.format("%012x", ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL);
  }
}
