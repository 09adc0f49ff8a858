package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.application.WorkshopJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkshopJournalTest extends JdbcWorkshopJournalContract {
  @TempDir Path temp;

  private Path dataDir() {
    return temp.resolve("data").resolve("journal");
  }

  @Override
  protected WorkshopJournal openJournal() {
    return JdbcWorkshopJournal.sqlite(dataDir());
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dataDir().resolve(JdbcWorkshopJournal.SQLITE_FILE));
  }

  @Test
  @DisplayName("the journal creates its directory and one file, atelier.db, in WAL mode")
  void fileInWalMode() throws SQLException {
    assertThat(dataDir().resolve("atelier.db")).isRegularFile();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("pragma journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
  }
}
