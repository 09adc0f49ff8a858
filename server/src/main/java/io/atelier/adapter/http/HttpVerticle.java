package io.atelier.adapter.http;

import io.atelier.adapter.export.Exporter;
import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.application.CreationQuota;
import io.atelier.application.ImageService;
import io.atelier.application.Readiness;
import io.atelier.application.RoomServices;
import io.atelier.application.SessionLimits;
import io.atelier.application.SlowReaders;
import io.atelier.application.Timers;
import io.atelier.application.WorkshopService;
import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.Optional;

/** The HTTP and WebSocket server of a node: the route table and nothing else. */
public final class HttpVerticle extends VerticleBase {
  /** ER1 and issue 7: a frame or message above this closes the socket with 1009. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private final AtelierConfig config;
  private final WorkshopService workshops;
  private final ImageService images;
  private final RoomServices rooms;
  private final Readiness readiness;
  private final Optional<Handler<RoutingContext>> metrics;
  private HttpServer server;
  private WebSocketGateway gateway;

  /**
   * @param metrics what answers {@code GET /metrics}; none with {@code ATELIER_METRICS=off}
   */
  public HttpVerticle(
      AtelierConfig config,
      WorkshopService workshops,
      ImageService images,
      RoomServices rooms,
      Readiness readiness,
      Optional<Handler<RoutingContext>> metrics) {
    this.config = config;
    this.workshops = workshops;
    this.images = images;
    this.rooms = rooms;
    this.readiness = readiness;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    WorkshopRoutes workshopRoutes = new WorkshopRoutes(workshops, config.publicUrl());
    ImageRoutes imageRoutes = new ImageRoutes(images);
    gateway = websocketGateway();
    CreationLimit creations =
        new CreationLimit(
            new CreationQuota(config.limits().workshopsPerHour(), System::nanoTime),
            new ClientAddress(config.limits().trustedProxies()));
    PageRoutes pages = new PageRoutes();
    QrRoutes qrCodes = new QrRoutes(workshops, workshopRoutes);
    ExportRoutes exports =
        new ExportRoutes(
            workshops,
            workshopRoutes,
            new Exporter(TemplateCatalog.load(), Clock.systemUTC()),
            config.limits().importBytes());

    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::add);
    router.get("/health").handler(pages::health);
    router.get("/ready").handler(new ReadyRoute(readiness)::ready);
    metrics.ifPresent(scrape -> router.get("/metrics").handler(scrape));
    router.post("/api/workshops").handler(creations::check); // LM7
    router.post("/api/workshops").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    router.post("/api/workshops").handler(workshopRoutes::create);
    router.get("/api/workshops/:id").handler(workshopRoutes::find);
    router.delete("/api/workshops/:id").handler(workshopRoutes::delete);
    router.get("/api/workshops/:id/participants").handler(workshopRoutes::participants);
    router.get("/api/workshops/:id/export").handler(exports::export);
    router.get("/api/workshops/:id/qr.svg").handler(qrCodes::joinCode);
    // The large bodies: each its own limit, and no file uploads to disk.
    router.post("/api/workshops/import").handler(creations::check); // LM7, before the body
    router
        .post("/api/workshops/import")
        .handler(BodyHandler.create(false).setBodyLimit(config.limits().importBytes()))
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
    ServedTls.apply(config.tls(), options);
    return vertx
        .createHttpServer(options)
        .requestHandler(router)
        .invalidRequestHandler(HttpErrors::invalidRequest)
        .listen()
        .onSuccess(listening -> server = listening);
  }

  /** LM1 to LM4, LM10: what every socket of this node is held to. */
  private WebSocketGateway websocketGateway() {
    Limits limits = config.limits();
    Timers timers =
        (delayMillis, task) -> vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
    SessionLimits sessionLimits =
        new SessionLimits(
            limits.changesPerSecond(),
            limits.changesBurst(),
            limits.cursorsPerSecond(),
            limits.workshop(),
            timers,
            System::nanoTime);
    return new WebSocketGateway(
        rooms,
        sessionLimits,
        limits,
        new OriginCheck(config.allowedOrigins()),
        new ClientAddress(limits.trustedProxies()));
  }

  /** LM11: the sockets this node dropped for being too far behind (once started). */
  public SlowReaders slowReaders() {
    return gateway.slowReaders();
  }

  public int actualPort() {
    return server.actualPort();
  }
}
