package io.atelier.adapter.jdbc;

import io.atelier.domain.ImageRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One queued write, already encoded by the caller's thread, with the stage that completes once the
 * transaction holding it is committed. {@link #apply} runs on the writer thread inside the batch's
 * transaction; it checks what it needs first, so a write that cannot apply (a taken id, an unknown
 * workshop) is refused alone and leaves nothing in the transaction.
 */
sealed interface JournalWrite {
  CompletableFuture<Void> done();

  /** The workshop whose rows the write touches: writers lock them in this order. */
  String workshopId();

  /**
   * Writes inside the current transaction.
   *
   * @return null when written, or the refusal its stage fails with (nothing was written then): most
   *     often an {@link IllegalStateException}, the caller's conflict
   */
  RuntimeException apply(Connection connection) throws SQLException;

  /** A workshop's facts; refused when the id is taken. */
  record Create(String workshopId, String facts, long createdAt, CompletableFuture<Void> done)
      implements JournalWrite {
    @Override
    public RuntimeException apply(Connection connection) throws SQLException {
      if (exists(connection, workshopId)) {
        return refusal("Workshop " + workshopId + " exists in the journal");
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into workshops (id, facts, created_at, last_active) values (?, ?, ?, ?)")) {
        insert.setString(1, workshopId);
        insert.setString(2, facts);
        insert.setLong(3, createdAt);
        insert.setLong(4, System.currentTimeMillis());
        insert.executeUpdate();
      }
      return null;
    }
  }

  /** One encoded event and its revision. */
  record Row(long revision, String payload) {}

  /** Events of one workshop; refused when the workshop is not in the journal. */
  record Append(String workshopId, List<Row> rows, CompletableFuture<Void> done)
      implements JournalWrite {
    @Override
    public RuntimeException apply(Connection connection) throws SQLException {
      if (!exists(connection, workshopId)) {
        return unknown(workshopId);
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into events (workshop_id, revision, payload) values (?, ?, ?)")) {
        for (Row row : rows) {
          insert.setString(1, workshopId);
          insert.setLong(2, row.revision());
          insert.setString(3, row.payload());
          insert.addBatch();
        }
        if (!rows.isEmpty()) {
          insert.executeBatch();
        }
      }
      try (PreparedStatement touch =
          connection.prepareStatement("update workshops set last_active = ? where id = ?")) {
        touch.setLong(1, System.currentTimeMillis());
        touch.setString(2, workshopId);
        touch.executeUpdate();
      }
      return null;
    }
  }

  /**
   * Replaces the checkpoint unless a newer one is stored (an older one must not hide the events it
   * does not hold), and drops the events it covers.
   */
  record SaveCheckpoint(
      String workshopId, long revision, String payload, CompletableFuture<Void> done)
      implements JournalWrite {
    @Override
    public RuntimeException apply(Connection connection) throws SQLException {
      if (!exists(connection, workshopId)) {
        return unknown(workshopId);
      }
      try (PreparedStatement upsert =
              connection.prepareStatement(
                  "insert into checkpoints (workshop_id, revision, payload) values (?, ?, ?)"
                      + " on conflict (workshop_id) do update"
                      + " set revision = excluded.revision, payload = excluded.payload"
                      + " where checkpoints.revision <= excluded.revision");
          PreparedStatement drop =
              connection.prepareStatement(
                  "delete from events where workshop_id = ? and revision <= ?")) {
        upsert.setString(1, workshopId);
        upsert.setLong(2, revision);
        upsert.setString(3, payload);
        upsert.executeUpdate();
        drop.setString(1, workshopId);
        drop.setLong(2, revision);
        drop.executeUpdate();
      }
      return null;
    }
  }

  /** Every row of a workshop, its images included; nothing to do for an unknown one. */
  record Delete(String workshopId, CompletableFuture<Void> done) implements JournalWrite {
    @Override
    public RuntimeException apply(Connection connection) throws SQLException {
      for (String sql :
          List.of(
              "delete from images where workshop_id = ?",
              "delete from events where workshop_id = ?",
              "delete from checkpoints where workshop_id = ?",
              "delete from workshops where id = ?")) {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
          delete.setString(1, workshopId);
          delete.executeUpdate();
        }
      }
      return null;
    }
  }

  /**
   * An image of a workshop, unless stored already (content-addressed: the same id is the same
   * bytes); refused when the workshop is not in the journal or holds {@link
   * ImageRules#MAX_PER_WORKSHOP} images. On PostgreSQL, the workshop's row is locked first, so
   * nodes that upload to one workshop at once take turns and the count holds.
   */
  record PutImage(
      Database.Dialect dialect,
      String workshopId,
      String imageId,
      String contentType,
      byte[] bytes,
      CompletableFuture<Void> done)
      implements JournalWrite {
    @Override
    public RuntimeException apply(Connection connection) throws SQLException {
      String lock = dialect == Database.Dialect.POSTGRESQL ? " for update" : "";
      try (PreparedStatement select =
          connection.prepareStatement("select 1 from workshops where id = ?" + lock)) {
        select.setString(1, workshopId);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return unknown(workshopId);
          }
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "select count(*), count(case when image_id = ? then 1 end)"
                  + " from images where workshop_id = ?")) {
        select.setString(1, imageId);
        select.setString(2, workshopId);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          if (rows.getLong(2) > 0) {
            return null; // Stored already.
          }
          if (rows.getLong(1) >= ImageRules.MAX_PER_WORKSHOP) {
            return ImageRules.tooMany();
          }
        }
      }
      try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into images (workshop_id, image_id, content_type, bytes, created_at)"
                      + " values (?, ?, ?, ?, ?)");
          PreparedStatement touch =
              connection.prepareStatement("update workshops set last_active = ? where id = ?")) {
        long now = System.currentTimeMillis();
        insert.setString(1, workshopId);
        insert.setString(2, imageId);
        insert.setString(3, contentType);
        insert.setBytes(4, bytes);
        insert.setLong(5, now);
        insert.executeUpdate();
        touch.setLong(1, now);
        touch.setString(2, workshopId);
        touch.executeUpdate();
      }
      return null;
    }
  }

  /** Every image of a workshop. */
  record DeleteImages(String workshopId, CompletableFuture<Void> done) implements JournalWrite {
    @Override
    public RuntimeException apply(Connection connection) throws SQLException {
      try (PreparedStatement delete =
          connection.prepareStatement("delete from images where workshop_id = ?")) {
        delete.setString(1, workshopId);
        delete.executeUpdate();
      }
      return null;
    }
  }

  private static RuntimeException refusal(String reason) {
    return new IllegalStateException(reason);
  }

  private static RuntimeException unknown(String workshopId) {
    return refusal("Workshop " + workshopId + " is not in the journal");
  }

  private static boolean exists(Connection connection, String workshopId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select 1 from workshops where id = ?")) {
      select.setString(1, workshopId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
