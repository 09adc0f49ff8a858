package io.atelier.adapter.jdbc;

import io.atelier.application.ImageStore;
import io.atelier.application.JournalException;
import io.atelier.application.JournaledWorkshop;
import io.atelier.application.WorkshopJournal;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal over JDBC: SQLite in one file for a single node (the default), PostgreSQL for
 * a cluster. Writes are encoded on the caller's thread and committed by one writer thread in
 * batches (see {@link GroupCommitWriter}); their stages complete on the journal's completion
 * thread, after the commit, so continuations should stay short. Loads run on the caller's thread
 * with a connection of their own.
 */
public final class JdbcWorkshopJournal implements WorkshopJournal {
  /** The SQLite file inside the data directory. */
  public static final String SQLITE_FILE = "atelier.db";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcWorkshopJournal.class);

  private final JournalCodec codec = new JournalCodec();
  private final Database database;
  private final JournalReader reader;
  private final GroupCommitWriter writer;

  private JdbcWorkshopJournal(Database database) {
    Connection connection = null;
    try {
      connection = database.openWriter();
      int version = JournalSchema.migrate(connection, database.dialect(), database.describe());
      LOG.info("Journal at {} open, schema version {}", database.describe(), version);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new JournalException("Could not open the journal at " + database.describe(), e);
    }
    this.database = database;
    this.reader = new JournalReader(database, codec);
    this.writer = new GroupCommitWriter(database, connection);
  }

  /** A journal in {@code dataDir/atelier.db}, in WAL mode; creates the directory if needed. */
  public static JdbcWorkshopJournal sqlite(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new JournalException("Could not create the data directory " + dataDir, e);
    }
    Path file = dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    return new JdbcWorkshopJournal(
        new Database(Database.Dialect.SQLITE, "jdbc:sqlite:" + file, null, null));
  }

  /** A journal in a PostgreSQL database, e.g. {@code jdbc:postgresql://db:5432/atelier}. */
  public static JdbcWorkshopJournal postgres(String jdbcUrl, String user, String password) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:");
    }
    return new JdbcWorkshopJournal(
        new Database(Database.Dialect.POSTGRESQL, jdbcUrl, user, password));
  }

  /**
   * The images of the workshops in this journal's database, written by this journal's writer (in
   * its batches) and read on {@code reading}, which must not be an event loop. Usable until the
   * journal is closed.
   */
  public ImageStore images(Executor reading) {
    return new JdbcImageStore(database, writer, reading);
  }

  @Override
  public CompletionStage<Void> create(WorkshopFacts facts) {
    return submit(
        done ->
            new JournalWrite.Create(
                facts.id().value(), codec.encodeFacts(facts), facts.createdAt(), done));
  }

  @Override
  public CompletionStage<Void> append(WorkshopId id, List<Event> events) {
    return submit(
        done -> {
          List<JournalWrite.Row> rows = new ArrayList<>(events.size());
          for (Event event : events) {
            rows.add(new JournalWrite.Row(event.revision(), codec.encodeEvent(event)));
          }
          return new JournalWrite.Append(id.value(), List.copyOf(rows), done);
        });
  }

  @Override
  public CompletionStage<Void> checkpoint(Checkpoint checkpoint) {
    return submit(
        done ->
            new JournalWrite.SaveCheckpoint(
                checkpoint.facts().id().value(),
                checkpoint.revision(),
                codec.encodeCheckpoint(checkpoint),
                done));
  }

  @Override
  public Optional<JournaledWorkshop> load(WorkshopId id) {
    return reader.load(id);
  }

  @Override
  public List<WorkshopId> idleSince(Instant cutoff) {
    return reader.idleSince(cutoff);
  }

  @Override
  public CompletionStage<Void> delete(WorkshopId id) {
    return submit(done -> new JournalWrite.Delete(id.value(), done));
  }

  /** Encodes on the caller's thread and queues; any failure is the stage's, never a throw. */
  private CompletionStage<Void> submit(Function<CompletableFuture<Void>, JournalWrite> write) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      writer.submit(write.apply(done));
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Commits every queued write and completes its stage, then stops the writer. */
  @Override
  public void close() {
    writer.close();
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Closing a journal connection failed", e);
      }
    }
  }
}
