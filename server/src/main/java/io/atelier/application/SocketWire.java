package io.atelier.application;

/**
 * The one thing a {@link BoundedChannel} needs of a real socket: its own thread, writes that say
 * when they are gone, and two ways to close. The socket's thread runs tasks one at a time in the
 * order they were posted, so that a message larger than one frame goes out whole and nothing
 * overtakes what was posted before it.
 */
public interface SocketWire {
  /** Any thread: runs {@code task} on the socket's thread, after every task posted before it. */
  void post(Runnable task);

  /**
   * The socket's thread: writes one text message; {@code gone} runs on the socket's thread, once,
   * when it has left for the network or was discarded (a closed socket).
   */
  void write(String message, Runnable gone);

  /** The socket's thread: closes with a WebSocket close code and a reason a person can read. */
  void close(int code, String reason);

  /**
   * The socket's thread: closes a socket whose reader is too far behind. The close frame waits
   * behind everything queued before it, which such a reader may never read: if the socket is not
   * closed within the grace period, the connection is cut, and what it held is freed.
   */
  void closeBehind(int code, String reason);
}
