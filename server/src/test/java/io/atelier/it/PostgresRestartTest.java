package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.AtelierServer;
import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.testing.Await;
import io.atelier.testing.LocalPostgresPerClass;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3 with the production journal: a real PostgreSQL on loopback. A full restart brings every
 * workshop back, and a database that is down at start-up fails the start instead of serving empty
 * workshops; once it is back, nothing is missing.
 */
class PostgresRestartTest {
  @RegisterExtension static final LocalPostgresPerClass POSTGRES = new LocalPostgresPerClass();

  private static AtelierConfig config() {
    return AtelierConfig.forTests()
        .withJournal(
            new JournalSettings(
                JournalSettings.Kind.POSTGRES,
                Path.of("unused"),
                POSTGRES.server().jdbcUrl(),
                POSTGRES.server().user(),
                POSTGRES.server().password()));
  }

  /**
   * A workshop with a few notes, made on a node that then stops; its notes as a newcomer saw them.
   */
  private static List<io.atelier.protocol.WireNote> workshopWithNotes(String[] id) {
    try (RunningServer server = new RunningServer(config())) {
      id[0] = server.createWorkshop("Base de données", "fr").getString("id");
      TestClient ana = server.join(id[0], "Ana");
      for (int i = 0; i < 12; i++) {
        ana.send(
            new ClientMessage.CreateNote(
                "c-" + i, "n-" + i, i * 20.0, 0.0, 200.0, 140.0, "Note " + i, "green"));
      }
      ana.await(Ack.class, ack -> ack.changeId().equals("c-11"));
      return server.join(id[0], "Témoin").await(Snapshot.class).notes();
    }
  }

  @Test
  @DisplayName("a full restart with the PostgreSQL journal brings the workshop back identical")
  void fullRestart() {
    String[] id = new String[1];
    var before = workshopWithNotes(id);
    try (RunningServer restarted = new RunningServer(config())) {
      Snapshot snapshot = restarted.join(id[0], "Après").await(Snapshot.class);
      assertThat(snapshot.notes()).isEqualTo(before).hasSize(12);
    }
  }

  @Test
  @DisplayName("a database down at start-up fails the start; nothing is erased, all is back after")
  void unavailableAtStart() {
    String[] id = new String[1];
    var before = workshopWithNotes(id);
    POSTGRES.server().pause();
    try {
      assertThatThrownBy(() -> Await.result(AtelierServer.start(config())))
          .hasMessageContaining("journal");
    } finally {
      POSTGRES.server().resume();
    }
    try (RunningServer restarted = new RunningServer(config())) {
      assertThat(restarted.join(id[0], "Après").await(Snapshot.class).notes()).isEqualTo(before);
    }
  }

  @Test
  @DisplayName(
      "a load that fails while the database is down answers an error, never 'no such workshop'")
  void failedLoadIsNotAnEmptyWorkshop() {
    String[] id = new String[1];
    var before = workshopWithNotes(id);
    try (RunningServer node = new RunningServer(config())) {
      POSTGRES.server().pause();
      try {
        assertThat(node.get("/api/workshops/" + id[0]).statusCode()).isEqualTo(500);
        var ready = node.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("journal");
      } finally {
        POSTGRES.server().resume();
      }
      assertThat(node.get("/api/workshops/" + id[0]).statusCode()).isEqualTo(200);
      assertThat(node.get("/ready").statusCode()).isEqualTo(200);
      TestClient after = node.join(id[0], "Après");
      assertThat(after.await(Snapshot.class).notes()).isEqualTo(before);
      after.send(
          new ClientMessage.CreateNote(
              "later", "n-later", 0.0, 300.0, 200.0, 140.0, "Plus tard", "pink"));
      assertThat(after.await(Ack.class, ack -> ack.changeId().equals("later")).revision())
          .isPositive();
    }
  }
}
