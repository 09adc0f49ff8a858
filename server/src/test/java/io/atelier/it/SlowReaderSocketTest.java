package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.application.SlowReaders;
import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ProtocolException;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.RevisionedMessage;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireNote;
import io.atelier.testing.Await;
import io.atelier.testing.PrometheusText;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LM11 over real sockets: a room with readers that keep up and one whose socket stops reading at
 * the TCP level (a paused Vert.x client with a small receive buffer, so that the kernel's buffers
 * fill and the node's queue for it grows), against a node with a small write queue. Notes carry
 * 2,000 characters, so that a few thousand of them are megabytes. Nothing here is timed: the others
 * are shown unaffected by receiving every event, in order, while the slow one is stalled.
 */
class SlowReaderSocketTest {
  private static final int MARK_KB = 32;
  private static final int CAP_KB = 128;
  private static final String TEXT =
      "Mutualiser les outils numériques. ".repeat(59).substring(0, 2_000);

  /** At most this many notes per test, whatever the machine's TCP buffers. */
  private static final int MAX_NOTES = 6_000;

  /**
   * Notes written before waiting for the last one's ack: about 45 KB a reader, well under the cap,
   * so that only a reader that stops reading goes beyond it. A node hands a burst to its sockets
   * faster than their event loops write it (since its own events skip the topic, ADR 0002): bursts
   * of 100 notes (220 KB) made readers that read look behind too.
   */
  private static final int BURST = 20;

  private final Vertx vertx = Vertx.vertx();
  private int nextNote;

  @AfterEach
  void closeVertx() {
    Await.result(vertx.close());
  }

  private static RunningServer serverWith(int markKb, int capKb, int graceMs) {
    return new RunningServer(
        AtelierConfig.forTests()
            .withLimits(
                Limits.fromEnvironment(
                    Map.of(
                        "ATELIER_CHANGES_PER_SECOND", "1000000",
                        "ATELIER_CHANGES_BURST", "1000000",
                        "ATELIER_FLOOD_MESSAGES_PER_SECOND", "10000000",
                        "ATELIER_MAX_NOTES_PER_CANVAS", "1000000",
                        "ATELIER_MAX_CONNECTIONS_PER_ADDRESS", "1000",
                        "ATELIER_WRITE_QUEUE_KB", Integer.toString(markKb),
                        "ATELIER_WRITE_QUEUE_MAX_KB", Integer.toString(capKb),
                        "ATELIER_WRITE_QUEUE_GRACE_MS", Integer.toString(graceMs)))));
  }

  /** Sends {@code count} notes of 2,000 characters and waits for the last one's ack. */
  private List<String> writeNotes(TestClient writer, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "n-" + nextNote++;
      ids.add(id);
      writer.send(
          new ClientMessage.CreateNote(
              "c-" + id, id, "main", 10.0 * (i % 50), 20.0, 200.0, 140.0, TEXT, "yellow"));
    }
    String last = "c-" + ids.get(ids.size() - 1);
    writer.await(Ack.class, a -> a.changeId().equals(last), Duration.ofSeconds(60));
    return ids;
  }

  /** Bursts of {@link #BURST} notes until the node drops the slow reader; bounded either way. */
  private List<String> writeUntilDropped(TestClient writer, SlowReaders slowReaders) {
    List<String> ids = new ArrayList<>();
    while (slowReaders.dropped() == 0 && ids.size() < MAX_NOTES) {
      ids.addAll(writeNotes(writer, BURST));
    }
    assertThat(slowReaders.dropped())
        .as("the slow reader was dropped within %d notes", MAX_NOTES)
        .isEqualTo(1);
    return ids;
  }

  private static List<String> createdIds(TestClient reader, int expected) {
    reader.await(
        NoteCreated.class,
        any -> reader.all(NoteCreated.class).size() >= expected,
        Duration.ofSeconds(60));
    return reader.all(NoteCreated.class).stream().map(e -> e.note().id()).toList();
  }

  @Test
  @DisplayName(
      "LM11 a reader that stops reading while a room writes is closed with 4010 and its reason,"
          + " its queue never beyond the cap; the others receive every event in order, and the slow"
          + " one, reading again and reconnecting with its lastRevision, catches up to the same notes")
  void stalledReaderIsDroppedAndCatchesUp() {
    // A long grace period: this reader is dropped for the cap, and reads its close in time.
    try (RunningServer server = serverWith(MARK_KB, CAP_KB, 10_000)) {
      String id = server.createWorkshop("Lecteur lent", "fr").getString("id");
      TestClient ana = server.join(id, "Ana");
      TestClient ben = server.join(id, "Ben");
      TestClient chloe = server.join(id, "Chloé");
      StalledReader dan = StalledReader.join(vertx, server.port(), id, "Dan");
      dan.stopReading();

      SlowReaders slowReaders = server.server().slowReaders();
      List<String> written = writeUntilDropped(ana, slowReaders);
      for (int burst = 0; burst < 5; burst++) {
        written.addAll(writeNotes(ana, BURST)); // the room goes on after the drop
      }
      assertThat(slowReaders.largestBacklog())
          .as("what the node held for the slow reader: above the mark, never beyond the cap")
          .isGreaterThan(MARK_KB * 1024L)
          .isLessThanOrEqualTo(CAP_KB * 1024L);
      assertThat(
              PrometheusText.parse(server.get("/metrics").body())
                  .value("atelier_slow_readers_dropped_total"))
          .as("GET /metrics counts the drop")
          .isEqualTo(1.0);

      dan.readAgain();
      TestClient.CloseStatus closed = dan.awaitClose();
      assertThat(closed.code()).isEqualTo((short) 4010);
      assertThat(closed.reason()).isEqualTo("Too far behind: reconnecting to catch up");
      List<String> before = dan.createdIds();
      assertThat(before)
          .as("what it read before the drop is the start of the room's notes, in order")
          .isEqualTo(written.subList(0, before.size()));
      assertThat(before.size()).isLessThan(written.size());

      for (TestClient reader : List.of(ben, chloe)) {
        assertThat(createdIds(reader, written.size())).isEqualTo(written);
        List<Long> revisions =
            reader.all(NoteCreated.class).stream().map(e -> e.revision()).toList();
        assertThat(revisions).isSorted().doesNotHaveDuplicates();
        assertThat(revisions.get(revisions.size() - 1) - revisions.get(0))
            .as("no revision missing between the first and the last note")
            .isEqualTo(written.size() - 1);
        assertThat(reader.isClosed()).isFalse();
      }

      TestClient back = server.connect().hello(id, dan.token(), null, dan.lastRevision());
      back.await(Synced.class, any -> true, Duration.ofSeconds(30));
      Set<String> notes = new LinkedHashSet<>(before);
      back.find(Snapshot.class, any -> true)
          .ifPresent(
              snapshot -> {
                notes.clear();
                snapshot.notes().stream().map(WireNote::id).forEach(notes::add);
              });
      back.all(NoteCreated.class).forEach(e -> notes.add(e.note().id()));
      assertThat(notes).containsExactlyInAnyOrderElementsOf(written);
      back.close();
      List.of(ana, ben, chloe).forEach(TestClient::close);
    }
  }

  @Test
  @DisplayName(
      "LM11 a reader above the mark for longer than the grace period is dropped at the next event,"
          + " below the cap; when it does not read its close, its connection is cut and its session"
          + " ends")
  void stalledPastTheGraceIsCut() {
    try (RunningServer server = serverWith(MARK_KB, 64 * 1024, 500)) {
      String id = server.createWorkshop("Tunnel", "fr").getString("id");
      TestClient ana = server.join(id, "Ana");
      StalledReader dan = StalledReader.join(vertx, server.port(), id, "Dan");
      dan.stopReading();
      Await.condition(
          () -> server.server().openSessions() == 2, Duration.ofSeconds(10), () -> "two sockets");

      SlowReaders slowReaders = server.server().slowReaders();
      // Far below the cap, the backlog stays above the mark while the room goes on writing.
      writeUntilDropped(ana, slowReaders);
      assertThat(slowReaders.dropped()).isEqualTo(1);
      assertThat(slowReaders.largestBacklog())
          .as("dropped for the time above the mark, not for the cap")
          .isGreaterThan(MARK_KB * 1024L)
          .isLessThan(64L * 1024 * 1024);
      Await.condition(
          () -> server.server().openSessions() == 1,
          Duration.ofSeconds(20),
          () -> server.server().openSessions() + " sockets open");
      assertThat(ana.isClosed()).isFalse();
      // Its close frame was cut off with what was queued before it: coming back, the reader reads
      // what had reached it and then sees its connection end, and reconnects as after any drop.
      dan.readAgain();
      assertThat(dan.awaitClose().code()).isEqualTo((short) 1006);
      ana.close();
    }
  }

  /**
   * A participant whose socket stops reading at the TCP level: a Vert.x client paused, with a small
   * receive buffer so that the server's writes back up quickly.
   */
  private static final class StalledReader {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private final WebSocketClient client; // kept: an unreferenced client may be collected
    private final WebSocket socket;
    private final List<ServerMessage> received = new ArrayList<>();
    private final CompletableFuture<TestClient.CloseStatus> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> synced = new CompletableFuture<>();

    private StalledReader(WebSocketClient client, WebSocket socket) {
      this.client = client;
      this.socket = socket;
      socket.textMessageHandler(this::onFrame);
      socket.closeHandler(
          v ->
              closed.complete(
                  new TestClient.CloseStatus(socket.closeStatusCode(), socket.closeReason())));
    }

    static StalledReader join(Vertx vertx, int port, String workshopId, String name) {
      WebSocketClient client =
          vertx.createWebSocketClient(
              new WebSocketClientOptions()
                  .setReceiveBufferSize(16 * 1024)
                  .setMaxMessageSize(16 << 20));
      WebSocket socket =
          Await.result(
              client.connect(
                  new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")));
      StalledReader reader = new StalledReader(client, socket);
      socket.writeTextMessage(
          CODEC.encode(
              new ClientMessage.Hello(
                  ProtocolCodec.PROTOCOL_VERSION, workshopId, null, name, null)));
      Await.result(reader.synced);
      return reader;
    }

    void stopReading() {
      socket.pause();
    }

    void readAgain() {
      socket.resume();
    }

    TestClient.CloseStatus awaitClose() {
      try {
        return closed.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("The server did not close the slow reader's socket", e);
      }
    }

    synchronized String token() {
      return received.stream()
          .filter(Welcome.class::isInstance)
          .map(m -> ((Welcome) m).token())
          .findFirst()
          .orElseThrow();
    }

    /** The revision it has confirmed: the last event it applied, in order (SY4). */
    synchronized long lastRevision() {
      long revision =
          received.stream()
              .filter(Synced.class::isInstance)
              .mapToLong(m -> ((Synced) m).revision())
              .findFirst()
              .orElseThrow();
      for (ServerMessage message : received) {
        if (message instanceof RevisionedMessage event && event.revision() == revision + 1) {
          revision = event.revision();
        }
      }
      return revision;
    }

    synchronized List<String> createdIds() {
      return received.stream()
          .filter(NoteCreated.class::isInstance)
          .map(m -> ((NoteCreated) m).note().id())
          .toList();
    }

    private void onFrame(String frame) {
      ServerMessage message;
      try {
        message = CODEC.decodeServer(frame);
      } catch (ProtocolException e) {
        throw new AssertionError("not a server message: " + frame, e);
      }
      synchronized (this) {
        received.add(message);
      }
      if (message instanceof Synced) {
        synced.complete(null);
      }
    }
  }
}
