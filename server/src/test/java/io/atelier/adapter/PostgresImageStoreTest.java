package io.atelier.adapter;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.testing.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The image contract against a real PostgreSQL started for this class (see {@link LocalPostgres}).
 */
class PostgresImageStoreTest extends JdbcImageStoreContract {
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
  protected JdbcWorkshopJournal openJournal() {
    return JdbcWorkshopJournal.postgres(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }
}
