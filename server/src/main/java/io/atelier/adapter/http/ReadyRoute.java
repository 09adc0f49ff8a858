package io.atelier.adapter.http;

import io.atelier.application.Readiness;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ready}: 200 while this node may take browsers, 503 with a reason otherwise. Load
 * balancers send traffic only to ready nodes; {@code GET /health} only says the process is alive.
 */
final class ReadyRoute {
  private static final Logger LOG = LoggerFactory.getLogger(ReadyRoute.class);
  private final Readiness readiness;
  private volatile String lastProblem;

  ReadyRoute(Readiness readiness) {
    this.readiness = readiness;
  }

  void ready(RoutingContext ctx) {
    Future.fromCompletionStage(readiness.report(), ctx.vertx().getOrCreateContext())
        .onSuccess(
            report -> {
              if (report.ready()) {
                lastProblem = null;
                Json.reply(
                    ctx,
                    200,
                    new JsonObject().put("status", "ready").put("members", report.members()));
              } else {
                String problem = report.problem().orElseThrow();
                if (!problem.equals(lastProblem)) { // Load balancers ask every few seconds.
                  LOG.warn("Not ready: {}", problem);
                  lastProblem = problem;
                }
                Json.reply(
                    ctx, 503, new JsonObject().put("status", "not_ready").put("reason", problem));
              }
            })
        .onFailure(ctx::fail);
  }
}
