package io.atelier.adapter.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}: the registry in Prometheus' text format. The scrape walks every meter and
 * reads every gauge (the hub's sockets among them), so it runs on a worker: the event loop keeps
 * writing the rooms' frames meanwhile.
 */
final class ScrapeRoute implements Handler<RoutingContext> {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  ScrapeRoute(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.vertx()
        .executeBlocking(registry::scrape, false)
        .onSuccess(
            text ->
                ctx.response()
                    .putHeader("Content-Type", TEXT_FORMAT)
                    .putHeader("Cache-Control", "no-store")
                    .end(text))
        .onFailure(ctx::fail);
  }
}
