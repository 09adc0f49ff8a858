package io.atelier;

import io.atelier.adapter.http.HttpVerticle;
import io.atelier.adapter.metrics.PrometheusMetrics;
import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.application.IdGenerator;
import io.atelier.application.ImageService;
import io.atelier.application.Readiness;
import io.atelier.application.RoomHub;
import io.atelier.application.RoomMetrics;
import io.atelier.application.RoomServices;
import io.atelier.application.SlowReaders;
import io.atelier.application.WorkshopExpiry;
import io.atelier.application.WorkshopFeed;
import io.atelier.application.WorkshopService;
import io.atelier.application.WorkshopStore;
import io.atelier.config.AtelierConfig;
import io.atelier.domain.CanvasTemplate;
import io.atelier.protocol.ProtocolCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Atelier node, wired: the Hazelcast member (or in-memory ports), the room hub and the HTTP
 * verticle. {@code Main} starts one from the environment; tests start as many as they need.
 */
public final class AtelierServer {
  private static final Logger LOG = LoggerFactory.getLogger(AtelierServer.class);

  private final Vertx vertx;
  private final NodeStorage storage;
  private final HttpVerticle http;
  private final RoomHub hub;
  private final Readiness readiness;

  private AtelierServer(
      Vertx vertx, NodeStorage storage, HttpVerticle http, RoomHub hub, Readiness readiness) {
    this.vertx = vertx;
    this.storage = storage;
    this.http = http;
    this.hub = hub;
    this.readiness = readiness;
  }

  public static Future<AtelierServer> start(AtelierConfig config) {
    LOG.info("Starting Atelier: {}", config.describe());
    // ATELIER_METRICS=off: no registry at all, and Vert.x without its metrics SPI.
    Optional<PrometheusMetrics> metrics =
        config.metrics() ? Optional.of(new PrometheusMetrics()) : Optional.empty();
    Vertx vertx = metrics.map(PrometheusMetrics::newVertx).orElseGet(Vertx::vertx);
    RoomMetrics roomMetrics = metrics.map(PrometheusMetrics::rooms).orElse(RoomMetrics.NONE);
    return vertx
        .executeBlocking(() -> NodeStorage.open(config, roomMetrics))
        .compose(
            storage -> {
              WorkshopStore store = storage.store();
              WorkshopFeed feed = storage.feed();
              ProtocolCodec codec = new ProtocolCodec();
              RoomHub hub = new RoomHub(codec);
              IdGenerator ids =
                  storage.nodeId() == null ? new IdGenerator() : new IdGenerator(storage.nodeId());
              Clock clock = Clock.systemUTC();
              List<CanvasTemplate> layouts =
                  TemplateCatalog.load().all().stream()
                      .map(TemplateCatalog.Template::layout)
                      .toList();
              RoomServices rooms =
                  new RoomServices(store, feed, hub, codec, ids, clock, layouts, roomMetrics);
              metrics.ifPresent(node -> watch(node, hub, storage));
              Readiness readiness = readiness(vertx, storage);
              WorkshopService workshops =
                  new WorkshopService(store, storage.images(), feed, ids, clock);
              ImageService images = new ImageService(workshops, storage.images());
              HttpVerticle http =
                  new HttpVerticle(
                      config,
                      workshops,
                      images,
                      rooms,
                      readiness,
                      metrics.map(PrometheusMetrics::route));
              scheduleExpiry(vertx, config, storage, workshops, clock);
              return vertx
                  .executeBlocking(
                      () -> {
                        feed.start(hub::deliver); // Registers a topic listener: blocking, once.
                        return null;
                      })
                  .compose(started -> vertx.deployVerticle(http))
                  .map(deployed -> new AtelierServer(vertx, storage, http, hub, readiness))
                  .onFailure(error -> storage.close());
            })
        .onSuccess(server -> LOG.info("Atelier is listening on port {}", server.port()))
        .onFailure(error -> vertx.close());
  }

  /** GET /metrics reads this node's sockets and workshops, and the cluster's size if it has one. */
  private static void watch(PrometheusMetrics metrics, RoomHub hub, NodeStorage storage) {
    metrics.watch(hub);
    if (storage.hazelcast() != null) {
      metrics.watchCluster(storage::clusterMembers);
    }
  }

  /** The optional expiry sweeps on a worker, never on the event loop. */
  private static void scheduleExpiry(
      Vertx vertx,
      AtelierConfig config,
      NodeStorage storage,
      WorkshopService workshops,
      Clock clock) {
    if (storage.journal() == null || config.journal().expireAfter().isEmpty()) {
      return;
    }
    WorkshopExpiry expiry =
        new WorkshopExpiry(
            storage.journal(),
            workshops,
            config.journal().expireAfter().get(),
            clock,
            storage::leadsCluster);
    vertx.setPeriodic(
        expiry.interval().toMillis(),
        timer ->
            vertx
                .executeBlocking(expiry::sweep, false)
                .onFailure(error -> LOG.warn("The expiry sweep failed", error)));
  }

  /** Blocking checks (Hazelcast's) run on a Vert.x worker, never on the event loop. */
  private static Readiness readiness(Vertx vertx, NodeStorage storage) {
    Executor worker =
        task ->
            vertx.executeBlocking(
                () -> {
                  task.run();
                  return null;
                },
                false);
    return storage.readiness(worker);
  }

  public int port() {
    return http.actualPort();
  }

  /** The cluster member this node is (its connection ids start with it); null without one. */
  public String nodeId() {
    return storage.nodeId();
  }

  public int openSessions() {
    return hub.sessionCount();
  }

  /** LM11: the sockets this node dropped because their reader fell too far behind. */
  public SlowReaders slowReaders() {
    return http.slowReaders();
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Closes every browser socket of this node; the browsers reconnect by themselves (SY3). Used
   * before a stop, and by tests that check what a browser does when the server drops it.
   */
  public void closeAllSockets(int code, String reason) {
    hub.closeAll(code, reason);
  }

  /** The checks behind {@code GET /ready}; another part of the node may add its own. */
  public Readiness readiness() {
    return readiness;
  }

  /**
   * Stops the node: {@code /ready} answers 503 from now on, and its browsers are told to go away
   * (1001) and reconnect by themselves.
   */
  public Future<Void> stop() {
    readiness.stopping();
    closeAllSockets(1001, "This server is stopping; reconnecting.");
    return vertx
        .close()
        .compose(
            closed ->
                Future.fromCompletionStage(
                    CompletableFuture.runAsync(storage::close, AtelierServer::runOnNewThread)));
  }

  /** Closing the storage blocks for a while; the Vert.x threads are gone by then. */
  private static void runOnNewThread(Runnable task) {
    Thread thread = new Thread(task, "atelier-stop");
    thread.start();
  }
}
