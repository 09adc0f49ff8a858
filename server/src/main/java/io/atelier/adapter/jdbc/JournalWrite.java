package io.atelier.adapter.jdbc;

import io.atelier.domain.ImageRules;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One queued write, already encoded by the caller's thread, with the stage that completes once the
 * transaction holding it is committed. {@link #apply} runs on the writer thread inside the batch's
 * transaction, through what the batch shares ({@link BatchTransaction}: cached statements, the
 * workshops known to exist, events and touches written together); it checks what it needs first, so
 * a write that cannot apply (a taken id, an unknown workshop) is refused alone and leaves nothing
 * in the transaction.
 */
sealed interface JournalWrite {
  CompletableFuture<Void> done();

  /** The workshop whose rows the write touches: writers lock them in this order. */
  String workshopId();

  /**
   * Writes inside the batch's transaction; rows may be held back by the batch and written with
   * others' before the commit.
   *
   * @return null when written, or the refusal its stage fails with (nothing was written then): most
   *     often an {@link IllegalStateException}, the caller's conflict
   */
  RuntimeException apply(BatchTransaction batch) throws SQLException;

  /** A workshop's facts; refused when the id is taken. */
  record Create(String workshopId, String facts, long createdAt, CompletableFuture<Void> done)
      implements JournalWrite {
    @Override
    public RuntimeException apply(BatchTransaction batch) throws SQLException {
      if (batch.exists(workshopId)) {
        return refusal("Workshop " + workshopId + " exists in the journal");
      }
      PreparedStatement insert =
          batch.statement(
              "insert into workshops (id, facts, created_at, last_active) values (?, ?, ?, ?)");
      insert.setString(1, workshopId);
      insert.setString(2, facts);
      insert.setLong(3, createdAt);
      insert.setLong(4, batch.now());
      insert.executeUpdate();
      batch.learned(workshopId, true);
      return null;
    }
  }

  /** One encoded event and its revision. */
  record Row(long revision, String payload) {}

  /**
   * Events of one workshop; refused when the workshop is not in the journal. The rows are inserted
   * with the batch's other appends, and a duplicate revision fails that insert: the writer then
   * runs the batch again one write at a time, where this append fails alone.
   */
  record Append(String workshopId, List<Row> rows, CompletableFuture<Void> done)
      implements JournalWrite {
    @Override
    public RuntimeException apply(BatchTransaction batch) throws SQLException {
      if (!batch.exists(workshopId)) {
        return unknown(workshopId);
      }
      for (Row row : rows) {
        batch.insertEvent(workshopId, row.revision(), row.payload());
      }
      batch.touch(workshopId);
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
    public RuntimeException apply(BatchTransaction batch) throws SQLException {
      if (!batch.exists(workshopId)) {
        return unknown(workshopId);
      }
      PreparedStatement upsert =
          batch.statement(
              "insert into checkpoints (workshop_id, revision, payload) values (?, ?, ?)"
                  + " on conflict (workshop_id) do update"
                  + " set revision = excluded.revision, payload = excluded.payload"
                  + " where checkpoints.revision <= excluded.revision");
      upsert.setString(1, workshopId);
      upsert.setLong(2, revision);
      upsert.setString(3, payload);
      upsert.executeUpdate();
      PreparedStatement drop =
          batch.statement("delete from events where workshop_id = ? and revision <= ?");
      drop.setString(1, workshopId);
      drop.setLong(2, revision);
      drop.executeUpdate();
      return null;
    }
  }

  /** Every row of a workshop, its images included; nothing to do for an unknown one. */
  record Delete(String workshopId, CompletableFuture<Void> done) implements JournalWrite {
    private static final List<String> DELETES =
        List.of(
            "delete from images where workshop_id = ?",
            "delete from events where workshop_id = ?",
            "delete from checkpoints where workshop_id = ?",
            "delete from workshops where id = ?");

    @Override
    public RuntimeException apply(BatchTransaction batch) throws SQLException {
      for (String sql : DELETES) {
        PreparedStatement delete = batch.statement(sql);
        delete.setString(1, workshopId);
        delete.executeUpdate();
      }
      batch.learned(workshopId, false);
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
    public RuntimeException apply(BatchTransaction batch) throws SQLException {
      String lock = dialect == Database.Dialect.POSTGRESQL ? " for update" : "";
      PreparedStatement exists = batch.statement("select 1 from workshops where id = ?" + lock);
      exists.setString(1, workshopId);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          return unknown(workshopId);
        }
      }
      PreparedStatement count =
          batch.statement(
              "select count(*), count(case when image_id = ? then 1 end)"
                  + " from images where workshop_id = ?");
      count.setString(1, imageId);
      count.setString(2, workshopId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        if (rows.getLong(2) > 0) {
          return null; // Stored already.
        }
        if (rows.getLong(1) >= ImageRules.MAX_PER_WORKSHOP) {
          return ImageRules.tooMany();
        }
      }
      PreparedStatement insert =
          batch.statement(
              "insert into images (workshop_id, image_id, content_type, bytes, created_at)"
                  + " values (?, ?, ?, ?, ?)");
      insert.setString(1, workshopId);
      insert.setString(2, imageId);
      insert.setString(3, contentType);
      insert.setBytes(4, bytes);
      insert.setLong(5, batch.now());
      insert.executeUpdate();
      batch.touch(workshopId);
      return null;
    }
  }

  /** Every image of a workshop. */
  record DeleteImages(String workshopId, CompletableFuture<Void> done) implements JournalWrite {
    @Override
    public RuntimeException apply(BatchTransaction batch) throws SQLException {
      PreparedStatement delete = batch.statement("delete from images where workshop_id = ?");
      delete.setString(1, workshopId);
      delete.executeUpdate();
      return null;
    }
  }

  private static RuntimeException refusal(String reason) {
    return new IllegalStateException(reason);
  }

  private static RuntimeException unknown(String workshopId) {
    return refusal("Workshop " + workshopId + " is not in the journal");
  }
}
