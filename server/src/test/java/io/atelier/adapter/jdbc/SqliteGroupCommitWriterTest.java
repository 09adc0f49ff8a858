package io.atelier.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteGroupCommitWriterTest extends GroupCommitWriterContract {
  @TempDir Path temp;

  @Override
  protected Database database() {
    return new Database(
        Database.Dialect.SQLITE, "jdbc:sqlite:" + temp.resolve("atelier.db"), null, null);
  }

  @Test
  @DisplayName(
      "last_active is updated once per workshop per batch, however many appends the batch holds"
          + " for it")
  void lastActiveTouchedOncePerWorkshopPerBatch() throws Exception {
    String first = id("a");
    String second = id("b");
    Await.result(submit(create(first)));
    Await.result(submit(create(second)));
    // A trigger of the test's own counts the updates of last_active, row by row.
    try (Connection connection = DriverManager.getConnection(database().url());
        Statement statement = connection.createStatement()) {
      statement.execute("create table touches (workshop_id text not null)");
      statement.execute(
          "create trigger count_touches after update of last_active on workshops"
              + " begin insert into touches values (new.id); end");
    }

    List<CompletableFuture<Void>> stages =
        inOneBatch(
            append(first, 1),
            append(second, 1),
            append(first, 2),
            append(second, 2, 3),
            append(first, 3));

    stages.forEach(Await::result);
    assertThat(count("select count(*) from touches where workshop_id = ?", first)).isOne();
    assertThat(count("select count(*) from touches where workshop_id = ?", second)).isOne();
    assertThat(revisions(first)).containsExactly(1L, 2L, 3L);
    assertThat(revisions(second)).containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName(
      "last_active is not written again by the batches that follow within its precision (a"
          + " minute), and stays within it of the last change")
  void lastActiveNotRewrittenWithinItsPrecision() throws Exception {
    String workshop = id("busy");
    Await.result(submit(create(workshop)));
    try (Connection connection = DriverManager.getConnection(database().url());
        Statement statement = connection.createStatement()) {
      statement.execute("create table touches (workshop_id text not null)");
      statement.execute(
          "create trigger count_touches after update of last_active on workshops"
              + " begin insert into touches values (new.id); end");
    }
    long start = System.currentTimeMillis();

    for (long revision = 1; revision <= 10; revision++) {
      Await.result(submit(append(workshop, revision)));
    }

    assertThat(writer.transactions()).isGreaterThanOrEqualTo(10);
    assertThat(count("select count(*) from touches where workshop_id = ?", workshop)).isOne();
    assertThat(count("select last_active from workshops where id = ?", workshop))
        .isGreaterThan(System.currentTimeMillis() - RecentTouches.PRECISION_MS)
        .isGreaterThanOrEqualTo(start);
    assertThat(revisions(workshop)).hasSize(10);
  }
}
