package io.atelier.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket opened with the headers a test chooses (an {@code Origin}, an {@code
 * X-Forwarded-For}), for the checks made before and at the upgrade (LM4, LM9, LM10). It says
 * whether the upgrade was refused (and with which HTTP status) and, once open, what the server sent
 * and how it closed the socket, even at once: its handlers are set before the upgrade is asked for,
 * so no frame and no close can come before them.
 */
public final class HeaderedSocket implements AutoCloseable {
  private final WebSocketClient client;
  private ClientWebSocket socket;
  private int refusedStatus;
  private final List<String> frames = new ArrayList<>();
  private final CompletableFuture<TestClient.CloseStatus> closed = new CompletableFuture<>();

  private HeaderedSocket(WebSocketClient client) {
    this.client = client;
  }

  public static HeaderedSocket open(Vertx vertx, int port, Map<String, String> headers) {
    HeaderedSocket opened = new HeaderedSocket(vertx.createWebSocketClient());
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    headers.forEach(options::addHeader);
    // Handlers before the upgrade: set once it completed, they could miss a close made at once
    // (the 4029 of LM4) when the test's thread came late.
    ClientWebSocket socket = opened.client.webSocket();
    opened.listen(socket);
    try {
      Await.result(socket.connect(options));
      opened.socket = socket;
    } catch (AssertionError e) {
      if (!(e.getCause() instanceof UpgradeRejectedException rejected)) {
        throw e;
      }
      opened.refusedStatus = rejected.getStatus();
      opened.client.close();
    }
    return opened;
  }

  private void listen(ClientWebSocket ws) {
    ws.textMessageHandler(
        frame -> {
          synchronized (this) {
            frames.add(frame);
            notifyAll();
          }
        });
    ws.closeHandler(
        v -> closed.complete(new TestClient.CloseStatus(ws.closeStatusCode(), ws.closeReason())));
  }

  /** The HTTP status of a refused upgrade; 0 when the socket opened. */
  public int refusedStatus() {
    return refusedStatus;
  }

  public boolean opened() {
    return socket != null;
  }

  /** Sends a frame; the socket must be open. */
  public HeaderedSocket send(String frame) {
    socket.writeTextMessage(frame);
    return this;
  }

  /** Whether a frame the server sent so far contains {@code text}. */
  public synchronized boolean received(String text) {
    return frames.stream().anyMatch(frame -> frame.contains(text));
  }

  /** The first frame the server sent that contains {@code text}, waited for. */
  public synchronized String awaitFrame(String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      for (String frame : frames) {
        if (frame.contains(text)) {
          return frame;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "No frame with " + text + "; got " + frames + ", closed " + closed.getNow(null));
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** How the server closed it, waited for. */
  public TestClient.CloseStatus awaitClose() {
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
    if (socket != null && !closed.isDone()) {
      socket.close();
    }
    client.close();
  }
}
