package io.atelier.adapter.http;

import io.atelier.application.ClientChannel;
import io.atelier.application.RoomServices;
import io.atelier.application.RoomSession;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /ws}: upgrades a request and binds the socket to a new {@link RoomSession}. */
final class WebSocketGateway {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
  private final RoomServices rooms;

  WebSocketGateway(RoomServices rooms) {
    this.rooms = rooms;
  }

  void upgrade(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      Json.error(ctx, 400, "bad_request", "This address takes WebSocket connections only.");
      return;
    }
    ctx.request()
        .toWebSocket()
        .onSuccess(this::bind)
        .onFailure(error -> LOG.debug("WebSocket upgrade refused: {}", error.getMessage()));
  }

  private void bind(ServerWebSocket socket) {
    RoomSession session = new RoomSession(new SocketChannel(socket, Vertx.currentContext()), rooms);
    socket.textMessageHandler(session::onFrame);
    socket.binaryMessageHandler(binary -> session.onFrame(binary.toString()));
    socket.closeHandler(closed -> session.onClose());
    socket.exceptionHandler(error -> LOG.debug("WebSocket error: {}", error.getMessage()));
  }

  /**
   * A Vert.x socket seen as a {@link ClientChannel}. Sends come from Hazelcast threads (store
   * completions, the feed) as well as the event loop. Every write is queued on the socket's own
   * event loop: a message above the frame size goes out as several frames, and a write from another
   * thread must never slip between them (the browser would drop the connection), nor overtake a
   * message queued before it.
   */
  private record SocketChannel(ServerWebSocket socket, Context context) implements ClientChannel {
    @Override
    public void send(String message) {
      context.runOnContext(ignored -> socket.writeTextMessage(message));
    }

    @Override
    public void close(int code, String reason) {
      context.runOnContext(ignored -> socket.close((short) code, CloseReason.fit(reason)));
    }
  }
}
