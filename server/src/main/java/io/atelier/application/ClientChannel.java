package io.atelier.application;

/**
 * The one thing a session needs of a browser's socket. Kept this small so that sessions run in
 * tests without a network.
 */
public interface ClientChannel {
  /** Sends one text frame; safe to call from any thread, frames keep their order per caller. */
  void send(String frame);

  /**
   * Sends the frames of a catch-up (HS5, SY1) in order: the missed events or a snapshot, then
   * {@code synced}. A channel that bounds what it holds for a slow reader (LM11) lets a socket's
   * first catch-up through whole, whatever its size: it is the state a newcomer needs.
   */
  default void sendCatchUp(java.util.List<String> frames) {
    frames.forEach(this::send);
  }

  /** Closes with a WebSocket close code and a reason a person can read. */
  void close(int code, String reason);
}
