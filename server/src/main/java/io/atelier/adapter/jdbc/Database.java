package io.atelier.adapter.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Where the journal lives and how to open a connection to it: one place for what differs between
 * SQLite and PostgreSQL. The SQL itself is common to both (upserts with {@code on conflict}, types
 * both understand), except the type of raw bytes and row locks.
 */
record Database(Dialect dialect, String url, String user, String password) {
  /** How long a SQLite connection waits for a lock held by another connection. */
  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  enum Dialect {
    SQLITE("blob"),
    POSTGRESQL("bytea");

    private final String binaryType;

    Dialect(String binaryType) {
      this.binaryType = binaryType;
    }

    /** The column type of raw bytes, which the two spell differently. */
    String binaryType() {
      return binaryType;
    }
  }

  /** The writer's connection: transactions are explicit, and commits reach the disk. */
  Connection openWriter() throws SQLException {
    Connection connection = open();
    connection.setAutoCommit(false);
    return connection;
  }

  /**
   * A reader's connection: each load is one read-only transaction that sees one snapshot, so a
   * checkpoint committed between reading the checkpoint and reading the events cannot hide events
   * (WAL readers in SQLite see a snapshot per transaction; PostgreSQL needs repeatable read).
   */
  Connection openReader() throws SQLException {
    Connection connection = open();
    if (dialect == Dialect.POSTGRESQL) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
    return connection;
  }

  private Connection open() throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      Properties properties = new Properties();
      if (user != null) {
        properties.setProperty("user", user);
      }
      if (password != null) {
        properties.setProperty("password", password);
      }
      properties.setProperty("ApplicationName", "atelier-journal");
      return DriverManager.getConnection(url, properties);
    }
    Connection connection = DriverManager.getConnection(url);
    try (Statement statement = connection.createStatement()) {
      // WAL: readers never block the writer; FULL: a commit is on disk when it returns. Both are
      // read back: a file system that cannot do WAL must stop the start, not weaken durability.
      expect(statement, "pragma journal_mode = WAL", "wal");
      statement.execute("pragma synchronous = FULL");
      expect(statement, "pragma synchronous", "2");
      statement.execute("pragma busy_timeout = " + SQLITE_BUSY_TIMEOUT_MS);
      statement.execute("pragma foreign_keys = ON");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private void expect(Statement statement, String pragma, String expected) throws SQLException {
    try (ResultSet result = statement.executeQuery(pragma)) {
      String actual = result.next() ? result.getString(1) : null;
      if (!expected.equalsIgnoreCase(actual)) {
        throw new SQLException(
            pragma + " gave " + actual + " instead of " + expected + " at " + url);
      }
    }
  }

  /** Where, for logs and messages; never the password. */
  String describe() {
    return dialect == Dialect.SQLITE ? url : url + " as " + user;
  }
}
