package io.atelier.adapter.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The pages that are not plain files: the workshop page for every workshop link, its projector view
 * (a read-only screen for the room, HS8), and health.
 */
final class PageRoutes {
  void workshop(RoutingContext ctx) {
    page(ctx, "webroot/workshop.html");
  }

  void projector(RoutingContext ctx) {
    page(ctx, "webroot/projector.html");
  }

  private static void page(RoutingContext ctx, String file) {
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile(file);
  }

  void health(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end("{\"status\":\"up\"}");
  }
}
