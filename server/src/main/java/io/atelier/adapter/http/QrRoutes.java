package io.atelier.adapter.http;

import io.atelier.adapter.qr.QrCodeSvg;
import io.atelier.application.WorkshopService;
import io.atelier.domain.WorkshopId;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /api/workshops/:id/qr.svg} (RO7): the join link as a QR code, for the projector and
 * the facilitator's invitation dialog. Public, as the join link is: it encodes nothing else, never
 * a key or a token. The code of a workshop never changes, so browsers keep it for a day.
 */
final class QrRoutes {
  static final String CACHE_A_DAY = "public, max-age=86400";

  private final WorkshopService workshops;
  private final WorkshopRoutes workshopRoutes;

  QrRoutes(WorkshopService workshops, WorkshopRoutes workshopRoutes) {
    this.workshops = workshops;
    this.workshopRoutes = workshopRoutes;
  }

  void joinCode(RoutingContext ctx) {
    Optional<WorkshopId> id = WorkshopRoutes.workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
      return;
    }
    Future.fromCompletionStage(workshops.facts(id.get()), ctx.vertx().getOrCreateContext())
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                Json.error(ctx, 404, "not_found", "No such workshop.");
                return;
              }
              // A few hundred microseconds of arithmetic for a link: no reason to leave the loop.
              String svg = QrCodeSvg.of(workshopRoutes.joinUrl(ctx, id.get()));
              ctx.response()
                  .putHeader("Content-Type", "image/svg+xml; charset=utf-8")
                  .putHeader("Cache-Control", CACHE_A_DAY)
                  .end(svg);
            })
        .onFailure(error -> WorkshopRoutes.internal(ctx, error));
  }
}
