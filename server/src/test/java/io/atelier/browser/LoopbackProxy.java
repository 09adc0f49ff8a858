package io.atelier.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 (a free port) in front of a local port. A browser that loads a page
 * through it also opens its WebSocket through it, so a test can cut that browser off ({@link
 * #dropAll()}) and keep it off ({@link #refuseNewConnections(boolean)}) deterministically, without
 * touching the server.
 */
public final class LoopbackProxy implements AutoCloseable {
  private final int targetPort;
  private final ServerSocket listener;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean refusing = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final Thread acceptor;

  public LoopbackProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      listener = new ServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::acceptLoop, "loopback-proxy-accept-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** While true, every accepted connection is closed at once, before any byte is relayed. */
  public void refuseNewConnections(boolean refuse) {
    refusing.set(refuse);
  }

  /** Closes every connection proxied so far, both sides, now. */
  public void dropAll() {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }

  /** Connections accepted and relayed so far. */
  public int acceptedCount() {
    return accepted.get();
  }

  /** Connections closed at once because of {@link #refuseNewConnections(boolean)}. */
  public int refusedCount() {
    return refused.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(listener);
      dropAll();
      try {
        acceptor.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (closed.get()) {
          return;
        }
        continue;
      }
      if (refusing.get()) {
        refused.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      accepted.incrementAndGet();
      Socket upstream;
      try {
        client.setTcpNoDelay(true);
        upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        upstream.setTcpNoDelay(true);
      } catch (IOException e) {
        closeQuietly(client);
        continue;
      }
      sockets.add(client);
      sockets.add(upstream);
      pump(client, upstream, "up");
      pump(upstream, client, "down");
    }
  }

  /** Copies bytes from one socket to the other; when either side ends, both are closed. */
  private void pump(Socket from, Socket to, String direction) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (SocketException e) {
                // Closed by dropAll(), close() or the other side.
              } catch (IOException e) {
                // Same: the connection is over.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            "loopback-proxy-" + direction + "-" + from.getPort());
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }
}
