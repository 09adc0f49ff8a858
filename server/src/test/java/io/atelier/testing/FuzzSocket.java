package io.atelier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A lean socket for long runs: unlike {@link TestClient} it keeps nothing it has read, so that a
 * minute of traffic does not grow the test's own heap (the fuzz test measures the server's, in the
 * same JVM). Frames wait in a queue until the owning thread takes them, as JSON trees; a frame that
 * is not JSON arrives as a text node.
 */
public final class FuzzSocket implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final LinkedBlockingQueue<Received> incoming = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();

  /**
   * The handlers are set before the upgrade: a socket the server closes at once (LM4's 4029) is
   * closed before a handler set after {@code connect} completes could see it.
   */
  private FuzzSocket(WebSocketClient client) {
    this.client = client;
    this.socket = client.webSocket();
    socket.textMessageHandler(this::received);
    socket.exceptionHandler(error -> {}); // a broken socket also closes: the close is the answer
    socket.closeHandler(
        ignored -> {
          Short code = socket.closeStatusCode();
          closed.complete(code == null ? (short) 1006 : code);
        });
  }

  /** Opens a socket to {@code /ws} on loopback; fails (AssertionError) when it cannot. */
  public static FuzzSocket open(Vertx vertx, int port) {
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions().setMaxMessageSize(16 << 20).setConnectTimeout(5_000));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    FuzzSocket opened = new FuzzSocket(client);
    try {
      Await.result(opened.socket.connect(options));
      return opened;
    } catch (AssertionError refused) {
      client.close();
      throw refused;
    }
  }

  public void send(String frame) {
    socket.writeTextMessage(frame);
  }

  public void sendBinary(byte[] frame) {
    socket.writeBinaryMessage(Buffer.buffer(frame));
  }

  /** A frame and when it arrived ({@link System#nanoTime}), whenever its reader takes it. */
  public record Received(JsonNode message, long nanos) {}

  /** The next frame, or null when none came within {@code millis} (or the socket is closed). */
  public JsonNode next(long millis) {
    Received received = nextReceived(millis);
    return received == null ? null : received.message();
  }

  /** As {@link #next}, with the time the frame arrived. */
  public Received nextReceived(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      Received frame = incoming.poll();
      if (frame != null) {
        return frame;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || closed.isDone()) {
        return incoming.poll();
      }
      try {
        // Wakes at least every 50 ms, to notice a close while waiting.
        frame =
            incoming.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      if (frame != null) {
        return frame;
      }
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** The close code (1006 when the connection broke without one); null while open. */
  public Short closeCode() {
    return closed.getNow(null);
  }

  /** Waits for the server to close the socket; the code, or null if it stayed open. */
  public Short awaitClose(long millis) {
    try {
      return closed.get(millis, TimeUnit.MILLISECONDS);
    } catch (Exception stillOpen) {
      return null;
    }
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      socket.close();
    }
    client.close();
  }

  private void received(String frame) {
    long at = System.nanoTime();
    JsonNode node;
    try {
      node = JSON.readTree(frame);
    } catch (Exception notJson) {
      node = JSON.getNodeFactory().textNode(frame);
    }
    incoming.add(new Received(node, at));
  }
}
