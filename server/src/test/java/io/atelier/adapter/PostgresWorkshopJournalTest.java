package io.atelier.adapter;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.application.WorkshopJournal;
import io.atelier.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against a real PostgreSQL started for this class (see {@link LocalPostgres}). */
class PostgresWorkshopJournalTest extends JdbcWorkshopJournalContract {
  private static LocalPostgres postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected WorkshopJournal openJournal() {
    return JdbcWorkshopJournal.postgres(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  @Override
  protected Connection connect() throws SQLException {
    return postgres.connect();
  }
}
