package io.atelier.adapter.http;

import io.atelier.application.ImageService;
import io.atelier.application.ImageService.Upload;
import io.atelier.application.StoredImage;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopId;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code /api/workshops/:id/images}: the facilitator uploads an image as the raw body, everyone
 * with the workshop's link reads it. Images are content-addressed, so an answer never changes and
 * browsers may keep it for a year.
 */
final class ImageRoutes {
  /**
   * The body limit of an upload: the largest image and a little more, so that the rule itself
   * ({@link ImageRules#MAX_BYTES}) answers at the edge, and anything much larger is cut off while
   * it arrives (413), never held whole.
   */
  static final long BODY_LIMIT = ImageRules.MAX_BYTES + 16 * 1024;

  static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

  private final ImageService images;

  ImageRoutes(ImageService images) {
    this.images = images;
  }

  /** Facilitator only: 201 with the image's id and path. */
  void upload(RoutingContext ctx) {
    Optional<WorkshopId> id = WorkshopRoutes.workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
      return;
    }
    RequestBody body = ctx.body();
    byte[] bytes = body.buffer() == null ? new byte[0] : body.buffer().getBytes();
    String contentType = ctx.request().getHeader("Content-Type");
    Future.fromCompletionStage(
            images.upload(id.get(), WorkshopRoutes.bearer(ctx), contentType, bytes),
            ctx.vertx().getOrCreateContext())
        .onSuccess(upload -> answer(ctx, id.get(), upload))
        .onFailure(error -> WorkshopRoutes.internal(ctx, error));
  }

  private static void answer(RoutingContext ctx, WorkshopId id, Upload upload) {
    if (upload instanceof Upload.Stored stored) {
      String url = "/api/workshops/" + id.value() + "/images/" + stored.image().id();
      ctx.response().putHeader("Location", url);
      Json.reply(ctx, 201, new JsonObject().put("id", stored.image().id()).put("url", url));
    } else if (upload instanceof Upload.NoSuchWorkshop) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
    } else if (upload instanceof Upload.NotTheFacilitator) {
      WorkshopRoutes.unauthorized(ctx);
    } else if (upload instanceof Upload.Refused refused) {
      switch (refused.reason()) {
        case TOO_LARGE -> Json.error(ctx, 413, "too_large", refused.message());
        case TOO_MANY -> Json.error(ctx, 409, "too_many_images", refused.message());
        case UNSUPPORTED_TYPE, NOT_THAT_TYPE ->
            Json.error(ctx, 400, "bad_request", refused.message());
      }
    }
  }

  /** Anyone with the workshop's link: the bytes, with the type they were checked to be. */
  void read(RoutingContext ctx) {
    Optional<WorkshopId> id = WorkshopRoutes.workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such image.");
      return;
    }
    Future.fromCompletionStage(
            images.find(id.get(), ctx.pathParam("imageId")), ctx.vertx().getOrCreateContext())
        .onSuccess(
            found ->
                found.ifPresentOrElse(
                    image -> send(ctx, image),
                    () -> Json.error(ctx, 404, "not_found", "No such image.")))
        .onFailure(error -> WorkshopRoutes.internal(ctx, error));
  }

  private static void send(RoutingContext ctx, StoredImage image) {
    ctx.response()
        .putHeader("Content-Type", image.contentType())
        .putHeader("Cache-Control", CACHE_FOREVER)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(Buffer.buffer(image.bytes()));
  }

  /** The body handler cut off a body above {@link #BODY_LIMIT}: a JSON 413 like the others. */
  void failed(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      Json.error(
          ctx,
          413,
          "too_large",
          "an image may hold at most " + ImageRules.MAX_BYTES + " bytes (2 MiB); upload cut off");
      return;
    }
    ctx.next();
  }
}
