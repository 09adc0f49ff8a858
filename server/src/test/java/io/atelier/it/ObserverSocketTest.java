package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.CursorMoved;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.ParticipantJoined;
import io.atelier.protocol.ServerMessage.PresenceChanged;
import io.atelier.protocol.ServerMessage.RoundTableChanged;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireParticipant;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Observers over real sockets (HS8): the projector's socket sees everything, changes nothing, and
 * nobody sees it.
 */
class ObserverSocketTest {
  private static RunningServer server;

  private String id;
  private String hostKey;
  private TestClient host;
  private String hostId;
  private TestClient ana;
  private String anaId;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A workshop with its facilitator and one participant, both in the speaking order. */
  @BeforeEach
  void workshopWithTwoPeople() {
    JsonObject created = server.createWorkshop("Projecteur", "fr");
    id = created.getString("id");
    hostKey = created.getString("facilitatorKey");
    host =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION,
                    id,
                    null,
                    "Anim",
                    null,
                    created.getString("facilitatorKey")));
    hostId = host.await(Welcome.class).participant().id();
    host.await(Synced.class);
    ana = server.join(id, "Ana");
    anaId = ana.await(Welcome.class).participant().id();
    host.send(new ClientMessage.SetSpeakingOrder("h-order", List.of(anaId, hostId)));
    host.await(Ack.class, ack -> ack.changeId().equals("h-order"));
  }

  private TestClient observer(Long lastRevision) {
    return server.connect().send(ClientMessage.Hello.observer(id, lastRevision));
  }

  /** A note from Ana that every socket receives: what came before it has been delivered. */
  private void fence(TestClient reader, String changeId) {
    ana.send(
        new ClientMessage.CreateNote(
            changeId, "n-" + changeId, 0.0, 0.0, 200.0, 140.0, "repère", "yellow"));
    reader.await(NoteCreated.class, e -> changeId.equals(e.changeId()));
  }

  private static int peopleEvents(TestClient client) {
    return client.all(ParticipantJoined.class).size() + client.all(PresenceChanged.class).size();
  }

  @Test
  @DisplayName(
      "HS8 HS5 an observer is welcomed as nobody, gets the snapshot with the people, then every"
          + " live round_table_changed")
  void observerSeesTheRoom() {
    TestClient projector = observer(null);
    Welcome welcome = projector.await(Welcome.class);
    assertThat(welcome.participant()).isNull();
    assertThat(welcome.token()).isNull();
    assertThat(welcome.facilitator()).isFalse();
    assertThat(welcome.observer()).isTrue();
    assertThat(welcome.workshop().title()).isEqualTo("Projecteur");
    assertThat(welcome.workshop().language()).isEqualTo("fr");
    assertThat(host.await(Welcome.class).observer()).as("a participant's welcome").isFalse();

    Snapshot snapshot = projector.await(Snapshot.class);
    assertThat(snapshot.participants())
        .extracting(WireParticipant::name)
        .containsExactlyInAnyOrder("Anim", "Ana");
    assertThat(snapshot.roundTable().order()).containsExactly(anaId, hostId);
    assertThat(projector.await(Synced.class).revision())
        .isEqualTo(snapshot.revision())
        .isEqualTo(welcome.revision());

    host.send(new ClientMessage.StartRound("h-start"));
    var started =
        projector.await(RoundTableChanged.class, e -> "h-start".equals(e.changeId())).roundTable();
    assertThat(started.current().participantId()).isEqualTo(anaId);
    assertThat(started.current().deadline()).isPositive();
    host.send(new ClientMessage.NextTurn("h-next"));
    var next =
        projector.await(RoundTableChanged.class, e -> "h-next".equals(e.changeId())).roundTable();
    assertThat(next.current().participantId()).isEqualTo(hostId);
    assertThat(next)
        .isEqualTo(
            host.await(RoundTableChanged.class, e -> "h-next".equals(e.changeId())).roundTable());
  }

  @Test
  @DisplayName(
      "HS8 HS6 an observer coming and going makes no participant_joined or presence_changed, and"
          + " no list of people shows it")
  void observerIsNobody() {
    fence(host, "a-before");
    int hostSaw = peopleEvents(host);
    int anaSaw = peopleEvents(ana);

    TestClient projector = observer(null);
    projector.await(Synced.class);
    fence(host, "a-during");
    fence(projector, "a-seen");
    projector.close();
    fence(host, "a-after");
    fence(ana, "a-after-ana");

    assertThat(peopleEvents(host)).as("events about people at the facilitator").isEqualTo(hostSaw);
    assertThat(peopleEvents(ana)).as("events about people at Ana").isEqualTo(anaSaw);
    assertThat(peopleEvents(projector)).as("nothing about the observer itself").isZero();
    Snapshot late = server.join(id, "Ben").await(Snapshot.class);
    assertThat(late.participants())
        .extracting(WireParticipant::name)
        .containsExactlyInAnyOrder("Anim", "Ana", "Ben");
  }

  @Test
  @DisplayName(
      "HS8 CH3 every change from an observer is refused with read_only and changes nothing; its"
          + " cursor is dropped, ping and sync work")
  void observerChangesNothing() {
    TestClient projector = observer(null);
    Synced synced = projector.await(Synced.class);
    long revision = synced.revision();

    projector.send(
        new ClientMessage.CreateNote("o-1", "n-o", 10.0, 10.0, 200.0, 140.0, "intrus", "pink"));
    projector.send(new ClientMessage.StartRound("o-2"));
    projector.send(new ClientMessage.SetRole("o-3", "sharing", "projecteur"));
    projector.send(new ClientMessage.RaiseHand("o-4"));
    for (String changeId : List.of("o-1", "o-2", "o-3", "o-4")) {
      Error error = projector.await(Error.class, e -> changeId.equals(e.changeId()));
      assertThat(error.code()).as(changeId).isEqualTo("read_only");
      assertThat(error.message()).isNotBlank();
    }
    // A change id the workshop has applied is still refused, not acknowledged (CH2 is for authors).
    projector.send(new ClientMessage.StartRound("h-order"));
    assertThat(projector.await(Error.class, e -> "h-order".equals(e.changeId())).code())
        .isEqualTo("read_only");

    projector.send(new ClientMessage.MoveCursor(5.0, 5.0, null));
    assertThat(
            projector.send(new ClientMessage.Ping(7L)).await(ServerMessage.Pong.class).clientTime())
        .isEqualTo(7L);
    projector.send(new ClientMessage.Sync(0L));
    assertThat(projector.await(Synced.class, s -> s != synced).revision()).isEqualTo(revision);

    host.send(new ClientMessage.MoveCursor(1.0, 2.0, null));
    ana.await(CursorMoved.class, c -> hostId.equals(c.participantId()));
    fence(projector, "a-fence");
    fence(host, "a-fence-host");
    assertThat(projector.all(Ack.class)).isEmpty();
    assertThat(projector.all(CursorMoved.class)).as("an observer draws no board").isEmpty();
    assertThat(host.all(CursorMoved.class)).as("nobody sees the observer's pointer").isEmpty();
    assertThat(ana.all(CursorMoved.class)).hasSize(1);

    // The refusals used no revision: Ana's note is the next event after the observer's catch-up.
    assertThat(projector.await(NoteCreated.class, e -> "a-fence".equals(e.changeId())).revision())
        .isEqualTo(revision + 1);
    Snapshot after = server.join(id, "Témoin").await(Snapshot.class);
    assertThat(after.notes())
        .extracting(n -> n.id())
        .containsExactly("n-a-fence", "n-a-fence-host");
    assertThat(after.roundTable().current()).as("no round was started").isNull();
    assertThat(after.roles()).isEmpty();
    assertThat(after.roundTable().hands()).isEmpty();
  }

  @Test
  @DisplayName(
      "HS8 SY3 an observer that reconnects with its revision gets only what it missed, the round"
          + " included")
  void observerReconnects() {
    TestClient first = observer(null);
    long seen = first.await(Synced.class).revision();
    host.send(new ClientMessage.StartRound("h-start"));
    first.await(RoundTableChanged.class, e -> "h-start".equals(e.changeId()));
    first.close();

    host.send(new ClientMessage.NextTurn("h-next"));
    host.send(new ClientMessage.PauseRound("h-pause"));
    var paused = host.await(RoundTableChanged.class, e -> "h-pause".equals(e.changeId()));

    TestClient again = observer(seen + 1);
    Welcome welcome = again.await(Welcome.class);
    assertThat(welcome.observer()).isTrue();
    Synced synced = again.await(Synced.class);
    assertThat(synced.revision()).isEqualTo(paused.revision());
    assertThat(again.all(Snapshot.class)).as("only the missed events").isEmpty();
    assertThat(again.all(RoundTableChanged.class))
        .extracting(RoundTableChanged::changeId)
        .containsExactly("h-next", "h-pause");
    var current = again.all(RoundTableChanged.class).get(1).roundTable().current();
    assertThat(current.participantId()).isEqualTo(hostId);
    assertThat(current.deadline()).as("paused").isNull();
    assertThat(current.remainingMs()).isEqualTo(paused.roundTable().current().remainingMs());

    // Without a revision, a reload of the projector: one snapshot with the same paused turn.
    TestClient reloaded = observer(null);
    assertThat(reloaded.await(Snapshot.class).roundTable()).isEqualTo(paused.roundTable());
  }

  @Test
  @DisplayName(
      "HS8 HS1 HS3 an observer's hello with a name closes with 4001; an unknown workshop with 4004;"
          + " an unknown token with 4003")
  void observerHelloIsStrict() {
    TestClient.CloseStatus named =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION, id, null, "Écran", null, null, true))
            .awaitClose();
    assertThat(named.code()).isEqualTo((short) 4001);
    assertThat(named.reason()).contains("observer");
    TestClient stranger =
        server.connect().send(observerHello(id, "dG9rZW4taW5jb25udQ", null, null));
    assertThat(stranger.awaitClose().code()).isEqualTo((short) 4003);
    TestClient nowhere =
        server.connect().send(ClientMessage.Hello.observer("no-such-workshop", null));
    assertThat(nowhere.awaitClose().code()).isEqualTo((short) 4004);
    // observe: false is a participant's hello, as before HS8.
    TestClient participant =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION, id, null, "Chloé", null, null, false));
    assertThat(participant.await(Welcome.class).participant().name()).isEqualTo("Chloé");
  }

  @Test
  @DisplayName(
      "HS9 a lock and a passcode hold for observers: 4006 and 4007 for a stranger's projector; the"
          + " key, a person's token or the passcode let it in, a removed person's token does not")
  void lockAndPasscodeHoldForObservers() {
    String anaToken = ana.await(Welcome.class).token();
    String key = hostKey;
    int peopleEventsBefore = peopleEvents(host);
    host.send(new ClientMessage.LockWorkshop("h-lock", true));
    host.await(Ack.class, ack -> ack.changeId().equals("h-lock"));
    assertThat(observer(null).awaitClose().code())
        .as("locked, no credential")
        .isEqualTo((short) 4006);
    assertThat(admitted(observerHello(id, null, key, null))).as("the key").isTrue();
    assertThat(admitted(observerHello(id, anaToken, null, null))).as("Ana's token").isTrue();

    host.send(new ClientMessage.LockWorkshop("h-unlock", false));
    host.send(new ClientMessage.SetPasscode("h-code", "érable 2026"));
    host.await(Ack.class, ack -> ack.changeId().equals("h-code"));
    TestClient.CloseStatus without = observer(null).awaitClose();
    assertThat(without.code()).isEqualTo((short) 4007);
    assertThat(without.reason()).contains("asks for a passcode");
    TestClient.CloseStatus wrong =
        server.connect().send(observerHello(id, null, null, "érable 2025")).awaitClose();
    assertThat(wrong.code()).isEqualTo((short) 4007);
    assertThat(wrong.reason()).contains("Wrong passcode");
    assertThat(admitted(observerHello(id, null, null, " érable 2026 "))).as("passcode").isTrue();
    assertThat(admitted(observerHello(id, null, key, null))).as("the key").isTrue();

    fence(host, "after-observers");
    assertThat(peopleEvents(host))
        .as("letting observers in made nobody")
        .isEqualTo(peopleEventsBefore);

    host.send(new ClientMessage.RemoveParticipant("h-remove", anaId));
    host.await(Ack.class, ack -> ack.changeId().equals("h-remove"));
    TestClient removed = server.connect().send(observerHello(id, anaToken, null, null));
    assertThat(removed.awaitClose().code()).isEqualTo((short) 4008);
  }

  /** Whether an observer with this hello is welcomed and brought up to date. */
  private boolean admitted(ClientMessage.Hello hello) {
    TestClient client = server.connect().send(hello);
    Welcome welcome = client.await(Welcome.class);
    client.await(Synced.class);
    client.close();
    return welcome.observer() && welcome.participant() == null;
  }

  private static ClientMessage.Hello observerHello(
      String workshopId, String token, String key, String passcode) {
    return new ClientMessage.Hello(
        ProtocolCodec.PROTOCOL_VERSION, workshopId, token, null, null, key, true, passcode);
  }
}
