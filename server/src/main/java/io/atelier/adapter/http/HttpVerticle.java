package io.atelier.adapter.http;

import io.atelier.adapter.export.Exporter;
import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.application.ImageService;
import io.atelier.application.Readiness;
import io.atelier.application.RoomServices;
import io.atelier.application.WorkshopService;
import io.atelier.config.AtelierConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;

/** The HTTP and WebSocket server of a node: the route table and nothing else. */
public final class HttpVerticle extends VerticleBase {
  /** ER1 and issue 7: a frame or message above this closes the socket with 1009. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private final AtelierConfig config;
  private final WorkshopService workshops;
  private final ImageService images;
  private final RoomServices rooms;
  private final Readiness readiness;
  private HttpServer server;

  public HttpVerticle(
      AtelierConfig config,
      WorkshopService workshops,
      ImageService images,
      RoomServices rooms,
      Readiness readiness) {
    this.config = config;
    this.workshops = workshops;
    this.images = images;
    this.rooms = rooms;
    this.readiness = readiness;
  }

  @Override
  public Future<?> start() {
    WorkshopRoutes workshopRoutes = new WorkshopRoutes(workshops, config.publicUrl());
    ImageRoutes imageRoutes = new ImageRoutes(images);
    WebSocketGateway gateway = new WebSocketGateway(rooms);
    PageRoutes pages = new PageRoutes();
    ExportRoutes exports =
        new ExportRoutes(
            workshops, workshopRoutes, new Exporter(TemplateCatalog.load(), Clock.systemUTC()));

    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::add);
    router.get("/health").handler(pages::health);
    router.get("/ready").handler(new ReadyRoute(readiness)::ready);
    router.post("/api/workshops").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    router.post("/api/workshops").handler(workshopRoutes::create);
    router.get("/api/workshops/:id").handler(workshopRoutes::find);
    router.delete("/api/workshops/:id").handler(workshopRoutes::delete);
    router.get("/api/workshops/:id/participants").handler(workshopRoutes::participants);
    router.get("/api/workshops/:id/export").handler(exports::export);
    // The large bodies: each its own limit, and no file uploads to disk.
    router
        .post("/api/workshops/import")
        .handler(BodyHandler.create(false).setBodyLimit(ExportRoutes.MAX_IMPORT_BYTES))
        .handler(exports::importWorkshop)
        .failureHandler(exports::refused);
    router
        .post("/api/workshops/:id/images")
        .handler(BodyHandler.create(false).setBodyLimit(ImageRoutes.BODY_LIMIT))
        .handler(imageRoutes::upload)
        .failureHandler(imageRoutes::failed);
    router.get("/api/workshops/:id/images/:imageId").handler(imageRoutes::read);
    router.get("/ws").handler(gateway::upgrade);
    router.get("/w/:id").handler(pages::workshop);
    router.get("/w/:id/projector").handler(pages::projector);
    // Max-age 0: browsers revalidate (304) on every load, so a new release reaches them at once
    // (a client too old for the protocol is told to reload: HS2).
    router
        .route("/*")
        .handler(StaticHandler.create("webroot").setIndexPage("index.html").setMaxAgeSeconds(0));
    HttpErrors.install(router); // ER3: 404, 405, 413, 500 ... as JSON under /api/, never a page

    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.httpHost())
            .setPort(config.httpPort())
            .setMaxWebSocketFrameSize(MAX_MESSAGE_BYTES)
            .setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES);
    return vertx
        .createHttpServer(options)
        .requestHandler(router)
        .invalidRequestHandler(HttpErrors::invalidRequest)
        .listen()
        .onSuccess(listening -> server = listening);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
