package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.application.WorkshopJournal;
import io.atelier.testing.LocalPostgres;
import io.atelier.testing.LocalPostgresPerClass;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against a real PostgreSQL started for this class (see {@link LocalPostgres}). */
class PostgresWorkshopJournalTest extends JdbcWorkshopJournalContract {
  @RegisterExtension static final LocalPostgresPerClass POSTGRES = new LocalPostgresPerClass();

  @Override
  protected WorkshopJournal openJournal() {
    return JdbcWorkshopJournal.postgres(
        POSTGRES.server().jdbcUrl(), POSTGRES.server().user(), POSTGRES.server().password());
  }

  @Override
  protected Connection connect() throws SQLException {
    return POSTGRES.server().connect();
  }

  @Test
  @DisplayName(
      "nodes that open an empty database at the same moment all start, and migrate it once")
  void concurrentFirstStart() throws Exception {
    journal().close();
    // The race is a matter of timing: a few rounds make a regression all but certain to show.
    for (int round = 0; round < 3; round++) {
      dropEverything();
      openAtOnce(12);
      assertThat(count("select count(*) from atelier_schema")).isEqualTo(3);
    }
    restart();
  }

  private void dropEverything() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of("images", "checkpoints", "events", "workshops", "atelier_schema")) {
        statement.execute("drop table " + table);
      }
    }
  }

  private void openAtOnce(int nodes) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(nodes);
    CyclicBarrier together = new CyclicBarrier(nodes);
    try {
      List<Future<WorkshopJournal>> opening = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        opening.add(
            threads.submit(
                () -> {
                  together.await(30, TimeUnit.SECONDS);
                  return openJournal();
                }));
      }
      for (Future<WorkshopJournal> opened : opening) {
        opened.get(60, TimeUnit.SECONDS).close();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
