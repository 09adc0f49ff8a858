package io.atelier.adapter.http;

import io.atelier.application.WorkshopService;
import io.atelier.domain.Checks;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.Language;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code /api/workshops}: create one, read its public facts (with its join link), delete it. */
final class WorkshopRoutes {
  private final WorkshopService workshops;
  private final Optional<String> publicUrl;

  WorkshopRoutes(WorkshopService workshops, Optional<String> publicUrl) {
    this.workshops = workshops;
    this.publicUrl = publicUrl;
  }

  void create(RoutingContext ctx) {
    String title;
    Language language;
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new InvalidValueException("the body must be a JSON object");
      }
      title = Checks.label(stringField(body, "title"), Checks.MAX_TITLE, "title");
      language =
          Language.fromCode(body.containsKey("language") ? stringField(body, "language") : "fr");
    } catch (DecodeException | ClassCastException e) {
      Json.error(ctx, 400, "bad_request", "The body must be a JSON object.");
      return;
    } catch (InvalidValueException e) {
      Json.error(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    Future.fromCompletionStage(workshops.create(title, language), ctx.vertx().getOrCreateContext())
        .onSuccess(created -> created(ctx, created))
        .onFailure(error -> internal(ctx, error));
  }

  /** 201 for a new workshop, made or imported: its facts, its two links and the key, shown once. */
  void created(RoutingContext ctx, WorkshopService.CreatedWorkshop created) {
    String base = baseUrl(ctx);
    WorkshopFacts facts = created.facts();
    String id = facts.id().value();
    ctx.response().putHeader("Location", "/api/workshops/" + id);
    Json.reply(
        ctx,
        201,
        publicFacts(facts)
            .put("joinUrl", joinUrl(ctx, facts.id()))
            .put("facilitatorUrl", base + "/w/" + id + "#key=" + created.facilitatorKey())
            .put("facilitatorKey", created.facilitatorKey()));
  }

  void find(RoutingContext ctx) {
    Optional<WorkshopId> id = workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
      return;
    }
    Future.fromCompletionStage(workshops.facts(id.get()), ctx.vertx().getOrCreateContext())
        .onSuccess(
            found ->
                found.ifPresentOrElse(
                    facts ->
                        Json.reply(
                            ctx, 200, publicFacts(facts).put("joinUrl", joinUrl(ctx, facts.id()))),
                    () -> Json.error(ctx, 404, "not_found", "No such workshop.")))
        .onFailure(error -> internal(ctx, error));
  }

  /** Facilitator only: deletes the workshop everywhere, memory and disk (204). */
  void delete(RoutingContext ctx) {
    Optional<WorkshopId> id = workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
      return;
    }
    Future.fromCompletionStage(
            workshops.delete(id.get(), bearer(ctx)), ctx.vertx().getOrCreateContext())
        .onSuccess(
            deletion -> {
              switch (deletion) {
                case DELETED -> ctx.response().setStatusCode(204).end();
                case NOT_FOUND -> Json.error(ctx, 404, "not_found", "No such workshop.");
                case NOT_THE_FACILITATOR -> unauthorized(ctx);
              }
            })
        .onFailure(error -> internal(ctx, error));
  }

  /** Facilitator only: who is in the workshop, online or not. */
  void participants(RoutingContext ctx) {
    Optional<WorkshopId> id = workshopId(ctx);
    if (id.isEmpty()) {
      Json.error(ctx, 404, "not_found", "No such workshop.");
      return;
    }
    Future.fromCompletionStage(
            workshops.authority(id.get(), bearer(ctx)), ctx.vertx().getOrCreateContext())
        .compose(
            found -> {
              if (found.isEmpty()) {
                Json.error(ctx, 404, "not_found", "No such workshop.");
                return Future.succeededFuture();
              }
              if (!found.get().facilitator()) {
                unauthorized(ctx);
                return Future.succeededFuture();
              }
              return Future.fromCompletionStage(
                      workshops.participants(id.get()), ctx.vertx().getOrCreateContext())
                  .onSuccess(
                      people ->
                          Json.reply(
                              ctx,
                              200,
                              new JsonObject()
                                  .put(
                                      "participants",
                                      new JsonArray(
                                          people.stream()
                                              .map(
                                                  p ->
                                                      new JsonObject()
                                                          .put("id", p.id().value())
                                                          .put("name", p.name())
                                                          .put("color", p.color())
                                                          .put("online", p.online()))
                                              .toList()))));
            })
        .onFailure(error -> internal(ctx, error));
  }

  static Optional<WorkshopId> workshopId(RoutingContext ctx) {
    try {
      return Optional.of(new WorkshopId(ctx.pathParam("id")));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  /** Facilitator-only endpoints answer this without the key or a facilitator's token (RO6). */
  static void unauthorized(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    Json.error(
        ctx,
        401,
        "unauthorized",
        "This needs the workshop's facilitator key or the token of one of its facilitators.");
  }

  /**
   * The secret of {@code Authorization: Bearer <secret>} (the facilitator key, or a participant's
   * token: RO6); null without one.
   */
  static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  private static JsonObject publicFacts(WorkshopFacts facts) {
    return new JsonObject()
        .put("id", facts.id().value())
        .put("title", facts.title())
        .put("language", facts.language().code());
  }

  /**
   * The link people join by: what the invitation shares and the QR code encodes (RO7). Built on
   * {@code ATELIER_PUBLIC_URL} when set, else on the address this request came to.
   */
  String joinUrl(RoutingContext ctx, WorkshopId id) {
    return baseUrl(ctx) + "/w/" + id.value();
  }

  private String baseUrl(RoutingContext ctx) {
    return publicUrl.orElseGet(
        () -> {
          HostAndPort authority = ctx.request().authority();
          if (authority == null) {
            return ctx.request().scheme() + "://localhost";
          }
          String port = authority.port() > 0 ? ":" + authority.port() : "";
          return ctx.request().scheme() + "://" + authority.host() + port;
        });
  }

  private static String stringField(JsonObject body, String name) {
    Object value = body.getValue(name);
    if (value == null) {
      throw new InvalidValueException(name + " is required");
    }
    if (!(value instanceof String text)) {
      throw new InvalidValueException(name + " must be a string");
    }
    return text;
  }

  /** ER3: the failure is logged with an incident id that the 500 carries, its text never sent. */
  static void internal(RoutingContext ctx, Throwable error) {
    HttpErrors.internal(ctx, error);
  }
}
