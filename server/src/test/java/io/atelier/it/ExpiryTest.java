package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, retention: the optional expiry deletes idle workshops, everywhere and for good. */
class ExpiryTest {
  @TempDir Path dataDir;

  @Test
  @DisplayName("HS3 a workshop idle for longer than the expiry is deleted, and stays deleted")
  void idleWorkshopExpires() {
    AtelierConfig config =
        AtelierConfig.forTests()
            .withJournal(JournalSettings.sqlite(dataDir).withExpiry(Duration.ofMillis(400)));
    String id;
    try (RunningServer server = new RunningServer(config)) {
      id = server.createWorkshop("Éphémère", "fr").getString("id");
      // Whether Ana gets in before the sweep or after, her socket ends closed with 4004.
      TestClient ana = server.connect().hello(id, null, "Ana", null);
      assertThat(ana.awaitClose().code()).isEqualTo((short) 4004);
      assertThat(server.get("/api/workshops/" + id).statusCode()).isEqualTo(404);
    }
    try (RunningServer restarted =
        new RunningServer(config.withJournal(JournalSettings.sqlite(dataDir)))) {
      assertThat(restarted.get("/api/workshops/" + id).statusCode()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName(
      "HS3 a person who comes in while the workshop leaves the journal is told it is gone (4004)")
  void entryRacingADeletion() throws Exception {
    AtelierConfig config = AtelierConfig.forTests().withJournal(JournalSettings.sqlite(dataDir));
    try (RunningServer server = new RunningServer(config)) {
      String id = server.createWorkshop("Éphémère", "fr").getString("id");
      // The moment a deletion or an expiry has removed it from the journal, not yet from memory.
      try (Connection journal =
              DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("atelier.db"));
          PreparedStatement delete =
              journal.prepareStatement("delete from workshops where id = ?")) {
        delete.setString(1, id);
        assertThat(delete.executeUpdate()).isEqualTo(1);
      }

      TestClient ana = server.connect().hello(id, null, "Ana", null);

      assertThat(ana.awaitClose().code()).isEqualTo((short) 4004);
    }
  }
}
