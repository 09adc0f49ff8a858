package io.atelier.adapter.jdbc;

import io.atelier.application.JournalException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit: one thread takes every queued write (up to {@link #BATCH_LIMIT}), runs them in
 * one transaction, commits, then hands the batch's stages to a second thread that completes them.
 * Callers' continuations therefore never run on the writer thread nor under a lock, and a slow one
 * cannot delay the next commit. A write refused by its own checks fails alone; if a statement fails
 * unexpectedly, the batch is run again with a savepoint per write, so only the writes that fail
 * again are failed. The writer's statements are compiled once per connection ({@link
 * WriterStatements}) and the writes of a batch share their checks and rows ({@link
 * BatchTransaction}).
 *
 * <p>Checkpoints wait: a checkpoint is a whole workshop (its notes and the ids of its last 10,000
 * changes, up to a megabyte), and the changes of every workshop wait for the commit their event is
 * in. A checkpoint is therefore committed alone, when no other write waits, so that it delays them
 * by one commit at most instead of joining their batch; under a load that never lets the queue
 * empty, one waits at most {@link #CHECKPOINT_PATIENCE} batches, so that checkpoints are never
 * starved (they bound replay, and each waiting one is held in memory). At 2,000 changes a second in
 * 50 rooms, the rooms' checkpoints came due together every 12.5 s, and the batch that held them
 * took 150 to 260 ms to commit: the whole 50-room tail (docs/performance.md). Workshops now
 * checkpoint at phases of their own (ADR 0023), so rooms moving in step no longer come due
 * together.
 *
 * <p>Once writes come together, the writer paces its commits ({@link CommitPacing}): at most one
 * starts per millisecond, so that a busy node pays fewer commits for the same writes.
 */
final class GroupCommitWriter {
  static final int BATCH_LIMIT = 512;

  /** How many batches of other writes a waiting checkpoint lets go first, at most. */
  static final int CHECKPOINT_PATIENCE = 8;

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final long CLOSE_TIMEOUT_SECONDS = 60;

  /** Queued by {@link #close()}, after which nothing else is queued. */
  private static final JournalWrite STOP =
      new JournalWrite.Delete("stop", new CompletableFuture<>());

  /** Queued with each checkpoint, so that a writer waiting for writes takes it up. */
  private static final JournalWrite WAKE =
      new JournalWrite.Delete("wake", new CompletableFuture<>());

  private final Database database;
  private final BlockingQueue<JournalWrite> queue = new LinkedBlockingQueue<>();
  private final Queue<JournalWrite> checkpoints = new ConcurrentLinkedQueue<>();
  private final Object lifecycle = new Object();
  private boolean closed; // guarded by lifecycle
  private final Thread thread;
  private volatile Thread completer;
  private final ExecutorService completions =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread worker = new Thread(task, "atelier-journal-completions");
            worker.setDaemon(true);
            completer = worker;
            return worker;
          });

  /** Held by tests (see {@link #holdBatches()}) so that the writes they submit share a batch. */
  private final ReentrantLock batching = new ReentrantLock();

  private volatile long statementsCompiled; // written by the writer thread only

  // Writer thread only.
  private Connection connection;
  private WriterStatements statements;
  private final RecentTouches recentTouches = new RecentTouches();
  private BatchTransaction running; // the last transaction begun, whose touches finish() keeps
  private int batchesPastCheckpoint; // batches committed while a checkpoint waited
  private final CommitPacing pacing = new CommitPacing();
  private boolean suspect;
  private volatile long transactions; // written by the writer thread only
  private long committedWrites;

  GroupCommitWriter(Database database, Connection connection) {
    this.database = database;
    this.connection = connection;
    this.statements = statementsOf(connection);
    this.thread = new Thread(this::run, "atelier-journal-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a write; one queued after {@link #close()} fails at once. */
  void submit(JournalWrite write) {
    boolean accepted;
    synchronized (lifecycle) {
      accepted = !closed;
      if (accepted && write instanceof JournalWrite.SaveCheckpoint) {
        checkpoints.add(write);
        queue.add(WAKE);
      } else if (accepted) {
        queue.add(write);
      }
    }
    if (!accepted) {
      write.done().completeExceptionally(new IllegalStateException("The journal is closed"));
    }
  }

  /**
   * For tests: until the answer is closed, the writer waits before gathering its next batch, so
   * that the writes submitted meanwhile are committed together, in one batch (with at most one
   * write queued before the call, when the writer was not idle). Never used by the journal itself.
   */
  AutoCloseable holdBatches() {
    batching.lock();
    return batching::unlock;
  }

  /** For tests: whether {@link #close()} was called (its stop queued). */
  boolean closing() {
    synchronized (lifecycle) {
      return closed;
    }
  }

  /** How many transactions the writer has committed. */
  long transactions() {
    return transactions;
  }

  /** How many statements the writer has compiled since it started, over all its connections. */
  long statementsCompiled() {
    return statementsCompiled;
  }

  /** Commits what is queued, completes its stages, then closes the connection. */
  void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
      completions.shutdown();
      // A continuation that closes the journal runs on the completer: it cannot wait for itself.
      boolean fromCompleter = Thread.currentThread() == completer;
      if (thread.isAlive()
          || (!fromCompleter
              && !completions.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
        LOG.error("The journal at {} did not drain in time", database.describe());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<JournalWrite> batch = new ArrayList<>(BATCH_LIMIT);
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      JournalWrite first;
      try {
        first =
            checkpoints.isEmpty()
                ? queue.take()
                : batchesPastCheckpoint >= CHECKPOINT_PATIENCE ? null : queue.poll();
      } catch (InterruptedException e) {
        continue; // Only close() stops the writer, so that no queued write is left behind.
      }
      if (first == null) {
        batch.add(checkpoints.poll()); // nothing else waits, or it waited long enough: alone
        batchesPastCheckpoint = 0;
      } else {
        batch.add(first);
        awaitPacing();
        batching.lock();
        try {
          queue.drainTo(batch, BATCH_LIMIT - 1);
        } finally {
          batching.unlock();
        }
        batch.removeIf(write -> write == WAKE);
        if (!batch.isEmpty() && !checkpoints.isEmpty()) {
          batchesPastCheckpoint++;
        }
        if (!batch.isEmpty() && batch.get(batch.size() - 1) == STOP) {
          batch.remove(batch.size() - 1);
          stopping = true;
          drainCheckpointsInto(batch); // nothing queued is left behind
        }
      }
      if (!batch.isEmpty()) {
        pacing.started(System.nanoTime(), batch.size());
        List<Throwable> failures = commit(batch);
        List<JournalWrite> done = List.copyOf(batch);
        try {
          completions.execute(() -> complete(done, failures));
        } catch (RejectedExecutionException e) {
          complete(done, failures); // close() gave up waiting; complete them here, late.
        }
      }
    }
    closeConnection();
    LOG.info(
        "Journal at {} closed: {} writes in {} transactions",
        database.describe(),
        committedWrites,
        transactions);
  }

  /** Waits, at most {@link CommitPacing#SPACING_NANOS}, for the writes that come together. */
  private void awaitPacing() {
    for (long delay = pacing.delayNanos(System.nanoTime());
        delay > 0;
        delay = pacing.delayNanos(System.nanoTime())) {
      LockSupport.parkNanos(delay);
    }
  }

  private void drainCheckpointsInto(List<JournalWrite> batch) {
    for (JournalWrite checkpoint = checkpoints.poll();
        checkpoint != null;
        checkpoint = checkpoints.poll()) {
      batch.add(checkpoint);
    }
  }

  /** Runs one transaction; the answer holds, per write, null or why it failed. */
  private List<Throwable> commit(List<JournalWrite> batch) {
    try {
      ensureConnection();
      List<Throwable> failures = runAll(batch, false);
      finish(failures);
      return failures;
    } catch (SQLException first) {
      rollback();
      if (!connectionAlive()) {
        // The database went away and came back (a restart): one new connection, one more try.
        return retryOnNewConnection(batch, first);
      }
      if (batch.size() == 1 || suspect) {
        return failAll(batch, first);
      }
      LOG.warn(
          "A journal batch failed ({}); writing it again one write at a time", first.toString());
      try {
        List<Throwable> failures = runAll(batch, true);
        finish(failures);
        return failures;
      } catch (SQLException second) {
        rollback();
        return failAll(batch, second);
      }
    }
  }

  private List<Throwable> retryOnNewConnection(List<JournalWrite> batch, SQLException first) {
    suspect = true;
    try {
      ensureConnection();
      List<Throwable> failures = runAll(batch, false);
      finish(failures);
      return failures;
    } catch (SQLException second) {
      second.addSuppressed(first);
      rollback();
      return failAll(batch, second);
    }
  }

  private boolean connectionAlive() {
    try {
      return connection != null && connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private List<Throwable> runAll(List<JournalWrite> batch, boolean isolated) throws SQLException {
    List<Throwable> failures = new ArrayList<>(Collections.nCopies(batch.size(), null));
    BatchTransaction transaction = new BatchTransaction(statements, recentTouches, isolated);
    running = transaction;
    try {
      for (int i : inLockOrder(batch)) {
        JournalWrite write = batch.get(i);
        if (!isolated) {
          transaction.before(write);
          failures.set(i, write.apply(transaction));
          continue;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
          transaction.before(write);
          failures.set(i, write.apply(transaction));
          transaction.after();
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          transaction.discard();
          connection.rollback(savepoint);
          failures.set(i, failure(e));
        }
      }
      transaction.flush();
    } catch (SQLException | RuntimeException e) {
      transaction.discard();
      throw e;
    }
    return failures;
  }

  /**
   * The batch's positions by workshop id, each workshop's writes in their queued order. A write may
   * lock its workshop's row until the commit (the touch of {@code last_active}, an image's count, a
   * delete; see {@link BatchTransaction} for when the touch is written); the writers of a cluster's
   * nodes share one PostgreSQL, so they must take those locks in one order, or two batches holding
   * the same workshops deadlock (PostgresTwoWritersTest).
   */
  private static List<Integer> inLockOrder(List<JournalWrite> batch) {
    List<Integer> order = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> batch.get(i).workshopId())); // stable: a List sort
    return order;
  }

  private void finish(List<Throwable> failures) throws SQLException {
    connection.commit();
    recentTouches.committed(running.touched(), running.now());
    transactions++;
    committedWrites += failures.stream().filter(f -> f == null).count();
  }

  private static void complete(List<JournalWrite> batch, List<Throwable> failures) {
    for (int i = 0; i < batch.size(); i++) {
      Throwable failure = failures.get(i);
      if (failure == null) {
        batch.get(i).done().complete(null);
      } else {
        batch.get(i).done().completeExceptionally(failure);
      }
    }
  }

  private List<Throwable> failAll(List<JournalWrite> batch, SQLException cause) {
    suspect = true;
    RuntimeException failure = failure(cause);
    List<Throwable> failures = new ArrayList<>(batch.size());
    batch.forEach(write -> failures.add(failure));
    return failures;
  }

  /**
   * A write that breaks a constraint (a revision already journaled) is the caller's conflict, like
   * a taken id; anything else is the journal's failure.
   */
  private RuntimeException failure(SQLException cause) {
    String message =
        "Could not write to the journal at " + database.describe() + ": " + cause.getMessage();
    if (isConstraintViolation(cause)) {
      IllegalStateException conflict = new IllegalStateException(message);
      conflict.initCause(cause);
      return conflict;
    }
    return new JournalException(message, cause);
  }

  /** SQLState class 23 (PostgreSQL), or SQLITE_CONSTRAINT as the primary result code (SQLite). */
  private boolean isConstraintViolation(SQLException failure) {
    for (SQLException e = failure; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
      if (database.dialect() == Database.Dialect.SQLITE && (e.getErrorCode() & 0xff) == 19) {
        return true;
      }
    }
    return false;
  }

  /** After a failure the connection may be gone (a PostgreSQL restart): check it, then reopen. */
  private void ensureConnection() throws SQLException {
    if (connection != null && !suspect) {
      return;
    }
    if (connection != null && connection.isValid(5)) {
      suspect = false;
      return;
    }
    closeConnection();
    connection = database.openWriter();
    statements = statementsOf(connection);
    suspect = false;
    LOG.info("Journal writer reconnected to {}", database.describe());
  }

  private void rollback() {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      suspect = true;
    }
  }

  /** A new, empty cache: statements are compiled on the connection they are used on. */
  private WriterStatements statementsOf(Connection connection) {
    return new WriterStatements(connection, () -> statementsCompiled++);
  }

  private void closeConnection() {
    if (statements != null) {
      statements.close();
      statements = null;
    }
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Closing the journal's writer connection failed", e);
    }
    connection = null;
  }
}
