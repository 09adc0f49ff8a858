package io.atelier.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket opened with the headers a test chooses (an {@code Origin}, an {@code
 * X-Forwarded-For}), for the checks made before and at the upgrade (LM4, LM9, LM10). It says
 * whether the upgrade was refused (and with which HTTP status) and, once open, what the server sent
 * and how it closed the socket, even at once.
 *
 * <p>It is the JDK's WebSocket client, not Vert.x's: the JDK takes its listener with the request,
 * so a close the server makes in the same breath as the upgrade (the 4029 of LM4) always reaches
 * it. Vert.x's {@code ClientWebSocket} installs its handlers once the upgrade completed, and fails
 * that completion with "WebSocket is closed" when the close came first (a CI run met it).
 */
public final class HeaderedSocket implements AutoCloseable {
  /** One client for every socket: it only holds a selector thread. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private WebSocket socket;
  private int refusedStatus;
  private final List<String> frames = new ArrayList<>();
  private final CompletableFuture<TestClient.CloseStatus> closed = new CompletableFuture<>();

  private HeaderedSocket() {}

  public static HeaderedSocket open(int port, Map<String, String> headers) {
    HeaderedSocket opened = new HeaderedSocket();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    headers.forEach(builder::header);
    try {
      opened.socket =
          builder
              .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), opened.new Listener())
              .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof WebSocketHandshakeException refused)) {
        throw new AssertionError("The socket neither opened nor was refused", e.getCause());
      }
      opened.refusedStatus = refused.getResponse().statusCode();
    } catch (TimeoutException e) {
      throw new AssertionError("No answer to the upgrade within 10 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return opened;
  }

  /** Frames, whole, and the close, as the JDK hands them over one at a time. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        synchronized (HeaderedSocket.this) {
          frames.add(partial.toString());
          HeaderedSocket.this.notifyAll();
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(new TestClient.CloseStatus((short) statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      // The connection dropped without a close frame: 1006, as a browser reports it.
      closed.complete(new TestClient.CloseStatus((short) 1006, String.valueOf(error)));
    }
  }

  /** The HTTP status of a refused upgrade; 0 when the socket opened. */
  public int refusedStatus() {
    return refusedStatus;
  }

  public boolean opened() {
    return socket != null;
  }

  /** Sends a frame, once the previous one is out; the socket must be open. */
  public HeaderedSocket send(String frame) {
    socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
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

  /** Closes with 1000 unless the server closed first; the JDK ends the connection after. */
  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS);
    }
  }
}
