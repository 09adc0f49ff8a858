package io.atelier.adapter.http;

import io.atelier.application.SocketWire;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vert.x server socket as a {@link SocketWire}: tasks run on the socket's own event loop, in the
 * order they were posted, so a message above the frame size goes out as consecutive frames that no
 * write from another thread can slip between (the browser would drop the connection).
 *
 * <p>A write's future completes once Netty has handed its bytes to the kernel, or failed them with
 * a closed socket: counted from the hand-over to that moment, a backlog covers the event loop's
 * tasks, Vert.x's outbound queue and Netty's buffer at once, in exact characters. {@code
 * writeQueueFull()} and a {@code drainHandler} see only the last two, and serve a producer that
 * pauses: a room never waits for one of its readers, so a reader too far behind is dropped instead
 * (LM11).
 */
final class VertxSocketWire implements SocketWire {
  private static final Logger LOG = LoggerFactory.getLogger(VertxSocketWire.class);

  private final ServerWebSocket socket;
  private final Context context;
  private final HttpConnection connection;
  private final long graceMillis;

  /**
   * @param connection the connection the socket was upgraded from: the one way to its network
   *     channel, to cut a connection whose close cannot get through
   */
  VertxSocketWire(
      ServerWebSocket socket, Context context, HttpConnection connection, long graceMillis) {
    this.socket = socket;
    this.context = context;
    this.connection = connection;
    this.graceMillis = graceMillis;
  }

  @Override
  public void post(Runnable task) {
    context.runOnContext(ignored -> task.run());
  }

  @Override
  public void write(String message, Runnable gone) {
    Future<Void> written;
    try {
      written = socket.writeTextMessage(message);
    } catch (RuntimeException e) {
      gone.run();
      throw e;
    }
    written.onComplete(result -> gone.run());
  }

  @Override
  public void close(int code, String reason) {
    socket.close((short) code, CloseReason.fit(reason));
  }

  /**
   * The close frame goes behind what is queued, and Vert.x starts its closing timeout only once
   * that frame is written: a reader that never reads again would hold the connection, and
   * everything queued for it, for as long as its TCP stack answers. So the connection is cut after
   * the grace period. One timer per dropped socket, none per message.
   */
  @Override
  public void closeBehind(int code, String reason) {
    LOG.info("Dropped a socket of {}: too far behind (LM11, {})", socket.remoteAddress(), code);
    Future<Void> closing = socket.close((short) code, reason);
    context
        .owner()
        .setTimer(
            Math.max(1, graceMillis),
            timer -> {
              if (!closing.isComplete()) {
                cut();
              }
            });
  }

  /**
   * Closes the network channel below Vert.x's handler, whose close would wait for the close frame
   * again: pending writes fail (their characters are counted as gone), the socket's close handler
   * runs and its session ends. Vert.x has no public call for this (its own idle timeout does the
   * same from inside); the connection's implementation class gives the channel, and a test (LM11,
   * SlowReaderSocketTest) fails if a new Vert.x changes it.
   */
  private void cut() {
    if (connection instanceof ConnectionBase base) {
      LOG.info(
          "Cut the connection of {}: its close was not read in {} ms",
          socket.remoteAddress(),
          graceMillis);
      io.netty.channel.ChannelHandlerContext first = base.channel().pipeline().firstContext();
      if (first != null) {
        first.close();
      } else {
        base.channel().close();
      }
    } else {
      LOG.warn("Cannot cut the connection of {}: TCP will end it", socket.remoteAddress());
    }
  }
}
