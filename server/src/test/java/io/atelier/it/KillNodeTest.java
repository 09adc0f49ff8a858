package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.WireNote;
import io.atelier.testing.Await;
import io.atelier.testing.ConvergingClient;
import io.atelier.testing.NodeProcess;
import io.atelier.testing.ProcessCluster;
import io.atelier.testing.RandomChanges;
import io.atelier.testing.TestClient;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three nodes in three processes on loopback, started as in production ({@code io.atelier.Main}
 * configured by the environment). Clients spread over them edit one workshop while the node that
 * owns the workshop's partition is killed with SIGKILL: no goodbye, no closed socket, no member
 * leaving politely. Its clients reconnect to the survivors as a load balancer would send them, and
 * the synchronous backup must hold every change that was acknowledged.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KillNodeTest {
  private static final Logger LOG = LoggerFactory.getLogger(KillNodeTest.class);
  private static final int NODES = 3;
  private static final int CLIENTS = 6;
  private static final Duration CHANGING = Duration.ofSeconds(15);
  private static final Duration KILL_AFTER = Duration.ofSeconds(6);
  private static final long PAUSE_BETWEEN_CHANGES_MILLIS = 20; // About 50 changes a second.
  private static final Path LOGS =
      Path.of(System.getProperty("basedir", "."), "target", "kill-node-test");

  private static ProcessCluster cluster;
  private static Vertx clientVertx;

  @BeforeAll
  static void startNodes() {
    clientVertx = Vertx.vertx();
    cluster = ProcessCluster.start(NODES, LOGS);
  }

  @AfterAll
  static void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
    Await.result(clientVertx.close());
  }

  @Test
  @DisplayName(
      "SY3 CH2 RV1 the workshop's owner is killed with SIGKILL under load: its clients reconnect"
          + " to the others and resend, all converge, and no acknowledged change is lost")
  void killTheOwner() throws InterruptedException {
    long seed = Long.getLong("kill.seed", System.nanoTime());
    Random random = new Random(seed);
    String workshopId = cluster.createWorkshop(cluster.node(1), "Panne");
    int victimIndex = cluster.ownerOf(workshopId);
    NodeProcess victim = cluster.node(victimIndex);
    NodeProcess witnessNode = cluster.node((victimIndex + 1) % NODES);

    // The witness never drops: it sees every event, in order, to check acks against.
    ConvergingClient witness =
        new ConvergingClient(
            listener -> TestClient.connect(clientVertx, witnessNode.port(), listener),
            workshopId,
            "Témoin");
    witness.connect();
    witness.awaitSynced(Duration.ofSeconds(10));
    AtomicInteger movedToAnotherNode = new AtomicInteger();
    List<ConvergingClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int home = i % NODES;
      clients.add(
          new ConvergingClient(
              listener -> {
                NodeProcess node = cluster.balance(home);
                if (node != cluster.node(home)) {
                  movedToAnotherNode.incrementAndGet();
                }
                return TestClient.connect(clientVertx, node.port(), listener);
              },
              workshopId,
              "Personne " + i));
    }
    clients.forEach(ConvergingClient::connect);

    long start = System.nanoTime();
    long revisionAtKill = -1;
    int failedConnects = 0;
    int changes = 0;
    while (System.nanoTime() - start < CHANGING.toNanos()) {
      if (revisionAtKill < 0 && System.nanoTime() - start > KILL_AFTER.toNanos()) {
        revisionAtKill = witness.confirmedRevision();
        victim.kill();
      }
      ConvergingClient client = clients.get(random.nextInt(CLIENTS));
      if (!client.isConnected()) { // A browser notices the close and reconnects by itself.
        failedConnects += reconnect(client) ? 0 : 1;
      }
      client.change(RandomChanges.next(client, random, "k" + changes++));
      Thread.sleep(PAUSE_BETWEEN_CHANGES_MILLIS); // The pace of the load, not a wait for an event.
    }
    for (ConvergingClient client : clients) {
      Await.condition(
          () -> client.isConnected() || reconnect(client),
          Duration.ofSeconds(30),
          () -> client.name() + " could not reconnect");
    }

    String context =
        String.format(
            "seed %d, killed %s at revision %d, %d changes, %d failed connects",
            seed, victim.name(), revisionAtKill, changes, failedConnects);
    for (ConvergingClient client : clients) {
      try {
        client.awaitSettled(0, Duration.ofSeconds(60));
      } catch (AssertionError e) {
        throw new AssertionError(context + ": " + e.getMessage() + "\n" + cluster.diagnosis(), e);
      }
    }
    long lastAcked =
        clients.stream()
            .flatMap(client -> client.acknowledged().values().stream())
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    witness.awaitSettled(lastAcked, Duration.ofSeconds(30));
    cluster.awaitMembers(NODES - 1, Duration.ofSeconds(60));

    ServerMessage.Snapshot snapshot = newcomerSnapshot(witnessNode, workshopId);
    Map<String, WireNote> serverState = new HashMap<>();
    snapshot.notes().forEach(note -> serverState.put(note.id(), note));
    Map<Long, String> committed = witness.changeAtRevision();
    LOG.info(
        "{}; last acknowledged revision {}, {} connections moved to another node, final {}",
        context,
        lastAcked,
        movedToAnotherNode.get(),
        snapshot.revision());

    assertThat(revisionAtKill).as(context).isPositive();
    assertThat(lastAcked)
        .as(context + ": changes acknowledged after the kill")
        .isGreaterThan(revisionAtKill + 50);
    assertThat(movedToAnotherNode.get())
        .as(context + ": the victim's clients moved to a survivor")
        .isGreaterThanOrEqualTo(CLIENTS / NODES);
    assertThat(serverState).as(context).isNotEmpty();
    for (ConvergingClient client : clients) {
      client.awaitSettled(snapshot.revision() - 1, Duration.ofSeconds(30));
      assertThat(client.notes()).as(context + ": " + client.name()).isEqualTo(serverState);
      client
          .acknowledged()
          .forEach(
              (changeId, revision) ->
                  assertThat(committed.get(revision))
                      .as(context + ": ack of " + changeId + " at " + revision)
                      .isEqualTo(changeId));
      client.disconnect();
    }
    witness.awaitSettled(snapshot.revision() - 1, Duration.ofSeconds(30));
    assertThat(witness.notes()).as(context).isEqualTo(serverState);
    witness.disconnect();
  }

  private static boolean reconnect(ConvergingClient client) {
    try {
      client.connect();
      return true;
    } catch (AssertionError e) { // Refused: the balancer has not noticed the death yet.
      return false;
    }
  }

  private static ServerMessage.Snapshot newcomerSnapshot(NodeProcess node, String workshopId) {
    try (TestClient latecomer = TestClient.connect(clientVertx, node.port())) {
      latecomer.hello(workshopId, null, "Retardataire", null);
      return latecomer.await(ServerMessage.Snapshot.class);
    }
  }
}
