package io.atelier;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.adapter.hazelcast.HazelcastWorkshopFeed;
import io.atelier.adapter.hazelcast.HazelcastWorkshopStore;
import io.atelier.adapter.http.HttpVerticle;
import io.atelier.adapter.memory.InMemoryWorkshopFeed;
import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.application.IdGenerator;
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

  private AtelierServer(
      Vertx vertx, HazelcastInstance hazelcast, WorkshopFeed feed, HttpVerticle http, RoomHub hub) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.feed = feed;
    this.http = http;
    this.hub = hub;
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
              HttpVerticle http =
                  new HttpVerticle(config, new WorkshopService(store, ids, clock), rooms);
              return vertx
                  .executeBlocking(
                      () -> {
                        feed.start(hub::deliver); // Registers a topic listener: blocking, once.
                        return null;
                      })
                  .compose(started -> vertx.deployVerticle(http))
                  .map(deployed -> new AtelierServer(vertx, hazelcast, feed, http, hub));
            })
        .onSuccess(server -> LOG.info("Atelier is listening on port {}", server.port()))
        .onFailure(error -> vertx.close());
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

  /** Stops the node; its browsers are told to go away (1001) and reconnect by themselves. */
  public Future<Void> stop() {
    closeAllSockets(1001, "This server is stopping; reconnecting.");
    return vertx
        .close()
        .compose(
            closed ->
                Vertx.vertx()
                    .executeBlocking(
                        () -> {
                          feed.stop();
                          if (hazelcast != null) {
                            hazelcast.shutdown();
                          }
                          return null;
                        })
                    .map(done -> (Void) null));
  }
}
