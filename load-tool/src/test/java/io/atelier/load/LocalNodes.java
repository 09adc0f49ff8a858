package io.atelier.load;

import io.atelier.AtelierServer;
import io.atelier.config.AtelierConfig;
import io.atelier.config.ClusterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Atelier nodes in this JVM on loopback, each with its embedded Hazelcast member, in a cluster of
 * their own (the server's tests do the same with their own helper, which this module cannot see).
 */
final class LocalNodes implements AutoCloseable {
  private final List<AtelierServer> servers;

  private LocalNodes(List<AtelierServer> servers) {
    this.servers = servers;
  }

  /** {@code size} nodes that know each other; returns once every one sees them all. */
  static LocalNodes start(int size) throws Exception {
    String cluster = "atelier-load-test-" + UUID.randomUUID();
    List<Integer> ports = freePorts(size);
    List<AtelierServer> servers = new ArrayList<>();
    LocalNodes nodes = new LocalNodes(servers);
    try {
      for (int i = 0; i < size; i++) {
        int own = ports.get(i);
        List<String> others =
            ports.stream().filter(p -> p != own).map(p -> "127.0.0.1:" + p).toList();
        AtelierConfig config =
            AtelierConfig.forTests()
                .withCluster(new ClusterSettings(cluster, "127.0.0.1", own, others));
        servers.add(
            AtelierServer.start(config)
                .toCompletionStage()
                .toCompletableFuture()
                .get(90, TimeUnit.SECONDS));
      }
      nodes.awaitMembers(size);
      return nodes;
    } catch (Exception | AssertionError e) {
      nodes.close();
      throw e;
    }
  }

  /** The --url of the load tool for these nodes. */
  String urls() {
    return servers.stream()
        .map(s -> "http://127.0.0.1:" + s.port())
        .collect(Collectors.joining(","));
  }

  int port(int node) {
    return servers.get(node).port();
  }

  /** GET /ready answers each node's member count: the cluster has formed when all see all. */
  private void awaitMembers(int size) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (AtelierServer server : servers) {
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ready"))
              .build();
      while (!readySees(http, ready, size)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("node " + server.port() + " did not see " + size + " members");
        }
        Thread.onSpinWait();
      }
    }
  }

  private static boolean readySees(HttpClient http, HttpRequest ready, int size) throws Exception {
    HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() == 200
        && new io.vertx.core.json.JsonObject(answer.body()).getInteger("members") == size;
  }

  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing a socket we opened a moment ago: nothing to do if it fails.
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (AtelierServer server : servers) {
      server.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
