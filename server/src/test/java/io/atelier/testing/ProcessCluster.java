package io.atelier.testing;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Nodes in processes of their own forming one cluster on loopback, configured through the
 * environment exactly as in production: {@code PORT} and {@code ATELIER_CLUSTER_*}.
 */
public final class ProcessCluster implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String clusterName;
  private final List<Integer> hazelcastPorts;
  private final List<NodeProcess> nodes;
  private final Path logs;

  private ProcessCluster(
      String clusterName, List<Integer> hazelcastPorts, List<NodeProcess> nodes, Path logs) {
    this.clusterName = clusterName;
    this.hazelcastPorts = hazelcastPorts;
    this.nodes = nodes;
    this.logs = logs;
  }

  /** Starts {@code size} node processes and waits until each answers {@code /ready} for all. */
  public static ProcessCluster start(int size, Path logs) {
    String clusterName = "atelier-process-test-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.take(2 * size);
    List<Integer> hazelcastPorts = ports.subList(0, size);
    List<NodeProcess> nodes = new ArrayList<>();
    ProcessCluster cluster = new ProcessCluster(clusterName, hazelcastPorts, nodes, logs);
    try {
      for (int i = 0; i < size; i++) {
        int own = hazelcastPorts.get(i);
        String others =
            hazelcastPorts.stream()
                .filter(port -> port != own)
                .map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(","));
        nodes.add(
            NodeProcess.start(
                "node-" + i,
                ports.get(size + i),
                Map.of(
                    "ATELIER_HOST",
                    "127.0.0.1",
                    "ATELIER_CLUSTER_NAME",
                    clusterName,
                    "ATELIER_CLUSTER_HOST",
                    "127.0.0.1",
                    "ATELIER_CLUSTER_PORT",
                    Integer.toString(own),
                    "ATELIER_CLUSTER_MEMBERS",
                    others,
                    "ATELIER_JOURNAL",
                    "none"),
                logs));
      }
      Await.condition(
          () -> {
            if (!nodes.stream().allMatch(NodeProcess::isAlive)) {
              throw new AssertionError("a node exited while starting\n" + cluster.diagnosis());
            }
            return nodes.stream().allMatch(node -> node.readyMembers() == size);
          },
          Duration.ofSeconds(90),
          cluster::diagnosis);
      return cluster;
    } catch (RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  public NodeProcess node(int index) {
    return nodes.get(index);
  }

  public int size() {
    return nodes.size();
  }

  /** Where a load balancer sends a (re)connection: {@code preferred} while alive, else the next. */
  public NodeProcess balance(int preferred) {
    for (int i = 0; i < nodes.size(); i++) {
      NodeProcess node = nodes.get((preferred + i) % nodes.size());
      if (node.isAlive()) {
        return node;
      }
    }
    throw new AssertionError("no node is alive");
  }

  /** Waits until every living node sees exactly {@code members} members. */
  public void awaitMembers(int members, Duration timeout) {
    Await.condition(
        () ->
            nodes.stream().filter(NodeProcess::isAlive).allMatch(n -> n.readyMembers() == members),
        timeout,
        () -> "the living nodes do not see " + members + " members\n" + diagnosis());
  }

  /** A workshop created through the HTTP API of {@code node}: its id. */
  public String createWorkshop(NodeProcess node, String title) {
    try {
      HttpResponse<String> created =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + node.port() + "/api/workshops"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          new JsonObject().put("title", title).put("language", "fr").encode()))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new AssertionError("create answered " + created.statusCode() + ": " + created.body());
      }
      return new JsonObject(created.body()).getString("id");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The index of the node that owns the partition of {@code key} in the workshops map, asked of the
   * cluster by a Hazelcast client (which does not join as a member).
   */
  public int ownerOf(String key) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    hazelcastPorts.forEach(port -> config.getNetworkConfig().addAddress("127.0.0.1:" + port));
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    try {
      AtomicReference<Member> owner = new AtomicReference<>();
      Await.condition(
          () -> {
            owner.set(client.getPartitionService().getPartition(key).getOwner());
            return owner.get() != null;
          },
          Duration.ofSeconds(30),
          () -> "no owner known for " + key);
      return hazelcastPorts.indexOf(owner.get().getAddress().getPort());
    } finally {
      client.shutdown();
    }
  }

  /** The last lines of every node's output. */
  public String diagnosis() {
    return nodes.stream()
        .map(node -> node.tail(15))
        .collect(Collectors.joining("\n", "logs in " + logs + "\n", ""));
  }

  /** Kills every node still running; called even when the test failed. */
  @Override
  public void close() {
    nodes.forEach(NodeProcess::close);
  }
}
