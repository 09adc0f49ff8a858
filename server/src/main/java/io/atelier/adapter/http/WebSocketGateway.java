package io.atelier.adapter.http;

import io.atelier.application.ClientChannel;
import io.atelier.application.RoomServices;
import io.atelier.application.RoomSession;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
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
