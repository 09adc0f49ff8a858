package io.atelier.application;

import java.util.HashMap;
import java.util.Map;

/**
 * LM4: the open sockets of each client address on this node. An address holds an entry only while
 * it has a socket open, and the entry goes with its last socket, so the table never holds more
 * entries than the node has open sockets: it needs no expiry.
 */
public final class AddressConnections {
  private final int perAddress;
  private final Map<String, Integer> open = new HashMap<>();

  public AddressConnections(int perAddress) {
    this.perAddress = perAddress;
  }

  /** Counts one more socket of {@code address}, unless it already has as many as it may. */
  public synchronized boolean tryOpen(String address) {
    int count = open.getOrDefault(address, 0);
    if (count >= perAddress) {
      return false;
    }
    open.put(address, count + 1);
    return true;
  }

  /** One socket of {@code address} closed; call it once for each successful {@link #tryOpen}. */
  public synchronized void closed(String address) {
    open.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
  }

  public synchronized int openOf(String address) {
    return open.getOrDefault(address, 0);
  }

  /** How many addresses have a socket open. */
  public synchronized int addresses() {
    return open.size();
  }

  public int perAddress() {
    return perAddress;
  }
}
