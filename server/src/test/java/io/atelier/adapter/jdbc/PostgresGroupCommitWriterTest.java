package io.atelier.adapter.jdbc;

import io.atelier.testing.LocalPostgresPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The batch's coalescing against a real PostgreSQL started for this class. */
class PostgresGroupCommitWriterTest extends GroupCommitWriterContract {
  @RegisterExtension static final LocalPostgresPerClass POSTGRES = new LocalPostgresPerClass();

  @Override
  protected Database database() {
    return new Database(
        Database.Dialect.POSTGRESQL,
        POSTGRES.server().jdbcUrl(),
        POSTGRES.server().user(),
        POSTGRES.server().password());
  }
}
