package io.atelier;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.adapter.hazelcast.HazelcastReadiness;
import io.atelier.adapter.hazelcast.HazelcastWorkshopFeed;
import io.atelier.adapter.hazelcast.HazelcastWorkshopStore;
import io.atelier.adapter.http.HttpVerticle;
import io.atelier.adapter.memory.InMemoryWorkshopFeed;
import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.application.IdGenerator;
import io.atelier.application.Readiness;
import io.atelier.application.RoomHub;
import io.atelier.application.RoomServices;
import io.atelier.application.WorkshopFeed;
import io.atelier.application.WorkshopService;
import io.atelier.application.WorkshopStore;
import io.atelier.config.AtelierConfig;
import io.atelier.protocol.ProtocolCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
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
  private final HazelcastInstance hazelcast;
  private final WorkshopFeed feed;
  private final HttpVerticle http;
  private final RoomHub hub;
  private final Readiness readiness;

  private AtelierServer(
      Vertx vertx,
      HazelcastInstance hazelcast,
      WorkshopFeed feed,
      HttpVerticle http,
      RoomHub hub,
      Readiness readiness) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.feed = feed;
    this.http = http;
    this.hub = hub;
    this.readiness = readiness;
  }

  public static Future<AtelierServer> start(AtelierConfig config) {
    LOG.info("Starting Atelier: {}", config.describe());
    Vertx vertx = Vertx.vertx();
    return vertx
        .executeBlocking(
            () ->
                config.storage() == AtelierConfig.Storage.HAZELCAST
                    ? HazelcastMember.start(config.cluster())
                    : null)
        .compose(
            hazelcast -> {
              WorkshopStore store =
                  hazelcast != null
                      ? new HazelcastWorkshopStore(hazelcast)
                      : new InMemoryWorkshopStore();
              WorkshopFeed feed =
                  hazelcast != null
                      ? new HazelcastWorkshopFeed(hazelcast)
                      : new InMemoryWorkshopFeed();
              ProtocolCodec codec = new ProtocolCodec();
              RoomHub hub = new RoomHub(codec);
              IdGenerator ids = new IdGenerator();
              Clock clock = Clock.systemUTC();
              RoomServices rooms = new RoomServices(store, feed, hub, codec, ids, clock);
              Readiness readiness = readiness(vertx, hazelcast);
              HttpVerticle http =
                  new HttpVerticle(
                      config, new WorkshopService(store, ids, clock), rooms, readiness);
              return vertx
                  .executeBlocking(
                      () -> {
                        feed.start(hub::deliver); // Registers a topic listener: blocking, once.
                        return null;
                      })
                  .compose(started -> vertx.deployVerticle(http))
                  .map(deployed -> new AtelierServer(vertx, hazelcast, feed, http, hub, readiness));
            })
        .onSuccess(server -> LOG.info("Atelier is listening on port {}", server.port()))
        .onFailure(error -> vertx.close());
  }

  /** In memory: ready once started. With Hazelcast: while the member runs in an active cluster. */
  private static Readiness readiness(Vertx vertx, HazelcastInstance hazelcast) {
    if (hazelcast == null) {
      return new Readiness(() -> CompletableFuture.completedFuture(1), List.of());
    }
    Executor worker =
        task ->
            vertx.executeBlocking(
                () -> {
                  task.run();
                  return null;
                },
                false);
    HazelcastReadiness member = new HazelcastReadiness(hazelcast, worker);
    return new Readiness(member::members, List.of(member));
  }

  public int port() {
    return http.actualPort();
  }

  public int openSessions() {
    return hub.sessionCount();
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
                Vertx.vertx()
                    .executeBlocking(
                        () -> {
                          if (hazelcast == null || hazelcast.getLifecycleService().isRunning()) {
                            feed.stop(); // Unregisters from a member that may already be gone.
                          }
                          if (hazelcast != null) {
                            hazelcast.shutdown();
                          }
                          return null;
                        })
                    .map(done -> (Void) null));
  }
}
