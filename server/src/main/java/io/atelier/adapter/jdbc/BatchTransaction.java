package io.atelier.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transaction one batch of writes runs in, and what its writes share there so that a batch
 * costs little more than its rows: the writer's cached statements; which workshops exist, asked of
 * the database once per batch and kept up to date by the batch's own creates and deletes; the
 * events of consecutive appends, inserted together through one statement; and {@code last_active},
 * touched once per workshop per batch, and not at all when this writer touched it less than {@link
 * RecentTouches#PRECISION_MS} ago.
 *
 * <p>What is held back is written before anything that could see it or depend on it: the held
 * events before any write that is not an append (a checkpoint drops covered events, a delete drops
 * them all), and a workshop's touch as soon as the batch moves on to another workshop, so that on
 * PostgreSQL the row locks are still taken in the batch's lock order (workshop id) and two nodes'
 * writers cannot deadlock. When the writer runs a batch again one write at a time (each under a
 * savepoint), nothing is held past its write: a write's rows stand or fall with it.
 *
 * <p>One per run of a batch: after a rollback the writer starts a new one, so nothing learnt in a
 * transaction that did not commit is believed. Writer thread only.
 */
final class BatchTransaction {
  static final String EXISTS = "select 1 from workshops where id = ?";
  static final String INSERT_EVENT =
      "insert into events (workshop_id, revision, payload) values (?, ?, ?)";
  static final String TOUCH = "update workshops set last_active = ? where id = ?";

  private final WriterStatements statements;
  private final RecentTouches recent;
  private final boolean isolated;
  private final long now = System.currentTimeMillis();
  private final Map<String, Boolean> known = new HashMap<>();
  private int heldEvents;
  private String heldTouch;
  private final List<String> touched = new ArrayList<>();

  /**
   * @param isolated true when each write runs under a savepoint of its own, so that its rows must
   *     all be written before the savepoint is released
   */
  BatchTransaction(WriterStatements statements, RecentTouches recent, boolean isolated) {
    this.statements = statements;
    this.recent = recent;
    this.isolated = isolated;
  }

  /** The cached statement of this SQL on the writer's connection. */
  PreparedStatement statement(String sql) throws SQLException {
    return statements.get(sql);
  }

  /** The batch's time, for {@code last_active} and the like. */
  long now() {
    return now;
  }

  /** Whether the workshop exists in this transaction, as far as the batch has gone. */
  boolean exists(String workshopId) throws SQLException {
    Boolean exists = known.get(workshopId);
    if (exists == null) {
      PreparedStatement select = statements.get(EXISTS);
      select.setString(1, workshopId);
      try (ResultSet rows = select.executeQuery()) {
        exists = rows.next();
      }
      known.put(workshopId, exists);
    }
    return exists;
  }

  /** What a write of the batch made true: the workshop now exists, or no longer does. */
  void learned(String workshopId, boolean exists) {
    known.put(workshopId, exists);
  }

  /** Queues an event row; it is inserted with its neighbours', at the latest before the commit. */
  void insertEvent(String workshopId, long revision, String payload) throws SQLException {
    PreparedStatement insert = statements.get(INSERT_EVENT);
    insert.setString(1, workshopId);
    insert.setLong(2, revision);
    insert.setString(3, payload);
    insert.addBatch();
    heldEvents++;
  }

  /** The workshop changed in this batch: its {@code last_active} is touched once, later. */
  void touch(String workshopId) throws SQLException {
    if (heldTouch != null && !heldTouch.equals(workshopId)) {
      touchHeld();
    }
    heldTouch = workshopId;
  }

  /** Called before each write, in lock order: writes what the write must find written. */
  void before(JournalWrite write) throws SQLException {
    if (!(write instanceof JournalWrite.Append)) {
      flush();
    } else if (heldTouch != null && !heldTouch.equals(write.workshopId())) {
      touchHeld();
    }
  }

  /** Called after each write: in isolated runs its rows are written before its savepoint ends. */
  void after() throws SQLException {
    if (isolated) {
      flush();
    }
  }

  /**
   * Writes everything held; the writer calls it before the commit. The touch goes first: on
   * PostgreSQL it locks the workshop's row, which the events' foreign key then only shares, so a
   * writer never holds a shared lock on a row it will later need for itself.
   */
  void flush() throws SQLException {
    touchHeld();
    insertHeldEvents();
  }

  /**
   * Forgets what is held, after a failure: the rows queued on the cached insert must not be
   * inserted by the next transaction that uses it.
   */
  void discard() {
    heldTouch = null;
    if (heldEvents > 0) {
      heldEvents = 0;
      try {
        statements.get(INSERT_EVENT).clearBatch();
      } catch (SQLException | RuntimeException e) {
        // The statement is unusable, so is its connection: the writer replaces both.
      }
    }
  }

  /** The workshops this transaction touched, to remember once it is committed. */
  List<String> touched() {
    return touched;
  }

  private void touchHeld() throws SQLException {
    if (heldTouch == null) {
      return;
    }
    String workshopId = heldTouch;
    heldTouch = null;
    if (recent.isRecent(workshopId, now)) {
      return;
    }
    PreparedStatement touch = statements.get(TOUCH);
    touch.setLong(1, now);
    touch.setString(2, workshopId);
    touch.executeUpdate();
    if (!isolated) {
      // In an isolated run a write's savepoint may still be rolled back: not remembered then,
      // so the next batch touches again rather than trust a touch that may have been undone.
      touched.add(workshopId);
    }
  }

  private void insertHeldEvents() throws SQLException {
    if (heldEvents == 0) {
      return;
    }
    statements.get(INSERT_EVENT).executeBatch();
    heldEvents = 0; // Only now: after a failure, discard() must still clear what is queued.
  }
}
