package io.atelier.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's tables and their recorded version. {@code atelier_schema} holds one row per applied
 * migration; at start-up every migration above the recorded version runs, in order, each in its own
 * transaction with its row. A database newer than this code is refused rather than written to.
 */
final class JournalSchema {
  private static final Logger LOG = LoggerFactory.getLogger(JournalSchema.class);

  /** Stands for the dialect's type of raw bytes in a migration ({@code blob} or {@code bytea}). */
  static final String BINARY = "${binary}";

  /** Migrations by version: index 0 is version 1. Never edit one that has shipped; add one. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "create table workshops ("
                  + " id varchar(64) primary key,"
                  + " facts text not null,"
                  + " created_at bigint not null)",
              "create table events ("
                  + " workshop_id varchar(64) not null references workshops(id),"
                  + " revision bigint not null,"
                  + " payload text not null,"
                  + " primary key (workshop_id, revision))",
              "create table checkpoints ("
                  + " workshop_id varchar(64) primary key references workshops(id),"
                  + " revision bigint not null,"
                  + " payload text not null)"),
          // Version 2: when each workshop last changed, for the optional expiry.
          List.of(
              "alter table workshops add column last_active bigint",
              "update workshops set last_active = created_at",
              "create index workshops_last_active on workshops (last_active)"),
          // Version 3: the images of the agenda's content steps (ADR 0009).
          List.of(
              "create table images ("
                  + " workshop_id varchar(64) not null references workshops(id),"
                  + " image_id varchar(64) not null,"
                  + " content_type varchar(32) not null,"
                  + " bytes "
                  + BINARY
                  + " not null,"
                  + " created_at bigint not null,"
                  + " primary key (workshop_id, image_id))"));

  static final int CURRENT_VERSION = MIGRATIONS.size();

  private JournalSchema() {}

  /**
   * Brings the schema to {@link #CURRENT_VERSION}; the connection must not be in autocommit. On
   * PostgreSQL, nodes starting together take turns: the version table is created under a
   * transaction-scoped advisory lock (two {@code create table if not exists} at once can both try
   * to create it, and one fails), and each migration runs under a lock on the version table and
   * re-reads the version first.
   */
  static int migrate(Connection connection, Database.Dialect dialect, String where)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (dialect == Database.Dialect.POSTGRESQL) {
        statement.execute("select pg_advisory_xact_lock(hashtext('atelier_schema'))");
      }
      statement.execute(
          "create table if not exists atelier_schema ("
              + " version integer primary key,"
              + " applied_at bigint not null)");
      connection.commit();
      while (true) {
        if (dialect == Database.Dialect.POSTGRESQL) {
          statement.execute("lock table atelier_schema in exclusive mode");
        }
        int version = readVersion(connection);
        if (version > CURRENT_VERSION) {
          throw new SQLException(
              "the journal at "
                  + where
                  + " has schema version "
                  + version
                  + ", newer than this server's "
                  + CURRENT_VERSION);
        }
        if (version == CURRENT_VERSION) {
          connection.commit();
          return version;
        }
        int next = version + 1;
        for (String sql : MIGRATIONS.get(next - 1)) {
          statement.execute(sql.replace(BINARY, dialect.binaryType()));
        }
        try (PreparedStatement record =
            connection.prepareStatement(
                "insert into atelier_schema (version, applied_at) values (?, ?)")) {
          record.setInt(1, next);
          record.setLong(2, System.currentTimeMillis());
          record.executeUpdate();
        }
        connection.commit();
        LOG.info("Journal schema at {} migrated to version {}", where, next);
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  /** The highest applied version, 0 for an empty database. */
  static int readVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select max(version) from atelier_schema")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}
