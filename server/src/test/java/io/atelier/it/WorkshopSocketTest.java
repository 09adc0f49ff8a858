package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.CursorMoved;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.NoteUpdated;
import io.atelier.protocol.ServerMessage.Pong;
import io.atelier.protocol.ServerMessage.PresenceChanged;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The protocol rules over real sockets, against a real node with its Hazelcast member. */
class WorkshopSocketTest {
  private static RunningServer server;
  private final List<TestClient> clients = new ArrayList<>();
  private String workshopId;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void createWorkshop() {
    workshopId = server.createWorkshop("Atelier de test", "fr").getString("id");
  }

  @AfterEach
  void closeClients() {
    clients.forEach(TestClient::close);
  }

  private TestClient join(String name) {
    TestClient client = server.join(workshopId, name);
    clients.add(client);
    return client;
  }

  private TestClient connect() {
    TestClient client = server.connect();
    clients.add(client);
    return client;
  }

  private static ClientMessage.CreateNote note(String changeId, String noteId) {
    return new ClientMessage.CreateNote(
        changeId, noteId, 10.0, 20.0, 200.0, 140.0, "Communauté", "yellow");
  }

  @Test
  @DisplayName(
      "HS5 RV2 a snapshot of several WebSocket frames arrives whole while live events flow")
  void largeSnapshotIsNotInterleaved() {
    TestClient writer = join("Rédactrice");
    String text = "x".repeat(1_000);
    // About 330 KB of snapshot: several 64 KiB frames, and more than a default Vert.x client
    // takes (256 KiB), like a workshop of 2,000 short notes.
    int notes = 300;
    for (int i = 0; i < notes; i++) {
      writer.send(
          new ClientMessage.CreateNote(
              "big-" + i, "n-big-" + i, i * 10.0, 0.0, 200.0, 140.0, text, "yellow"));
    }
    writer.await(Ack.class, ack -> ack.changeId().equals("big-" + (notes - 1)));
    for (int round = 0; round < 15; round++) {
      // Live events for the workshop's sockets, sent from the feed while the snapshot is written.
      for (int i = 0; i < 20; i++) {
        writer.send(
            new ClientMessage.UpdateNote(
                "move-" + round + "-" + i,
                "n-big-" + i,
                new NoteProperties((double) round, (double) i, null, null, null, null, null)));
      }
      TestClient newcomer = join("Arrivée " + round);
      Snapshot snapshot = newcomer.await(Snapshot.class);
      assertThat(snapshot.notes()).hasSize(notes);
      newcomer.close();
    }
  }

  @Test
  @DisplayName(
      "HS7 a hello with the workshop's facilitator key is welcomed as facilitator, others not")
  void facilitatorKeyInHello() {
    var created = server.createWorkshop("Animation", "fr");
    String id = created.getString("id");
    String key = created.getString("facilitatorKey");
    TestClient facilitator = connect();
    facilitator.send(
        new ClientMessage.Hello(ProtocolCodec.PROTOCOL_VERSION, id, null, "Anim", null, key));
    assertThat(facilitator.await(Welcome.class).facilitator()).isTrue();
    TestClient pretender = connect();
    pretender.send(
        new ClientMessage.Hello(ProtocolCodec.PROTOCOL_VERSION, id, null, "Ben", null, "wrong"));
    assertThat(pretender.await(Welcome.class).facilitator()).isFalse();
    assertThat(join("Chloé").await(Welcome.class).facilitator()).isFalse();
  }

  @Test
  @DisplayName("HS1 a first message other than hello closes the socket with 4001")
  void helloFirst() {
    TestClient client = connect().send(new ClientMessage.Ping(1L));
    assertThat(client.awaitClose().code()).isEqualTo((short) 4001);
  }

  @Test
  @DisplayName("HS2 an unsupported protocol version closes with 4000 and a readable reason")
  void protocolVersionMismatch() {
    TestClient client = connect().send(new ClientMessage.Hello(2, workshopId, null, "Ana", null));
    TestClient.CloseStatus status = client.awaitClose();
    assertThat(status.code()).isEqualTo((short) 4000);
    assertThat(status.reason()).contains("version 2").contains("version 1");
  }

  @Test
  @DisplayName("HS3 a hello for a workshop that does not exist closes with 4004")
  void unknownWorkshop() {
    TestClient client = connect().hello("no-such-workshop", null, "Ana", null);
    assertThat(client.awaitClose().code()).isEqualTo((short) 4004);
  }

  @Test
  @DisplayName(
      "HS4 the token of the welcome resumes the same participant; a forged one closes with 4003")
  void tokenResumesParticipant() {
    TestClient first = join("Ana");
    Welcome welcome = first.await(Welcome.class);
    assertThat(welcome.token()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(welcome.participant().name()).isEqualTo("Ana");
    assertThat(welcome.workshop().title()).isEqualTo("Atelier de test");

    TestClient secondTab = connect().hello(workshopId, welcome.token(), null, null);
    Welcome again = secondTab.await(Welcome.class);
    assertThat(again.participant().id()).isEqualTo(welcome.participant().id());
    assertThat(again.participant().color()).isEqualTo(welcome.participant().color());

    TestClient forged = connect().hello(workshopId, "forged-token-forged-token", null, null);
    assertThat(forged.awaitClose().code()).isEqualTo((short) 4003);
  }

  @Test
  @DisplayName(
      "RV1 RV2 CH1 a change is acknowledged to its author and reaches everyone with one revision")
  void changeReachesEveryone() {
    TestClient ana = join("Ana");
    TestClient ben = join("Ben");
    ana.send(note("a-1", "n-1"));
    Ack ack = ana.await(Ack.class, a -> a.changeId().equals("a-1"));
    NoteCreated atAna = ana.await(NoteCreated.class, e -> e.changeId().equals("a-1"));
    NoteCreated atBen = ben.await(NoteCreated.class, e -> e.changeId().equals("a-1"));
    assertThat(ack.duplicate()).isFalse();
    assertThat(atAna.revision()).isEqualTo(ack.revision()).isEqualTo(atBen.revision());
    assertThat(atBen.note().text()).isEqualTo("Communauté");
    assertThat(atBen.participantId()).isEqualTo(ana.await(Welcome.class).participant().id());
  }

  @Test
  @DisplayName(
      "RV1 concurrent changes from several clients get contiguous revisions seen alike by all")
  void concurrentChangesAreTotallyOrdered() {
    TestClient ana = join("Ana");
    TestClient ben = join("Ben");
    for (int i = 0; i < 20; i++) {
      ana.send(note("a-" + i, "na-" + i));
      ben.send(note("b-" + i, "nb-" + i));
    }
    ana.await(NoteCreated.class, e -> e.changeId().equals("b-19"));
    ana.await(NoteCreated.class, e -> e.changeId().equals("a-19"));
    ben.await(NoteCreated.class, e -> e.changeId().equals("a-19"));
    ben.await(NoteCreated.class, e -> e.changeId().equals("b-19"));
    List<Long> atAna =
        ana.all(NoteCreated.class).stream().map(NoteCreated::revision).sorted().toList();
    List<Long> atBen =
        ben.all(NoteCreated.class).stream().map(NoteCreated::revision).sorted().toList();
    assertThat(atAna).hasSize(40).isEqualTo(atBen);
    for (int i = 1; i < atAna.size(); i++) {
      assertThat(atAna.get(i)).isEqualTo(atAna.get(i - 1) + 1);
    }
  }

  @Test
  @DisplayName("CH2 a change sent again is acknowledged as a duplicate and applied once")
  void resentChangeAppliedOnce() {
    TestClient ana = join("Ana");
    TestClient ben = join("Ben");
    ana.send(note("a-1", "n-1"));
    long revision = ana.await(Ack.class, a -> a.changeId().equals("a-1")).revision();
    ana.send(note("a-1", "n-1"));
    Ack again = ana.await(Ack.class, a -> a.changeId().equals("a-1") && a.duplicate());
    assertThat(again.revision()).isEqualTo(revision);
    // A fence: events reach Ben in revision order, so one made by the duplicate would come
    // before the next change's. (A pong is no fence: it does not wait for the fan-out.)
    ana.send(note("a-2", "n-2"));
    ben.await(NoteCreated.class, e -> "a-2".equals(e.changeId()));
    assertThat(ben.all(NoteCreated.class))
        .extracting(NoteCreated::changeId)
        .containsExactly("a-1", "a-2");
  }

  @Test
  @DisplayName(
      "CH3 NT3 a refused change is answered with an error carrying its changeId, and uses no revision")
  void refusedChange() {
    TestClient ana = join("Ana");
    ana.send(new ClientMessage.DeleteNote("a-1", "n-missing"));
    ServerMessage.Error error = ana.await(ServerMessage.Error.class);
    assertThat(error.code()).isEqualTo("unknown_note");
    assertThat(error.changeId()).isEqualTo("a-1");
    ana.send(note("a-2", "n-2"));
    long synced = ana.await(Synced.class).revision();
    assertThat(ana.await(Ack.class).revision()).isEqualTo(synced + 1);
  }

  @Test
  @DisplayName(
      "HS5 SY1 a client that comes back with its last revision receives only what it missed")
  void catchUpSendsOnlyMissedEvents() {
    TestClient ana = join("Ana");
    Welcome welcome = ana.await(Welcome.class);
    ana.send(note("a-1", "n-1"));
    long seen = ana.await(Ack.class).revision();
    ana.close();

    TestClient ben = join("Ben");
    ben.send(
        new ClientMessage.UpdateNote(
            "b-1", "n-1", new NoteProperties(300.0, null, null, null, "Ressources", null, null)));
    ben.await(Ack.class);

    TestClient back = connect().hello(workshopId, welcome.token(), null, seen);
    Synced synced = back.await(Synced.class);
    assertThat(back.all(Snapshot.class)).isEmpty();
    assertThat(back.all(NoteCreated.class)).isEmpty();
    NoteUpdated missed = back.await(NoteUpdated.class);
    assertThat(missed.set().text()).isEqualTo("Ressources");
    assertThat(synced.revision()).isGreaterThanOrEqualTo(missed.revision());

    TestClient fresh = join("Chloé");
    Snapshot snapshot = fresh.await(Snapshot.class);
    assertThat(snapshot.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.x()).isEqualTo(300.0);
              assertThat(n.text()).isEqualTo("Ressources");
            });
    assertThat(snapshot.participants())
        .extracting(ServerMessage.RevisionedMessage.class::isInstance)
        .containsOnly(false);
  }

  @Test
  @DisplayName("CU1 a cursor move reaches the others, not its sender, and is never acknowledged")
  void cursorsAreRelayed() {
    TestClient ana = join("Ana");
    TestClient ben = join("Ben");
    ana.send(new ClientMessage.MoveCursor(100.0, 200.0, null));
    CursorMoved moved = ben.await(CursorMoved.class);
    assertThat(moved.x()).isEqualTo(100.0);
    assertThat(moved.canvasId()).as("CU3 no canvas named: the first").isEqualTo("main");
    assertThat(moved.participantId()).isEqualTo(ana.await(Welcome.class).participant().id());
    ana.send(new ClientMessage.Ping(1L)).await(Pong.class);
    assertThat(ana.all(CursorMoved.class)).isEmpty();
    assertThat(ana.all(Ack.class)).isEmpty();
  }

  @Test
  @DisplayName("CU3 a cursor move carries the canvas it is on")
  void cursorsNameTheirCanvas() {
    TestClient ana = join("Ana");
    TestClient ben = join("Ben");
    ana.send(new ClientMessage.MoveCursor(-5.0, 7.5, null, "c-groupe-2"));
    assertThat(ben.await(CursorMoved.class).canvasId()).isEqualTo("c-groupe-2");
  }

  @Test
  @DisplayName("ER1 a malformed message gets an error naming the problem; the socket stays open")
  void malformedMessage() {
    TestClient ana = join("Ana");
    ana.sendRaw("{\"type\":\"create_note\",\"changeId\":\"c\",\"noteId\":\"n\",\"x\":\"ten\"}");
    ServerMessage.Error error = ana.await(ServerMessage.Error.class);
    assertThat(error.code()).isEqualTo("bad_message");
    assertThat(error.message()).contains("x");
    ana.sendRaw("{\"type\":\"launch_rocket\"}");
    assertThat(ana.await(ServerMessage.Error.class, e -> e.code().equals("unknown_type")).message())
        .contains("launch_rocket");
    ana.send(new ClientMessage.Ping(42L));
    Pong pong = ana.await(Pong.class);
    assertThat(pong.clientTime()).isEqualTo(42L);
    assertThat(pong.serverTime()).isPositive();
    assertThat(ana.isClosed()).isFalse();
  }

  @Test
  @DisplayName("HS6 a participant whose last socket closes goes offline for the others")
  void presence() {
    TestClient ana = join("Ana");
    TestClient ben = join("Ben");
    String benId = ben.await(Welcome.class).participant().id();
    ana.await(ServerMessage.ParticipantJoined.class, j -> j.participant().id().equals(benId));
    ben.close();
    PresenceChanged offline =
        ana.await(PresenceChanged.class, p -> p.participantId().equals(benId));
    assertThat(offline.online()).isFalse();
  }
}
