package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.FacilitatorView;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.NoteUpdated;
import io.atelier.protocol.ServerMessage.RevisionedMessage;
import io.atelier.protocol.ServerMessage.RoundTableChanged;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Summoned;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireFacilitation.WireRoundTable;
import io.atelier.protocol.WireView;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.atelier.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Three nodes in this JVM, one Hazelcast cluster on loopback: any node serves any workshop, and
 * clients on different nodes share one order of revisions. What a load balancer without sticky
 * sessions relies on.
 */
class ClusterTest {
  private static final Duration LIVE = Duration.ofSeconds(10);
  private static TestCluster cluster;
  private final List<TestClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(3);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void closeClients() {
    clients.forEach(TestClient::close);
  }

  @Test
  @DisplayName("every node sees the three members and answers /ready with members 3")
  void membership() {
    for (int i = 0; i < cluster.size(); i++) {
      HttpResponse<String> ready = cluster.node(i).get("/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getInteger("members")).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("a workshop created over HTTP on node A is found on nodes B and C")
  void workshopOnEveryNode() {
    JsonObject created = node(0).createWorkshop("Atelier réparti", "fr");
    String path = "/api/workshops/" + created.getString("id");

    for (int i = 1; i < cluster.size(); i++) {
      HttpResponse<String> found = cluster.node(i).get(path);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(found.body()).getString("title")).isEqualTo("Atelier réparti");
    }
  }

  @Test
  @DisplayName(
      "RV1 RV2 clients on nodes A and B see each other's changes live, with the same revisions in"
          + " the same order")
  void liveAcrossNodes() {
    String workshopId = node(0).createWorkshop("Atelier", "fr").getString("id");
    TestClient ana = join(node(0), workshopId, "Ana");
    TestClient ben = join(node(1), workshopId, "Ben");
    long benStart = ben.await(Synced.class).revision();

    // RV2: each sees the other's change as it happens, without asking (no sync is ever sent).
    ana.send(create("ana-create", "n-1"));
    NoteCreated created =
        ben.await(NoteCreated.class, e -> e.changeId().equals("ana-create"), LIVE);
    ben.send(move("ben-move", "n-1", 10));
    NoteUpdated moved = ana.await(NoteUpdated.class, e -> e.changeId().equals("ben-move"), LIVE);
    assertThat(moved.revision()).isEqualTo(created.revision() + 1);

    // RV1: both send at once; the server picks one order, and both see exactly that order.
    for (int i = 0; i < 25; i++) {
      ana.send(move("a-" + i, "n-1", i));
      ben.send(move("b-" + i, "n-1", 100 + i));
    }
    for (int i = 0; i < 25; i++) {
      String a = "a-" + i;
      String b = "b-" + i;
      for (TestClient client : List.of(ana, ben)) {
        client.await(NoteUpdated.class, e -> e.changeId().equals(a), LIVE);
        client.await(NoteUpdated.class, e -> e.changeId().equals(b), LIVE);
      }
    }
    Map<Long, RevisionedMessage> seenByAna = events(ana, benStart);
    Map<Long, RevisionedMessage> seenByBen = events(ben, benStart);
    long last = seenByAna.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(seenByAna.keySet())
        .as("contiguous revisions")
        .containsExactlyElementsOf(LongStream.rangeClosed(benStart + 1, last).boxed().toList());
    assertThat(seenByBen).isEqualTo(seenByAna);
    for (TestClient author : List.of(ana, ben)) {
      for (Ack ack : author.all(Ack.class)) {
        assertThat(changeId(seenByBen.get(ack.revision())))
            .as("ack of " + ack.changeId())
            .isEqualTo(ack.changeId());
      }
    }
    assertOwnOrder(seenByBen, "a-");
    assertOwnOrder(seenByBen, "b-");
  }

  @Test
  @DisplayName(
      "HS5 SY3 CH2 a client that reconnects to another node catches up from its last revision"
          + " without a snapshot and resends its unacknowledged change, applied once")
  void reconnectToAnotherNode() {
    String workshopId = node(0).createWorkshop("Atelier", "fr").getString("id");
    TestClient chloe = join(node(0), workshopId, "Chloé");
    String token = chloe.await(Welcome.class).token();
    TestClient dev = join(node(1), workshopId, "Dev");
    chloe.send(create("c-create", "n-c"));
    // Applied, but as if its ack had been lost with the node: Chloé still counts it pending.
    chloe.send(move("c-pending", "n-c", 50));
    long pendingRevision =
        chloe.await(Ack.class, ack -> ack.changeId().equals("c-pending"), LIVE).revision();
    chloe.await(NoteUpdated.class, e -> e.changeId().equals("c-pending"), LIVE);
    long lastRevision = pendingRevision; // Everything up to here is confirmed (no gap: awaited).
    chloe.close();

    for (int i = 0; i < 5; i++) {
      String changeId = "d-" + i;
      dev.send(move(changeId, "n-c", 200 + i));
      dev.await(Ack.class, ack -> ack.changeId().equals(changeId), LIVE);
    }

    TestClient back = track(node(2).connect());
    back.hello(workshopId, token, null, lastRevision);
    long syncedAt = back.await(Synced.class).revision();
    assertThat(back.all(Snapshot.class)).as("HS5: within the history, no snapshot").isEmpty();
    assertThat(events(back, lastRevision).keySet())
        .as("HS5: every event after lastRevision, in order")
        .containsExactlyElementsOf(
            LongStream.rangeClosed(lastRevision + 1, syncedAt).boxed().toList());
    assertThat(events(back, lastRevision).values())
        .filteredOn(NoteUpdated.class::isInstance)
        .extracting(e -> ((NoteUpdated) e).changeId())
        .containsExactly("d-0", "d-1", "d-2", "d-3", "d-4");

    back.send(move("c-pending", "n-c", 50)); // SY3: resent with the same changeId.
    back.send(move("c-after", "n-c", 60));
    Ack duplicate = back.await(Ack.class, ack -> ack.changeId().equals("c-pending"), LIVE);
    assertThat(duplicate.duplicate()).as("CH2").isTrue();
    assertThat(duplicate.revision()).isEqualTo(pendingRevision);
    Ack after = back.await(Ack.class, ack -> ack.changeId().equals("c-after"), LIVE);
    assertThat(after.duplicate()).isFalse();
    NoteUpdated seen = dev.await(NoteUpdated.class, e -> e.changeId().equals("c-after"), LIVE);
    assertThat(seen.revision()).isEqualTo(after.revision());
    assertThat(dev.all(NoteUpdated.class))
        .filteredOn(e -> e.changeId().equals("c-pending"))
        .as("CH2: applied once")
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "RT8 TM1 a turn started through node A has one deadline on node B live and on node C after"
          + " a reconnect: every screen computes the same time left")
  void roundTableAcrossNodes() {
    JsonObject created = node(0).createWorkshop("Tour de table réparti", "fr");
    String workshopId = created.getString("id");
    TestClient host = track(node(0).facilitate(created));
    TestClient ana = join(node(1), workshopId, "Ana");
    Welcome anaWelcome = ana.await(Welcome.class);
    String anaId = anaWelcome.participant().id();
    host.send(new ClientMessage.SetSpeakingOrder("h-1", List.of(anaId)));
    host.send(new ClientMessage.StartRound("h-2"));
    WireRoundTable onA =
        host.await(RoundTableChanged.class, e -> "h-2".equals(e.changeId()), LIVE).roundTable();
    WireRoundTable onB =
        ana.await(RoundTableChanged.class, e -> "h-2".equals(e.changeId()), LIVE).roundTable();
    assertThat(onA.current().deadline()).isNotNull();
    assertThat(onB).isEqualTo(onA);

    ana.close();
    TestClient back = track(node(2).connect());
    back.hello(workshopId, anaWelcome.token(), null, null); // a reload: a snapshot
    Snapshot snapshot = back.await(Snapshot.class);
    assertThat(snapshot.roundTable()).isEqualTo(onA);
  }

  @Test
  @DisplayName(
      "RO5 RO1 a removal through node A closes the person's sockets on nodes B and C; a promotion"
          + " through A lets a socket on B steer at once")
  void rolesAcrossNodes() {
    JsonObject created = node(0).createWorkshop("Rôles répartis", "fr");
    String workshopId = created.getString("id");
    TestClient host = track(node(0).facilitate(created));
    TestClient ana = join(node(1), workshopId, "Ana");
    String anaId = ana.await(Welcome.class).participant().id();
    TestClient ben = join(node(1), workshopId, "Ben");
    Welcome benWelcome = ben.await(Welcome.class);
    TestClient benElsewhere = track(node(2).connect());
    benElsewhere.hello(workshopId, benWelcome.token(), null, null);
    benElsewhere.await(Synced.class);

    host.send(new ClientMessage.SetAccess("h-1", anaId, "facilitator"));
    ana.await(ServerMessage.AccessChanged.class, e -> "h-1".equals(e.changeId()), LIVE);
    ana.send(new ClientMessage.RemoveParticipant("a-1", benWelcome.participant().id()));
    for (TestClient tab : List.of(ben, benElsewhere)) {
      assertThat(tab.awaitClose().code()).isEqualTo((short) 4008);
    }
    assertThat(ana.await(Ack.class, a -> "a-1".equals(a.changeId()), LIVE).duplicate()).isFalse();
  }

  @Test
  @DisplayName(
      "FS1 FS2 a summon through node A reaches a participant on node B and the projector on node"
          + " C; the facilitator's shared view reaches node B")
  void summonAcrossNodes() {
    JsonObject created = node(0).createWorkshop("Rassembler partout", "fr");
    String workshopId = created.getString("id");
    TestClient host = track(node(0).facilitate(created));
    String hostId = host.await(Welcome.class).participant().id();
    TestClient ana = join(node(1), workshopId, "Ana");
    TestClient projector =
        track(node(2).connect().send(ClientMessage.Hello.observer(workshopId, null)));
    projector.await(Synced.class);

    WireView here = new WireView(-640.0, -360.0, 1280.0, 720.0);
    host.send(new ClientMessage.Summon("c-groupe-3", here));
    for (TestClient screen : List.of(ana, projector)) {
      Summoned summoned = screen.await(Summoned.class, any -> true, LIVE);
      assertThat(summoned.participantId()).isEqualTo(hostId);
      assertThat(summoned.canvasId()).isEqualTo("c-groupe-3");
      assertThat(summoned.view()).isEqualTo(here);
    }
    host.send(new ClientMessage.ShareView("c-groupe-3", here));
    FacilitatorView followed = ana.await(FacilitatorView.class, any -> true, LIVE);
    assertThat(followed.participantId()).isEqualTo(hostId);
    assertThat(followed.view()).isEqualTo(here);
  }

  private static RunningServer node(int index) {
    return cluster.node(index);
  }

  private TestClient join(RunningServer node, String workshopId, String name) {
    return track(node.join(workshopId, name));
  }

  private TestClient track(TestClient client) {
    clients.add(client);
    return client;
  }

  /** The revisioned events a client received above {@code after}, by revision. */
  private static Map<Long, RevisionedMessage> events(TestClient client, long after) {
    Map<Long, RevisionedMessage> events = new TreeMap<>();
    for (RevisionedMessage event : client.all(RevisionedMessage.class)) {
      if (event.revision() > after) {
        RevisionedMessage earlier = events.put(event.revision(), event);
        assertThat(earlier == null || earlier.equals(event))
            .as("one event per revision: " + earlier + " and " + event)
            .isTrue();
      }
    }
    return events;
  }

  private static String changeId(RevisionedMessage event) {
    if (event instanceof NoteCreated created) {
      return created.changeId();
    }
    return event instanceof NoteUpdated updated ? updated.changeId() : null;
  }

  /** One author's changes keep the order in which it sent them (its socket's serial queue). */
  private static void assertOwnOrder(Map<Long, RevisionedMessage> events, String prefix) {
    List<Integer> order =
        events.values().stream()
            .filter(NoteUpdated.class::isInstance)
            .map(e -> ((NoteUpdated) e).changeId())
            .filter(id -> id.startsWith(prefix))
            .map(id -> Integer.parseInt(id.substring(prefix.length())))
            .toList();
    assertThat(order).isSorted().hasSize(25);
  }

  private static ClientMessage create(String changeId, String noteId) {
    return new ClientMessage.CreateNote(
        changeId, noteId, 0.0, 0.0, 200.0, 140.0, "Une note", "yellow");
  }

  private static ClientMessage move(String changeId, String noteId, double x) {
    return new ClientMessage.UpdateNote(
        changeId, noteId, new NoteProperties(x, 0.0, null, null, null, null, null));
  }
}
