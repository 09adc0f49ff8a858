package io.atelier.adapter.http;

import io.atelier.adapter.export.BadExportException;
import io.atelier.adapter.export.ExportFormat;
import io.atelier.adapter.export.Exporter;
import io.atelier.adapter.export.JsonImport;
import io.atelier.adapter.export.WorkshopExport;
import io.atelier.application.WorkshopService;
import io.atelier.application.WorkshopService.ContentAccess;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.WorkshopId;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Results leaving the tool and coming back: {@code GET /api/workshops/{id}/export} (EX1) and {@code
 * POST /api/workshops/import} (EX2). The formats themselves live in {@code adapter.export}.
 */
final class ExportRoutes {
  private final WorkshopService workshops;
  private final WorkshopRoutes workshopRoutes;
  private final Exporter exporter;

  /**
   * EX2, LM8: an import body above this is answered 413 before it is read. By default (160 MiB)
   * large enough for any export this server makes: 50 images of 2 MiB in base64 (about 134 MiB)
   * plus the notes.
   */
  private final long maxImportBytes;

  ExportRoutes(
      WorkshopService workshops,
      WorkshopRoutes workshopRoutes,
      Exporter exporter,
      long maxImportBytes) {
    this.workshops = workshops;
    this.workshopRoutes = workshopRoutes;
    this.exporter = exporter;
    this.maxImportBytes = maxImportBytes;
  }

  /** Facilitator only: the workshop as a file, {@code ?format=md|csv|json[&tz=<IANA zone>]}. */
  void export(RoutingContext ctx) {
    Optional<WorkshopId> id = WorkshopRoutes.workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
      return;
    }
    Future.fromCompletionStage(
            workshops.content(id.get(), WorkshopRoutes.bearer(ctx)),
            ctx.vertx().getOrCreateContext())
        .onSuccess(
            access -> {
              if (access == ContentAccess.Refused.NOT_FOUND) {
                Json.error(ctx, 404, "not_found", "No such workshop.");
              } else if (access == ContentAccess.Refused.NOT_THE_FACILITATOR) {
                WorkshopRoutes.unauthorized(ctx);
              } else {
                send(ctx, (ContentAccess.Granted) access);
              }
            })
        .onFailure(error -> WorkshopRoutes.internal(ctx, error));
  }

  private void send(RoutingContext ctx, ContentAccess.Granted granted) {
    Optional<ExportFormat> format = ExportFormat.fromCode(ctx.queryParams().get("format"));
    if (format.isEmpty()) {
      Json.error(ctx, 400, "bad_request", "format must be md, csv, json or speaking.");
      return;
    }
    ZoneId timeZone;
    try {
      String tz = ctx.queryParams().get("tz");
      timeZone = tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
    } catch (DateTimeException e) {
      Json.error(ctx, 400, "bad_request", "tz must be a time zone such as America/Montreal.");
      return;
    }
    Exporter.ExportFile file =
        exporter.export(
            WorkshopExport.of(granted.facts(), granted.content(), granted.images()),
            format.get(),
            timeZone);
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", file.contentType())
        .putHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(file.body()));
  }

  /** Anyone may import: the result is a new workshop whose facilitator key only they receive. */
  void importWorkshop(RoutingContext ctx) {
    Future<WorkshopService.CreatedWorkshop> created;
    try {
      if (ctx.body() == null || ctx.body().buffer() == null) {
        throw new BadExportException("The body must be a JSON export.");
      }
      WorkshopExport read = JsonImport.read(ctx.body().buffer().getBytes());
      created =
          Future.fromCompletionStage(
              workshops.importWorkshop(
                  read.title(), read.language(), read.content(), read.images()),
              ctx.vertx().getOrCreateContext());
    } catch (BadExportException | InvalidValueException e) {
      Json.error(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    created
        .onSuccess(workshop -> workshopRoutes.created(ctx, workshop))
        .onFailure(
            error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof InvalidValueException) {
                Json.error(ctx, 400, "bad_request", cause.getMessage());
              } else {
                WorkshopRoutes.internal(ctx, error);
              }
            });
  }

  /** The body handler refuses a body above the limit; the answer is JSON like every other. */
  void refused(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      Json.error(
          ctx,
          413,
          "too_large",
          "An import is at most " + (maxImportBytes >> 20) + " MiB of JSON.");
    } else {
      ctx.next();
    }
  }
}
