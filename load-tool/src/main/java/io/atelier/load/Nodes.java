package io.atelier.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers a run talks to, all on this machine. With several, each room's clients are spread
 * over them round-robin, so that every room's edits cross from one node to the other.
 */
record Nodes(List<URI> urls) {
  Nodes {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--url names no server");
    }
    urls = List.copyOf(urls);
  }

  /** A comma-separated list of {@code http://127.0.0.1:port}; anything off this machine refused. */
  static Nodes parse(String list) {
    List<URI> urls = new ArrayList<>();
    for (String part : list.split(",")) {
      URI url = URI.create(part.strip());
      if (url.getHost() == null || url.getPort() < 1) {
        throw new IllegalArgumentException("--url needs a host and a port: " + part);
      }
      requireLoopback(url.getHost());
      urls.add(url);
    }
    return new Nodes(urls);
  }

  /** The node of a room's {@code index}-th client. */
  URI node(int index) {
    return urls.get(Math.floorMod(index, urls.size()));
  }

  int size() {
    return urls.size();
  }

  private static void requireLoopback(String host) {
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("The load tool targets this machine only, not " + host);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host " + host, e);
    }
  }
}
