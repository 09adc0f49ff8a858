package io.atelier.adapter.http;

import io.vertx.ext.web.RoutingContext;

/** The pages that are not plain files: the workshop page for every workshop link, and health. */
final class PageRoutes {
  void workshop(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile("webroot/workshop.html");
  }

  void health(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end("{\"status\":\"up\"}");
  }
}
