package io.atelier.adapter.http;

import io.atelier.application.AddressConnections;
import io.atelier.application.BoundedChannel;
import io.atelier.application.FloodMeter;
import io.atelier.application.RoomServices;
import io.atelier.application.RoomSession;
import io.atelier.application.SessionLimits;
import io.atelier.application.SlowReaders;
import io.atelier.application.WriteQueueLimits;
import io.atelier.config.Limits;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws}: checks who may open a socket (LM10 the page's origin, LM4 the sockets of the
 * address), upgrades the request, binds the socket to a new {@link RoomSession} and closes it when
 * it floods (LM3). What is written to the socket goes through a {@link BoundedChannel}, which drops
 * a reader too far behind (LM11).
 */
final class WebSocketGateway {
  /** LM3: a socket that sends too much, of anything. */
  static final int CLOSE_FLOODING = 1008;

  /** LM4: too many sockets from one address. */
  static final int CLOSE_TOO_MANY_CONNECTIONS = 4029;

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
  private final RoomServices rooms;
  private final SessionLimits sessionLimits;
  private final Limits limits;
  private final OriginCheck origins;
  private final ClientAddress addresses;
  private final AddressConnections connections;
  private final WriteQueueLimits writeQueue;
  private final SlowReaders slowReaders = new SlowReaders();

  WebSocketGateway(
      RoomServices rooms,
      SessionLimits sessionLimits,
      Limits limits,
      OriginCheck origins,
      ClientAddress addresses) {
    this.rooms = rooms;
    this.sessionLimits = sessionLimits;
    this.limits = limits;
    this.origins = origins;
    this.addresses = addresses;
    this.connections = new AddressConnections(limits.connectionsPerAddress());
    this.writeQueue =
        new WriteQueueLimits(
            (long) limits.writeQueueKilobytes() << 10,
            (long) limits.writeQueueMaxKilobytes() << 10,
            limits.writeQueueGraceMillis() * 1_000_000L,
            System::nanoTime);
  }

  /** LM11: the sockets this node dropped for being too far behind. */
  SlowReaders slowReaders() {
    return slowReaders;
  }

  void upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.canUpgradeToWebSocket()) {
      Json.error(ctx, 400, "bad_request", "This address takes WebSocket connections only.");
      return;
    }
    if (!origins.allows(request)) {
      Json.error(
          ctx,
          403,
          "origin_not_allowed",
          "Pages of this origin may not open a workshop's socket (ATELIER_ALLOWED_ORIGINS).");
      return;
    }
    String address = addresses.of(request);
    // Counted before the upgrade, so that a burst of upgrades cannot all pass a check made after.
    boolean counted = connections.tryOpen(address);
    HttpConnection connection = request.connection(); // LM11: to cut it if need be
    request
        .toWebSocket()
        .onSuccess(socket -> admit(socket, address, counted, connection))
        .onFailure(
            error -> {
              if (counted) {
                connections.closed(address);
              }
              LOG.debug("WebSocket upgrade refused: {}", error.getMessage());
            });
  }

  /**
   * LM4: a browser cannot read the answer to a refused upgrade, only a close code: so the socket is
   * opened and closed at once, with a code the page explains and does not retry.
   */
  private void admit(
      ServerWebSocket socket, String address, boolean counted, HttpConnection connection) {
    if (!counted) {
      LOG.debug("Refused a socket of {}: it has {} open", address, connections.perAddress());
      socket.close(
          (short) CLOSE_TOO_MANY_CONNECTIONS,
          "Too many connections from your network ("
              + connections.perAddress()
              + "). Close some tabs.");
      return;
    }
    bind(socket, address, connection);
  }

  private void bind(ServerWebSocket socket, String address, HttpConnection connection) {
    VertxSocketWire wire =
        new VertxSocketWire(
            socket, Vertx.currentContext(), connection, limits.writeQueueGraceMillis());
    RoomSession session =
        new RoomSession(
            new BoundedChannel(wire, writeQueue, slowReaders, rooms.metrics()),
            rooms,
            sessionLimits);
    FloodMeter flood =
        new FloodMeter(limits.floodMessagesPerSecond(), limits.floodSeconds(), System::nanoTime);
    socket.textMessageHandler(frame -> inbound(socket, session, flood, frame));
    socket.binaryMessageHandler(binary -> inbound(socket, session, flood, binary.toString()));
    socket.closeHandler(
        closed -> {
          connections.closed(address);
          session.onClose();
        });
    socket.exceptionHandler(error -> failed(socket, error));
  }

  /**
   * ER1: a message above the cap (HttpVerticle.MAX_MESSAGE_BYTES) closes the socket with 1009, as a
   * frame that breaks the protocol closes it with Netty's code (1002). Left to Vert.x, a frame
   * above the cap closed the socket with 1000, as if all were well, and a message sent in several
   * smaller frames was dropped, leaving the sender waiting for an answer.
   */
  private static void failed(ServerWebSocket socket, Throwable error) {
    String what = String.valueOf(error.getMessage());
    if (error instanceof CorruptedWebSocketFrameException corrupted) {
      socket.close((short) corrupted.closeStatus().code(), CloseReason.fit(what));
    } else if (error instanceof IllegalStateException && what.contains("max message size")) {
      socket.close(
          (short) WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
          "Message too big: at most " + HttpVerticle.MAX_MESSAGE_BYTES + " bytes.");
    } else {
      LOG.debug("WebSocket error: {}", what);
    }
  }

  /** LM3: a flooding socket's frames go no further than here, and the socket is closed. */
  private static void inbound(
      ServerWebSocket socket, RoomSession session, FloodMeter flood, String frame) {
    if (flood.admit()) {
      session.onFrame(frame);
    } else if (!socket.isClosed()) {
      LOG.info("Closed a flooding socket of {}", socket.remoteAddress());
      socket.close((short) CLOSE_FLOODING, "Too many messages: this connection is closed.");
    }
  }
}
