package io.atelier.testing;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ProtocolException;
import io.atelier.protocol.ServerMessage;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A raw protocol client for tests: it sends what it is told and records every server message, so
 * that tests can await conditions (never sleep) and read the wire.
 */
public final class TestClient implements AutoCloseable {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  // Kept as fields: an unreferenced Vert.x 5 client may be closed by the garbage collector.
  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<ServerMessage> received = new ArrayList<>();
  private final List<String> frames = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  private final Consumer<ServerMessage> listener;

  /** How the server closed the socket. */
  public record CloseStatus(Short code, String reason) {}

  private TestClient(WebSocketClient client, WebSocket socket, Consumer<ServerMessage> listener) {
    this.client = client;
    this.socket = socket;
    this.listener = listener;
    socket.textMessageHandler(this::onFrame);
    socket.exceptionHandler(error -> problem("socket error: " + error));
    socket.closeHandler(
        v -> closed.complete(new CloseStatus(socket.closeStatusCode(), socket.closeReason())));
  }

  public static TestClient connect(Vertx vertx, int port) {
    return connect(vertx, port, message -> {});
  }

  /** A client that also hands every server message to {@code listener}, on a Vert.x thread. */
  public static TestClient connect(Vertx vertx, int port, Consumer<ServerMessage> listener) {
    return connect(vertx, port, listener, false);
  }

  /**
   * Over WSS to a node serving a self-signed test certificate: trusted without checks, since the
   * test is about the node speaking TLS, not about the certificate's chain.
   */
  public static TestClient connectSecure(Vertx vertx, int port) {
    return connect(vertx, port, message -> {}, true);
  }

  private static TestClient connect(
      Vertx vertx, int port, Consumer<ServerMessage> listener, boolean tls) {
    // Browsers take messages of any size; Vert.x's client stops at 256 KiB unless told, and a
    // snapshot of 2,000 notes is larger (it would be dropped, reported only as a socket error).
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxMessageSize(16 << 20)
                .setSsl(tls)
                .setTrustAll(tls)
                .setVerifyHost(false));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    WebSocket socket = Await.result(client.connect(options));
    return new TestClient(client, socket, listener);
  }

  public TestClient send(ClientMessage message) {
    return sendRaw(CODEC.encode(message));
  }

  /** Queues a frame without waiting: the caller may hold a lock the event loop needs. */
  public TestClient sendRaw(String frame) {
    socket.writeTextMessage(frame);
    return this;
  }

  public TestClient hello(String workshopId, String token, String name, Long lastRevision) {
    return send(
        new ClientMessage.Hello(
            ProtocolCodec.PROTOCOL_VERSION, workshopId, token, name, lastRevision));
  }

  /** Waits for the first recorded message of a type that matches, from the start of the wire. */
  public <T extends ServerMessage> T await(Class<T> type, Predicate<T> matching) {
    return await(type, matching, Duration.ofSeconds(10));
  }

  public <T extends ServerMessage> T await(Class<T> type) {
    return await(type, any -> true);
  }

  public synchronized <T extends ServerMessage> T await(
      Class<T> type, Predicate<T> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> found = find(type, matching);
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "No "
                + type.getSimpleName()
                + " within "
                + timeout
                + "; got "
                + frames
                + (problems.isEmpty() ? "" : "; problems " + problems));
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  public synchronized <T extends ServerMessage> Optional<T> find(
      Class<T> type, Predicate<T> matching) {
    return received.stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst();
  }

  public synchronized <T extends ServerMessage> List<T> all(Class<T> type) {
    return received.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** How many server messages arrived so far: a mark for {@link #since}. */
  public synchronized int count() {
    return received.size();
  }

  /** The server messages that arrived after {@code mark} ({@link #count} at the time). */
  public synchronized List<ServerMessage> since(int mark) {
    return List.copyOf(received.subList(mark, received.size()));
  }

  /** Queues a binary frame, as a client that does not follow the protocol may. */
  public TestClient sendBinary(byte[] frame) {
    socket.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(frame));
    return this;
  }

  /** Frames that were not server messages, and socket errors, in the order they happened. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  public synchronized List<String> frames() {
    return List.copyOf(frames);
  }

  public CloseStatus awaitClose() {
    try {
      return closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("The server did not close the socket", e);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      socket.close();
    }
    client.close();
  }

  private void onFrame(String frame) {
    ServerMessage message;
    try {
      message = CODEC.decodeServer(frame);
    } catch (ProtocolException e) {
      problem("not a server message (" + e.getMessage() + "): " + abbreviate(frame));
      return;
    }
    synchronized (this) {
      frames.add(frame);
      received.add(message);
      notifyAll();
    }
    listener.accept(message);
  }

  private synchronized void problem(String what) {
    problems.add(what);
    notifyAll();
  }

  private static String abbreviate(String frame) {
    return frame.length() <= 300 ? frame : frame.substring(0, 300) + "… (" + frame.length() + ")";
  }
}
