package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.WireNote;
import io.atelier.testing.ConvergingClient;
import io.atelier.testing.RandomChanges;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ten clients make 2,000 random concurrent changes (create, move, edit, recolour, raise, delete)
 * while their sockets drop at random; at the end every client holds the server's state and no
 * acknowledged change is missing.
 */
class ConvergenceTest {
  private static final int CLIENTS = 10;
  private static final int CHANGES = 2_000;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName(
      "SY2 SY3 CH2 RV1 10 clients, 2,000 random changes, random disconnects: all converge, nothing acknowledged is lost")
  void clientsConverge() throws InterruptedException {
    long seed = Long.getLong("convergence.seed", System.nanoTime());
    Random random = new Random(seed);
    String workshopId = server.createWorkshop("Convergence", "fr").getString("id");
    // The witness never drops: it sees every event, in order, to check acks against.
    ConvergingClient witness = new ConvergingClient(server, workshopId, "Témoin");
    witness.connect();
    witness.awaitSynced(Duration.ofSeconds(10));
    List<ConvergingClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      ConvergingClient client = new ConvergingClient(server, workshopId, "Personne " + i);
      client.connect();
      clients.add(client);
    }

    int disconnects = 0;
    for (int i = 0; i < CHANGES; i++) {
      ConvergingClient client = clients.get(random.nextInt(CLIENTS));
      if (random.nextInt(100) < 2) {
        if (client.isConnected()) {
          client.disconnect();
          disconnects++;
        } else {
          client.connect();
        }
      }
      client.change(RandomChanges.next(client, random, "c" + i));
    }
    for (ConvergingClient client : clients) {
      if (!client.isConnected()) {
        client.connect();
      }
    }

    long last = 0;
    for (ConvergingClient client : clients) {
      client.awaitSettled(0, Duration.ofSeconds(60));
      last =
          Math.max(
              last,
              client.acknowledged().values().stream().mapToLong(Long::longValue).max().orElse(0));
    }
    witness.awaitSettled(last, Duration.ofSeconds(30));
    ServerMessage.Snapshot snapshot = serverState(workshopId);
    Map<String, WireNote> serverState = new HashMap<>();
    snapshot.notes().forEach(note -> serverState.put(note.id(), note));
    long finalRevision = snapshot.revision();

    String context = "seed " + seed + ", " + disconnects + " disconnects";
    assertThat(serverState).as(context).isNotEmpty();
    Map<Long, String> committed = witness.changeAtRevision();
    for (ConvergingClient client : clients) {
      client.awaitSettled(finalRevision - 1, Duration.ofSeconds(30));
      assertThat(client.notes()).as(context).isEqualTo(serverState);
      client
          .acknowledged()
          .forEach(
              (changeId, revision) ->
                  assertThat(committed.get(revision))
                      .as(context + ": ack of " + changeId)
                      .isEqualTo(changeId));
      client.disconnect();
    }
    witness.awaitSettled(finalRevision - 1, Duration.ofSeconds(30));
    assertThat(witness.notes()).as(context).isEqualTo(serverState);
    witness.disconnect();
  }

  /** The server's state: a newcomer's snapshot (the run is longer than the kept history). */
  private static ServerMessage.Snapshot serverState(String workshopId) {
    try (TestClient latecomer = server.join(workshopId, "Retardataire")) {
      return latecomer.await(ServerMessage.Snapshot.class);
    }
  }
}
