package io.atelier.adapter;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.testing.LocalPostgres;
import io.atelier.testing.LocalPostgresPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The image contract against a real PostgreSQL started for this class (see {@link LocalPostgres}).
 */
class PostgresImageStoreTest extends JdbcImageStoreContract {
  @RegisterExtension static final LocalPostgresPerClass POSTGRES = new LocalPostgresPerClass();

  @Override
  protected JdbcWorkshopJournal openJournal() {
    return JdbcWorkshopJournal.postgres(
        POSTGRES.server().jdbcUrl(), POSTGRES.server().user(), POSTGRES.server().password());
  }
}
