package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireParticipant;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.atelier.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 3: stop every node, start again, every workshop is back as it was, with the embedded
 * journal (SQLite under the data directory), whether the live state is in Hazelcast or in memory.
 */
class RestartTest {
  @TempDir Path dataDir;

  private AtelierConfig config(AtelierConfig.Storage storage) {
    return AtelierConfig.forTests()
        .withStorage(storage)
        .withJournal(JournalSettings.sqlite(dataDir));
  }

  /** What a newcomer sees: the notes, and who is in the workshop (presence aside). */
  private record Seen(List<io.atelier.protocol.WireNote> notes, List<String> people) {
    static Seen of(Snapshot snapshot) {
      return new Seen(
          snapshot.notes(),
          snapshot.participants().stream()
              .map(p -> p.id() + " " + p.name() + " " + p.color())
              .toList());
    }
  }

  @ParameterizedTest
  @EnumSource(AtelierConfig.Storage.class)
  @DisplayName(
      "HS4 CH2 a full restart brings every workshop back: notes, people, tokens, change ids")
  void fullRestart(AtelierConfig.Storage storage) {
    String workshopId;
    String token;
    Seen before;
    long revisionBefore;
    try (RunningServer server = new RunningServer(config(storage))) {
      workshopId = server.createWorkshop("Avant le redémarrage", "fr").getString("id");
      TestClient ana = server.join(workshopId, "Ana");
      token = ana.await(Welcome.class).token();
      TestClient ben = server.join(workshopId, "Ben");
      for (int i = 0; i < 30; i++) {
        TestClient author = i % 2 == 0 ? ana : ben;
        author.send(
            new ClientMessage.CreateNote(
                "c-" + i, "n-" + i, i * 10.0, (double) i, 200.0, 140.0, "Note " + i, "yellow"));
      }
      ana.send(
          new ClientMessage.UpdateNote(
              "move", "n-3", new NoteProperties(500.0, 60.0, null, null, "déplacée", null, null)));
      ben.send(new ClientMessage.DeleteNote("delete", "n-4"));
      ben.send(new ClientMessage.BringNoteToFront("front", "n-0"));
      ana.await(Ack.class, ack -> ack.changeId().equals("move"));
      ben.await(Ack.class, ack -> ack.changeId().equals("front"));
      TestClient witness = server.join(workshopId, "Témoin");
      Snapshot snapshot = witness.await(Snapshot.class);
      before = Seen.of(snapshot);
      revisionBefore = snapshot.revision();
    }

    try (RunningServer restarted = new RunningServer(config(storage))) {
      assertThat(restarted.get("/api/workshops/" + workshopId).statusCode()).isEqualTo(200);
      TestClient newcomer = restarted.join(workshopId, "Après");
      Snapshot snapshot = newcomer.await(Snapshot.class);
      assertThat(snapshot.notes()).isEqualTo(before.notes());
      assertThat(Seen.of(snapshot).people()).containsAll(before.people());
      assertThat(snapshot.revision()).isGreaterThan(revisionBefore);
      assertThat(
              snapshot.participants().stream()
                  .filter(WireParticipant::online)
                  .map(WireParticipant::name))
          .containsExactly("Après");

      // HS4: Ana's browser comes back with its token and is Ana again.
      TestClient ana = restarted.connect().hello(workshopId, token, null, snapshot.revision());
      assertThat(ana.await(Welcome.class).participant().name()).isEqualTo("Ana");
      // CH2: a change resent after the restart is acknowledged once more, not applied again.
      ana.send(
          new ClientMessage.UpdateNote(
              "move", "n-3", new NoteProperties(0.0, 0.0, null, null, null, null, null)));
      assertThat(ana.await(Ack.class, ack -> ack.changeId().equals("move")).duplicate()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(AtelierConfig.Storage.class)
  @DisplayName("a workshop created just before a stop, with no change yet, comes back too")
  void emptyWorkshopComesBack(AtelierConfig.Storage storage) {
    String workshopId;
    try (RunningServer server = new RunningServer(config(storage))) {
      workshopId = server.createWorkshop("Vide", "en").getString("id");
    }
    try (RunningServer restarted = new RunningServer(config(storage))) {
      assertThat(restarted.get("/api/workshops/" + workshopId).body())
          .contains("\"title\":\"Vide\"");
      assertThat(restarted.get("/api/workshops/AAAAAAAAAAAAAAAAAAAAAA").statusCode())
          .isEqualTo(404);
      TestClient newcomer = restarted.join(workshopId, "Première");
      assertThat(newcomer.await(ServerMessage.Snapshot.class).notes()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(AtelierConfig.Storage.class)
  @DisplayName("issue 4: an uploaded image comes back after a full restart, byte for byte")
  void imagesComeBack(AtelierConfig.Storage storage) {
    byte[] png = TestImages.png(1);
    String url;
    try (RunningServer server = new RunningServer(config(storage))) {
      var workshop = server.createWorkshop("Illustré", "fr");
      var created =
          server.post(
              "/api/workshops/" + workshop.getString("id") + "/images",
              "image/png",
              png,
              "Bearer " + workshop.getString("facilitatorKey"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      url = new JsonObject(created.body()).getString("url");
    }
    try (RunningServer restarted = new RunningServer(config(storage))) {
      var read = restarted.getBytes(url);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).isEqualTo(png);
      assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
    }
  }

  @ParameterizedTest
  @EnumSource(AtelierConfig.Storage.class)
  @DisplayName(
      "a deleted workshop stays deleted after a restart: gone from memory and from disk, with its"
          + " images")
  void deletionIsDurable(AtelierConfig.Storage storage) {
    String kept;
    String deleted;
    String image;
    try (RunningServer server = new RunningServer(config(storage))) {
      kept = server.createWorkshop("Gardé", "fr").getString("id");
      var doomed = server.createWorkshop("Effacé", "fr");
      deleted = doomed.getString("id");
      server.join(deleted, "Ana");
      var uploaded =
          server.post(
              "/api/workshops/" + deleted + "/images",
              "image/png",
              TestImages.png(2),
              "Bearer " + doomed.getString("facilitatorKey"));
      assertThat(uploaded.statusCode()).isEqualTo(201);
      image = new JsonObject(uploaded.body()).getString("url");
      assertThat(
              server
                  .delete(
                      "/api/workshops/" + deleted, "Bearer " + doomed.getString("facilitatorKey"))
                  .statusCode())
          .isEqualTo(204);
    }
    try (RunningServer restarted = new RunningServer(config(storage))) {
      assertThat(restarted.get("/api/workshops/" + deleted).statusCode()).isEqualTo(404);
      assertThat(restarted.getBytes(image).statusCode()).isEqualTo(404);
      assertThat(restarted.get("/api/workshops/" + kept).statusCode()).isEqualTo(200);
    }
  }
}
