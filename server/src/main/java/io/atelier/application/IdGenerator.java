package io.atelier.application;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every identifier and secret the server hands out. Workshop ids and secrets carry at least 128
 * bits from a secure random, so that links cannot be guessed.
 */
public final class IdGenerator {
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final String nodeId;
  private final AtomicLong connections = new AtomicLong();

  /** A generator for a node without a cluster: its id is random. */
  public IdGenerator() {
    this.nodeId = randomText(6);
  }

  /** A generator for a cluster member: connection ids name the member that holds the socket. */
  public IdGenerator(String nodeId) {
    this.nodeId = nodeId;
  }

  /** 128 bits, 22 characters. */
  public String workshopId() {
    return randomText(16);
  }

  /** 192 bits, 32 characters: facilitator keys and participant tokens. */
  public String secret() {
    return randomText(24);
  }

  public String participantId() {
    return "p-" + randomText(9);
  }

  /**
   * Unique across the cluster: this node's id, a slash, a counter. The prefix says which node holds
   * the socket, so the cluster can drop a dead node's connections ({@link NodeDepartures}).
   */
  public String connectionId() {
    return nodeId + "/" + connections.incrementAndGet();
  }

  private String randomText(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return URL_SAFE.encodeToString(buffer);
  }
}
