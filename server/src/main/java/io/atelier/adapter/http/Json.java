package io.atelier.adapter.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers, errors included: a code a program can test and a message a person can read. */
final class Json {
  private Json() {}

  static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    reply(ctx, status, new JsonObject().put("error", code).put("message", message));
  }
}
