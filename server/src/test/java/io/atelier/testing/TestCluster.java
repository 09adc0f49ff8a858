package io.atelier.testing;

import io.atelier.config.AtelierConfig;
import io.atelier.config.ClusterSettings;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Several nodes in this JVM forming one Hazelcast cluster on loopback: a cluster name of their own,
 * each member on its own free port, each listing the others (no port ranges).
 */
public final class TestCluster implements AutoCloseable {
  private final List<RunningServer> nodes;

  private TestCluster(List<RunningServer> nodes) {
    this.nodes = nodes;
  }

  /** N configurations that know each other, in a cluster named for this test only. */
  public static List<AtelierConfig> configs(int size) {
    String clusterName = "atelier-cluster-test-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.take(size);
    List<AtelierConfig> configs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int own = ports.get(i);
      List<String> others =
          ports.stream().filter(port -> port != own).map(port -> "127.0.0.1:" + port).toList();
      configs.add(
          AtelierConfig.forTests()
              .withCluster(new ClusterSettings(clusterName, "127.0.0.1", own, others)));
    }
    return configs;
  }

  /** Starts {@code size} nodes at once and waits until each sees all of them. */
  public static TestCluster start(int size) {
    return start(size, UnaryOperator.identity());
  }

  /** The same, each node's configuration changed first (e.g. a journal they share). */
  public static TestCluster start(int size, UnaryOperator<AtelierConfig> adjust) {
    List<CompletableFuture<RunningServer>> starting =
        configs(size).stream()
            .map(adjust)
            .map(config -> CompletableFuture.supplyAsync(() -> new RunningServer(config)))
            .toList();
    List<RunningServer> nodes = new ArrayList<>();
    try {
      for (CompletableFuture<RunningServer> node : starting) {
        nodes.add(node.get(60, TimeUnit.SECONDS));
      }
    } catch (Exception e) {
      starting.forEach(node -> node.thenAccept(RunningServer::close));
      throw new AssertionError("The cluster did not start", e);
    }
    TestCluster cluster = new TestCluster(nodes);
    try {
      for (RunningServer node : nodes) {
        Await.condition(
            () -> membersSeenBy(node) == size,
            Duration.ofSeconds(30),
            () -> "node on port " + node.port() + " sees " + membersSeenBy(node) + " of " + size);
      }
    } catch (AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  public RunningServer node(int index) {
    return nodes.get(index);
  }

  public int size() {
    return nodes.size();
  }

  /** The member count of {@code GET /ready}, 0 while not ready. */
  public static int membersSeenBy(RunningServer node) {
    HttpResponse<String> ready = node.get("/ready");
    return ready.statusCode() == 200 ? new JsonObject(ready.body()).getInteger("members") : 0;
  }

  @Override
  public void close() {
    AssertionError first = null;
    for (RunningServer node : nodes) {
      try {
        node.close();
      } catch (AssertionError e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
