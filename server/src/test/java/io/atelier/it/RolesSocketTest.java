package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.AccessChanged;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.ParticipantRemoved;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Roles and joining over real sockets (RO1 to RO5). */
class RolesSocketTest {
  private static final Path CLIENT_EXAMPLES =
      Path.of("..", "docs", "protocol", "examples", "client");
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String refusal(TestClient client, String changeId) {
    return client.await(Error.class, e -> changeId.equals(e.changeId())).code();
  }

  private static void acked(TestClient client, String changeId) {
    client.await(Ack.class, a -> changeId.equals(a.changeId()));
  }

  /** Every change of the protocol's examples that only a facilitator may make (FA1, RO). */
  static Stream<String> facilitatorOnlyExamples() {
    try (Stream<Path> files = Files.list(CLIENT_EXAMPLES)) {
      return files
          .map(RolesSocketTest::read)
          .filter(RolesSocketTest::facilitatorOnly)
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "RO2 a participant is refused: {0}")
  @MethodSource("facilitatorOnlyExamples")
  void participantRefused(String example) {
    String id = server.createWorkshop("Rôles", "fr").getString("id");
    TestClient ana = server.join(id, "Ana");
    long before = ana.await(Synced.class).revision();
    String changeId = new JsonObject(example).getString("changeId");
    ana.sendRaw(example);
    assertThat(refusal(ana, changeId)).isEqualTo("not_facilitator");
    ana.send(new ClientMessage.Sync(before));
    assertThat(ana.await(Synced.class, s -> s.revision() >= before).revision())
        .as("nothing changed")
        .isEqualTo(before);
    ana.close();
  }

  @Test
  @DisplayName("RO2 the list of facilitator-only changes covers the rules that say so")
  void everyFacilitatorChangeIsTried() {
    assertThat(facilitatorOnlyExamples().map(json -> new JsonObject(json).getString("type")))
        .contains(
            "set_access",
            "lock_workshop",
            "set_passcode",
            "remove_participant",
            "create_canvas",
            "set_agenda",
            "command_timer",
            "start_round",
            "answer_hand",
            "lock_canvas",
            "lock_note",
            "create_cluster",
            "move_cluster",
            "set_canvas_privacy",
            "open_vote",
            "close_vote",
            "clear_vote")
        .doesNotContain(
            "create_note",
            "set_role",
            "set_attendance",
            "raise_hand",
            "pass_turn",
            "place_dot",
            "remove_dot");
  }

  @Test
  @DisplayName("RO1 a promotion takes effect at once; the promoted person is welcomed as one")
  void promotionIsLive() {
    JsonObject created = server.createWorkshop("Rôles", "fr");
    String id = created.getString("id");
    TestClient host = server.facilitate(created);
    TestClient ana = server.join(id, "Ana");
    Welcome anaWelcome = ana.await(Welcome.class);
    assertThat(anaWelcome.facilitator()).isFalse();
    String anaId = anaWelcome.participant().id();

    host.send(new ClientMessage.SetAccess("h-1", anaId, "facilitator"));
    AccessChanged changed = ana.await(AccessChanged.class, e -> "h-1".equals(e.changeId()));
    assertThat(changed.member()).isEqualTo(anaId);
    ana.send(new ClientMessage.LockWorkshop("a-1", true));
    acked(ana, "a-1");
    ana.send(new ClientMessage.LockWorkshop("a-2", false));
    acked(ana, "a-2");

    TestClient again = server.connect().hello(id, anaWelcome.token(), null, null);
    assertThat(again.await(Welcome.class).facilitator()).isTrue();
    Snapshot snapshot = again.await(Snapshot.class);
    assertThat(snapshot.access()).containsEntry(anaId, "facilitator");

    host.send(new ClientMessage.SetAccess("h-2", anaId, "observer"));
    acked(host, "h-2");
    ana.send(new ClientMessage.SetAttendance("a-3", anaId, true));
    assertThat(refusal(ana, "a-3")).isEqualTo("read_only");
    Stream.of(host, ana, again).forEach(TestClient::close);
  }

  @Test
  @DisplayName("RO3 RO4 a locked workshop closes newcomers with 4006; a passcode with 4007")
  void lockAndPasscode() {
    JsonObject created = server.createWorkshop("Rôles", "fr");
    String id = created.getString("id");
    TestClient host = server.facilitate(created);
    TestClient ana = server.join(id, "Ana");
    String anaToken = ana.await(Welcome.class).token();
    ana.close();

    host.send(new ClientMessage.LockWorkshop("h-1", true));
    acked(host, "h-1");
    TestClient late = server.connect().hello(id, null, "En retard", null);
    assertThat(late.awaitClose().code()).isEqualTo((short) 4006);
    TestClient anaBack = server.connect().hello(id, anaToken, null, null);
    anaBack.await(Welcome.class);
    host.send(new ClientMessage.LockWorkshop("h-2", false));
    host.send(new ClientMessage.SetPasscode("h-3", "érable 2026"));
    acked(host, "h-3");
    assertThat(anaBack.await(ServerMessage.PasscodeChanged.class).required()).isTrue();
    assertThat(anaBack.frames().toString()).doesNotContain("érable");

    TestClient without = server.connect().hello(id, null, "Sans code", null);
    TestClient.CloseStatus refused = without.awaitClose();
    assertThat(refused.code()).isEqualTo((short) 4007);
    assertThat(refused.reason()).contains("asks for a passcode");
    TestClient wrong = server.connect().send(hello(id, "Mauvais code", "érable 2025"));
    assertThat(wrong.awaitClose().reason()).contains("Wrong passcode");
    TestClient right = server.connect().send(hello(id, "Bon code", " érable 2026 "));
    assertThat(right.await(Welcome.class).participant().name()).isEqualTo("Bon code");
    Stream.of(host, anaBack, right).forEach(TestClient::close);
  }

  @Test
  @DisplayName("RO5 a removed person's sockets close with 4008 after the event; the token is dead")
  void removal() {
    JsonObject created = server.createWorkshop("Rôles", "fr");
    String id = created.getString("id");
    TestClient host = server.facilitate(created);
    TestClient ben = server.join(id, "Ben");
    Welcome benWelcome = ben.await(Welcome.class);
    String benId = benWelcome.participant().id();
    TestClient benOtherTab = server.connect().hello(id, benWelcome.token(), null, null);
    benOtherTab.await(Synced.class);

    ben.send(
        new ClientMessage.RemoveParticipant("b-1", host.await(Welcome.class).participant().id()));
    assertThat(refusal(ben, "b-1")).isEqualTo("not_facilitator");
    host.send(new ClientMessage.RemoveParticipant("h-1", benId));
    for (TestClient tab : List.of(ben, benOtherTab)) {
      assertThat(tab.await(ParticipantRemoved.class).member()).isEqualTo(benId);
      assertThat(tab.awaitClose().code()).isEqualTo((short) 4008);
    }
    TestClient back = server.connect().hello(id, benWelcome.token(), null, null);
    assertThat(back.awaitClose().code()).isEqualTo((short) 4008);
    TestClient watcher = server.join(id, "Chloé");
    assertThat(watcher.await(Snapshot.class).participants())
        .extracting(p -> p.id())
        .doesNotContain(benId);
    Stream.of(host, watcher).forEach(TestClient::close);
  }

  private static ClientMessage.Hello hello(String id, String name, String passcode) {
    return new ClientMessage.Hello(
        ProtocolCodec.PROTOCOL_VERSION, id, null, name, null, null, false, passcode);
  }

  private static boolean facilitatorOnly(String json) {
    try {
      return CODEC.decodeClient(json) instanceof ClientMessage.ChangeMessage change
          && change.toChange().facilitatorOnly();
    } catch (io.atelier.protocol.ProtocolException e) {
      throw new AssertionError(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
