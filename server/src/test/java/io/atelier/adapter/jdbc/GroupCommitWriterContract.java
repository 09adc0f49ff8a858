package io.atelier.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.testing.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the writer shares within one batch (existence checks, statements, events inserted together,
 * {@code last_active} touched once) must never change what each write does: the batches here are
 * built deterministically with {@link GroupCommitWriter#holdBatches()}, and each test checks that
 * they were one transaction. Every test uses workshop ids of its own, so a shared database needs no
 * cleaning.
 */
abstract class GroupCommitWriterContract {
  protected Connection writerConnection;
  protected GroupCommitWriter writer;
  private final String prefix = "gcw-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  /** The database under test, already reachable. */
  protected abstract Database database();

  @BeforeEach
  void openWriter() throws SQLException {
    writerConnection = database().openWriter();
    JournalSchema.migrate(writerConnection, database().dialect(), database().describe());
    writer = new GroupCommitWriter(database(), writerConnection);
  }

  @AfterEach
  void closeWriter() {
    writer.close();
  }

  protected String id(String name) {
    return prefix + name;
  }

  protected static Function<CompletableFuture<Void>, JournalWrite> create(String workshop) {
    return done -> new JournalWrite.Create(workshop, "{\"v\":1}", 1_000L, done);
  }

  protected static Function<CompletableFuture<Void>, JournalWrite> append(
      String workshop, long... revisions) {
    List<JournalWrite.Row> rows = new ArrayList<>();
    for (long revision : revisions) {
      rows.add(new JournalWrite.Row(revision, "{\"revision\":" + revision + "}"));
    }
    return done -> new JournalWrite.Append(workshop, List.copyOf(rows), done);
  }

  protected static Function<CompletableFuture<Void>, JournalWrite> delete(String workshop) {
    return done -> new JournalWrite.Delete(workshop, done);
  }

  protected static Function<CompletableFuture<Void>, JournalWrite> checkpoint(
      String workshop, long revision) {
    return done -> new JournalWrite.SaveCheckpoint(workshop, revision, "{}", done);
  }

  protected CompletableFuture<Void> submit(Function<CompletableFuture<Void>, JournalWrite> write) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    writer.submit(write.apply(done));
    return done;
  }

  /** Submits the writes while the writer is held, checks they were one transaction. */
  @SafeVarargs
  protected final List<CompletableFuture<Void>> inOneBatch(
      Function<CompletableFuture<Void>, JournalWrite>... writes) throws Exception {
    long before = writer.transactions();
    List<CompletableFuture<Void>> stages = new ArrayList<>();
    try (AutoCloseable held = writer.holdBatches()) {
      for (Function<CompletableFuture<Void>, JournalWrite> write : writes) {
        stages.add(submit(write));
      }
    }
    for (CompletableFuture<Void> stage : stages) {
      stage.handle((result, failure) -> null).get(30, TimeUnit.SECONDS); // Done, either way.
    }
    assertThat(writer.transactions()).as("transactions of the batch").isEqualTo(before + 1);
    return stages;
  }

  protected long count(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database().openReader();
        PreparedStatement select = connection.prepareStatement(sql)) {
      try {
        for (int i = 0; i < parameters.length; i++) {
          select.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      } finally {
        connection.rollback();
      }
    }
  }

  protected List<Long> revisions(String workshop) throws SQLException {
    try (Connection connection = database().openReader();
        PreparedStatement select =
            connection.prepareStatement(
                "select revision from events where workshop_id = ? order by revision")) {
      try {
        select.setString(1, workshop);
        List<Long> revisions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            revisions.add(rows.getLong(1));
          }
        }
        return revisions;
      } finally {
        connection.rollback();
      }
    }
  }

  @Test
  @DisplayName(
      "a batch holding a create then appends of that workshop commits them all: the create"
          + " counts as existing for the appends")
  void createThenAppendsInOneBatch() throws Exception {
    String workshop = id("new");
    List<CompletableFuture<Void>> stages =
        inOneBatch(create(workshop), append(workshop, 1), append(workshop, 2, 3));

    stages.forEach(Await::result);
    assertThat(revisions(workshop)).containsExactly(1L, 2L, 3L);
    assertThat(count("select last_active from workshops where id = ?", workshop)).isPositive();
  }

  @Test
  @DisplayName(
      "an append to an unknown workshop in the middle of a batch fails alone with"
          + " IllegalStateException; the appends around it commit")
  void unknownWorkshopFailsAlone() throws Exception {
    String first = id("a");
    String unknown = id("b-unknown");
    String last = id("c");
    Await.result(submit(create(first)));
    Await.result(submit(create(last)));

    List<CompletableFuture<Void>> stages =
        inOneBatch(append(first, 1), append(unknown, 1), append(last, 1), append(first, 2));

    assertThat(Await.failure(stages.get(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(unknown);
    Await.result(stages.get(0));
    Await.result(stages.get(2));
    Await.result(stages.get(3));
    assertThat(revisions(first)).containsExactly(1L, 2L);
    assertThat(revisions(last)).containsExactly(1L);
    assertThat(revisions(unknown)).isEmpty();
  }

  @Test
  @DisplayName(
      "a delete then an append of that workshop in one batch: the delete is done, the append"
          + " is refused (unknown workshop) and leaves nothing")
  void deleteThenAppend() throws Exception {
    String workshop = id("gone");
    Await.result(submit(create(workshop)));
    Await.result(submit(append(workshop, 1)));

    List<CompletableFuture<Void>> stages = inOneBatch(delete(workshop), append(workshop, 2));

    Await.result(stages.get(0));
    assertThat(Await.failure(stages.get(1))).isInstanceOf(IllegalStateException.class);
    assertThat(count("select count(*) from workshops where id = ?", workshop)).isZero();
    assertThat(revisions(workshop)).isEmpty();
  }

  @Test
  @DisplayName(
      "appends then a delete then a create and an append of one workshop in one batch: the held"
          + " events are written before the delete, and only the last append remains")
  void appendsDeleteCreateAppend() throws Exception {
    String workshop = id("again");
    Await.result(submit(create(workshop)));

    List<CompletableFuture<Void>> stages =
        inOneBatch(
            append(workshop, 1),
            append(workshop, 2),
            delete(workshop),
            create(workshop),
            append(workshop, 1));

    stages.forEach(Await::result);
    assertThat(revisions(workshop)).containsExactly(1L);
    assertThat(count("select count(*) from workshops where id = ?", workshop)).isOne();
  }

  @Test
  @DisplayName(
      "a checkpoint queued among appends is committed alone, after them: it drops the events it"
          + " covers and keeps the later ones")
  void checkpointQueuedAmongAppends() throws Exception {
    String workshop = id("cp");
    Await.result(submit(create(workshop)));
    long before = writer.transactions();

    List<CompletableFuture<Void>> stages = new ArrayList<>();
    try (AutoCloseable held = writer.holdBatches()) {
      stages.add(submit(append(workshop, 1, 2)));
      stages.add(submit(append(workshop, 3)));
      stages.add(submit(checkpoint(workshop, 2)));
      stages.add(submit(append(workshop, 4)));
    }

    stages.forEach(Await::result);
    assertThat(writer.transactions()).as("the appends, then the checkpoint").isEqualTo(before + 2);
    assertThat(revisions(workshop)).containsExactly(3L, 4L);
    assertThat(count("select revision from checkpoints where workshop_id = ?", workshop))
        .isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a checkpoint waits while other writes are queued: the appends queued after it are committed"
          + " first, and none of them shares its transaction")
  void checkpointWaitsForQueuedWrites() throws Exception {
    String workshop = id("late-cp");
    Await.result(submit(create(workshop)));
    Await.result(submit(append(workshop, 1)));
    List<String> committed = Collections.synchronizedList(new ArrayList<>());
    long before = writer.transactions();

    checkpointThenAppends(workshop, 1, 2, 4, committed).forEach(Await::result);
    assertThat(committed).containsExactly("append 2", "append 3", "append 4", "checkpoint");
    assertThat(writer.transactions()).isEqualTo(before + 2);
    assertThat(revisions(workshop)).containsExactly(2L, 3L, 4L);
  }

  @Test
  @DisplayName(
      "a checkpoint is not starved by a queue that never empties: it lets a few full batches go"
          + " first, then is committed alone, before the rest")
  void checkpointNotStarved() throws Exception {
    String workshop = id("busy-cp");
    Await.result(submit(create(workshop)));
    Await.result(submit(append(workshop, 1)));
    int appends = (GroupCommitWriter.CHECKPOINT_PATIENCE + 2) * GroupCommitWriter.BATCH_LIMIT;
    List<String> committed = Collections.synchronizedList(new ArrayList<>());

    checkpointThenAppends(workshop, 1, 2, 1 + appends, committed).forEach(Await::result);
    int appendsBefore = committed.indexOf("checkpoint");
    assertThat(appendsBefore)
        .isGreaterThanOrEqualTo(
            (GroupCommitWriter.CHECKPOINT_PATIENCE - 1) * GroupCommitWriter.BATCH_LIMIT)
        .isLessThan(appends);
    assertThat(revisions(workshop)).hasSize(appends);
  }

  /**
   * Under one hold, a checkpoint at {@code checkpointAt} and then appends of the revisions {@code
   * from} to {@code to}; each, once committed, is added to {@code committed} ("checkpoint", "append
   * 2" ...). The answer's stages, the checkpoint's first, complete once that is recorded.
   */
  private List<CompletableFuture<Void>> checkpointThenAppends(
      String workshop, long checkpointAt, long from, long to, List<String> committed)
      throws Exception {
    List<CompletableFuture<Void>> stages = new ArrayList<>();
    try (AutoCloseable held = writer.holdBatches()) {
      stages.add(
          submit(checkpoint(workshop, checkpointAt)).thenRun(() -> committed.add("checkpoint")));
      for (long revision = from; revision <= to; revision++) {
        long appended = revision;
        stages.add(
            submit(append(workshop, revision)).thenRun(() -> committed.add("append " + appended)));
      }
    }
    return stages;
  }

  @Test
  @DisplayName("closing the journal commits the checkpoints still waiting, nothing is left behind")
  void closeCommitsWaitingCheckpoints() throws Exception {
    String workshop = id("closing-cp");
    Await.result(submit(create(workshop)));
    Await.result(submit(append(workshop, 1, 2)));

    CompletableFuture<Void> checkpoint;
    CompletableFuture<Void> closed;
    try (AutoCloseable held = writer.holdBatches()) {
      checkpoint = submit(checkpoint(workshop, 2));
      submit(append(workshop, 3));
      // close() waits for the writer, which waits for the hold: it runs on another thread, and
      // the hold ends once it has queued its stop, behind the append.
      closed = CompletableFuture.runAsync(writer::close);
      Await.condition(writer::closing, Duration.ofSeconds(30), () -> "close() not called yet");
    }

    Await.result(closed);
    Await.result(checkpoint);
    assertThat(count("select revision from checkpoints where workshop_id = ?", workshop))
        .isEqualTo(2);
    assertThat(revisions(workshop)).containsExactly(3L);
  }

  @Test
  @DisplayName(
      "a revision already journaled, in a batch of appends inserted together, fails alone with"
          + " IllegalStateException: the batch is run again write by write and the others commit")
  void duplicateRevisionInABatchFailsAlone() throws Exception {
    String workshop = id("dup");
    String neighbour = id("next");
    Await.result(submit(create(workshop)));
    Await.result(submit(create(neighbour)));
    Await.result(submit(append(workshop, 1)));

    List<CompletableFuture<Void>> stages =
        inOneBatch(
            append(workshop, 2), append(workshop, 1), append(neighbour, 1), append(workshop, 3));

    assertThat(Await.failure(stages.get(1))).isInstanceOf(IllegalStateException.class);
    Await.result(stages.get(0));
    Await.result(stages.get(2));
    Await.result(stages.get(3));
    assertThat(revisions(workshop)).containsExactly(1L, 2L, 3L);
    assertThat(revisions(neighbour)).containsExactly(1L);
  }

  @Test
  @DisplayName(
      "the writer's statements are compiled once and reused by later batches; when its"
          + " connection is lost, it reconnects with new statements and the write commits")
  void statementsAreReusedAndRebuiltOnReconnect() throws Exception {
    String workshop = id("cache");
    Await.result(submit(create(workshop)));
    Await.result(submit(append(workshop, 1)));
    long compiled = writer.statementsCompiled();
    assertThat(compiled).isPositive();

    for (long revision = 2; revision <= 20; revision++) {
      Await.result(submit(append(workshop, revision)));
    }
    assertThat(writer.statementsCompiled()).isEqualTo(compiled);

    writerConnection.close(); // Under the writer, idle between batches: its statements die too.
    Await.result(submit(append(workshop, 21)));

    assertThat(writer.statementsCompiled()).isGreaterThan(compiled);
    assertThat(revisions(workshop)).hasSize(21).endsWith(21L);
  }
}
