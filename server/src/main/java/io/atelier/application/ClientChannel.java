package io.atelier.application;

/**
 * The one thing a session needs of a browser's socket. Kept this small so that sessions run in
 * tests without a network.
 */
public interface ClientChannel {
  /** Sends one text frame; safe to call from any thread, frames keep their order per caller. */
  void send(String frame);

  /** Closes with a WebSocket close code and a reason a person can read. */
  void close(int code, String reason);
}
