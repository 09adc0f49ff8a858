package io.atelier.adapter.jdbc;

import io.atelier.testing.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The batch's coalescing against a real PostgreSQL started for this class. */
class PostgresGroupCommitWriterTest extends GroupCommitWriterContract {
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
  protected Database database() {
    return new Database(
        Database.Dialect.POSTGRESQL, postgres.jdbcUrl(), postgres.user(), postgres.password());
  }
}
