package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.CursorMoved;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.Pong;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The limits of one socket and of one workshop, over real sockets against a node whose limits are
 * small (LM1, LM2, LM3, LM5, LM6).
 */
class LimitsSocketTest {

  private static RunningServer serverWith(Map<String, String> limits) {
    return new RunningServer(AtelierConfig.forTests().withLimits(Limits.fromEnvironment(limits)));
  }

  private static ClientMessage.CreateNote note(String changeId, String noteId, String canvasId) {
    return new ClientMessage.CreateNote(
        changeId, noteId, canvasId, 10.0, 20.0, 200.0, 140.0, "Idée", "yellow");
  }

  /** The answer to one change: its ack or its error, whichever the server sent. */
  private static ServerMessage answer(TestClient client, String changeId) {
    client.await(
        ServerMessage.class,
        m ->
            (m instanceof Ack ack && ack.changeId().equals(changeId))
                || (m instanceof Error error && changeId.equals(error.changeId())));
    return client
        .find(Ack.class, a -> a.changeId().equals(changeId))
        .<ServerMessage>map(a -> a)
        .orElseGet(() -> client.find(Error.class, e -> changeId.equals(e.changeId())).get());
  }

  @Test
  @DisplayName(
      "LM1 a burst of changes beyond the rate: the first ones are applied, the rest answered"
          + " rate_limited with retryAfterMs and not applied; the socket stays open, and a refused"
          + " change sent again after the wait is applied")
  void changesBeyondTheRate() {
    try (RunningServer server =
        serverWith(Map.of("ATELIER_CHANGES_PER_SECOND", "5", "ATELIER_CHANGES_BURST", "5"))) {
      String id = server.createWorkshop("Débit", "fr").getString("id");
      TestClient ana = server.join(id, "Ana");
      long start = System.nanoTime();
      for (int i = 0; i < 30; i++) {
        ana.send(note("c-" + i, "n-" + i, "main"));
      }
      List<ServerMessage> answers =
          java.util.stream.IntStream.range(0, 30).mapToObj(i -> answer(ana, "c-" + i)).toList();
      double seconds = (System.nanoTime() - start) / 1e9;

      List<String> applied =
          answers.stream().filter(Ack.class::isInstance).map(a -> ((Ack) a).changeId()).toList();
      List<Error> refused =
          answers.stream().filter(Error.class::isInstance).map(Error.class::cast).toList();
      // The burst, and at most what the rate gave back meanwhile; then the wait refuses the rest.
      assertThat(applied.size()).isBetween(5, 5 + (int) Math.ceil(seconds * 5));
      assertThat(applied)
          .as("applied in order, none after a refusal")
          .isEqualTo(
              java.util.stream.IntStream.range(0, applied.size()).mapToObj(i -> "c-" + i).toList());
      assertThat(refused).hasSize(30 - applied.size());
      assertThat(refused)
          .allSatisfy(
              error -> {
                assertThat(error.code()).isEqualTo("rate_limited");
                assertThat(error.message()).contains("not applied");
                assertThat(error.retryAfterMs()).isPositive().isLessThanOrEqualTo(1_000);
              });
      assertThat(ana.frames().stream().filter(f -> f.contains("rate_limited")))
          .allMatch(frame -> frame.contains("\"retryAfterMs\":"));

      // Nothing refused is in the workshop: a newcomer's snapshot holds the applied notes only.
      TestClient ben = server.join(id, "Ben");
      assertThat(ben.await(Snapshot.class).notes())
          .extracting(n -> "c-" + n.id().substring(2))
          .containsExactlyInAnyOrderElementsOf(applied);

      // Still open: a ping is answered; the first refused change, sent again once the wait is
      // over (as a client does), is applied.
      ana.send(new ClientMessage.Ping(42L));
      ana.await(Pong.class, p -> p.clientTime() == 42L);
      Error first = refused.get(0);
      CompletableFuture.delayedExecutor(first.retryAfterMs() + 50, TimeUnit.MILLISECONDS)
          .execute(() -> ana.send(note(first.changeId(), "n-again", "main")));
      ana.await(Ack.class, a -> a.changeId().equals(first.changeId()));
      assertThat(ana.isClosed()).isFalse();
    }
  }

  @Test
  @DisplayName(
      "LM3 a socket that keeps flooding is closed with 1008 and a reason; the node serves the"
          + " others as before")
  void floodingSocketIsClosed() {
    try (RunningServer server =
        serverWith(
            Map.of(
                "ATELIER_CHANGES_PER_SECOND", "5",
                "ATELIER_CURSORS_PER_SECOND", "5",
                "ATELIER_FLOOD_MESSAGES_PER_SECOND", "20",
                "ATELIER_FLOOD_SECONDS", "2"))) {
      String id = server.createWorkshop("Déluge", "fr").getString("id");
      TestClient flooder = server.join(id, "Flot");
      for (int i = 0; i < 2_000 && !flooder.isClosed(); i++) {
        flooder.send(new ClientMessage.Ping((long) i));
      }
      TestClient.CloseStatus closed = flooder.awaitClose();
      assertThat(closed.code()).isEqualTo((short) 1008);
      assertThat(closed.reason()).contains("Too many messages");
      // Far fewer than were sent got an answer: the rest were never read.
      assertThat(flooder.all(Pong.class).size()).isLessThanOrEqualTo(60);

      TestClient ana = server.join(id, "Ana");
      ana.send(note("a-1", "n-ana", "main"));
      ana.await(Ack.class, a -> a.changeId().equals("a-1"));
    }
  }

  @Test
  @DisplayName(
      "LM2 a burst of pointer moves is throttled, not refused: a peer receives at most the"
          + " configured rate, and receives the last position")
  void cursorsThrottled() {
    try (RunningServer server = serverWith(Map.of("ATELIER_CURSORS_PER_SECOND", "5"))) {
      String id = server.createWorkshop("Pointeurs", "fr").getString("id");
      TestClient ana = server.join(id, "Ana");
      String anaId = ana.await(Welcome.class).participant().id();
      TestClient ben = server.join(id, "Ben");
      // A change answered after the hello: the socket knows which canvases hide pointers (CU4).
      ana.send(note("a-1", "n-ana", "main"));
      ana.await(Ack.class, a -> a.changeId().equals("a-1"));

      long start = System.nanoTime();
      for (int i = 0; i < 40; i++) {
        ana.send(new ClientMessage.MoveCursor((double) i, 0.0, null, "main"));
      }
      ben.await(CursorMoved.class, c -> anaId.equals(c.participantId()) && c.x() == 39.0);
      double seconds = (System.nanoTime() - start) / 1e9;

      List<CursorMoved> seen =
          ben.all(CursorMoved.class).stream().filter(c -> anaId.equals(c.participantId())).toList();
      assertThat(seen.size()).isBetween(2, 1 + (int) Math.ceil(seconds * 5) + 1);
      assertThat(seen.get(seen.size() - 1).x()).isEqualTo(39.0);
      assertThat(seen).extracting(CursorMoved::x).isSorted();
      assertThat(ana.all(Error.class)).as("never refused").isEmpty();
    }
  }

  @Test
  @DisplayName(
      "LM5 a full workshop closes a newcomer's socket with 4009 and a reason; a person with a"
          + " token and the facilitator's key still come in")
  void fullWorkshop() {
    try (RunningServer server = serverWith(Map.of("ATELIER_MAX_PARTICIPANTS", "2"))) {
      JsonObject created = server.createWorkshop("Complet", "fr");
      String id = created.getString("id");
      server.facilitate(created);
      TestClient ana = server.join(id, "Ana");
      String anaToken = ana.await(Welcome.class).token();

      TestClient ben = server.connect().hello(id, null, "Ben", null);
      TestClient.CloseStatus closed = ben.awaitClose();
      assertThat(closed.code()).isEqualTo((short) 4009);
      assertThat(closed.reason()).contains("full").contains("2");

      TestClient anaAgain = server.connect().hello(id, anaToken, null, null);
      anaAgain.await(Synced.class);
      TestClient owner =
          server
              .connect()
              .send(
                  new ClientMessage.Hello(
                      ProtocolCodec.PROTOCOL_VERSION,
                      id,
                      null,
                      "Anim 2",
                      null,
                      created.getString("facilitatorKey")));
      assertThat(owner.await(Welcome.class).facilitator()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "LM6 a full canvas refuses a new note with too_many_notes and its changeId; another canvas"
          + " takes one, and a deleted note frees a place")
  void fullCanvas() {
    try (RunningServer server = serverWith(Map.of("ATELIER_MAX_NOTES_PER_CANVAS", "3"))) {
      JsonObject created = server.createWorkshop("Canevas plein", "fr");
      TestClient host = server.facilitate(created);
      TestClient ana = server.join(created.getString("id"), "Ana");
      for (int i = 0; i < 3; i++) {
        ana.send(note("a-" + i, "n-" + i, "main"));
      }
      for (int i = 0; i < 3; i++) {
        String changeId = "a-" + i;
        ana.await(Ack.class, a -> a.changeId().equals(changeId));
      }
      ana.send(note("a-3", "n-3", "main"));
      Error refused = ana.await(Error.class, e -> "a-3".equals(e.changeId()));
      assertThat(refused.code()).isEqualTo("too_many_notes");
      assertThat(refused.message()).contains("3 notes");

      host.send(new ClientMessage.CreateCanvas("h-1", "c-2", "blank", "Deux"));
      host.await(Ack.class, a -> a.changeId().equals("h-1"));
      ana.send(note("a-4", "n-4", "c-2"));
      ana.await(Ack.class, a -> a.changeId().equals("a-4"));
      ana.send(new ClientMessage.DeleteNote("a-5", "n-0"));
      ana.await(Ack.class, a -> a.changeId().equals("a-5"));
      ana.send(note("a-6", "n-6", "main"));
      ana.await(Ack.class, a -> a.changeId().equals("a-6"));
    }
  }
}
