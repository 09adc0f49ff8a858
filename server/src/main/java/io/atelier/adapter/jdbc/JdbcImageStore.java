package io.atelier.adapter.jdbc;

import io.atelier.application.ImageStore;
import io.atelier.application.JournalException;
import io.atelier.application.StoredImage;
import io.atelier.domain.ImageFormat;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Images in the journal's database, table {@code images}: every node of a cluster that shares the
 * database reads what any node stored. Writes go through the journal's writer (group commit, one
 * transaction with the other writes queued beside them), so a stored image is as durable as an
 * acknowledged change; reads run on the given executor, never on the caller's thread, each on a
 * short-lived connection of its own, like the journal's loads.
 */
final class JdbcImageStore implements ImageStore {
  private final Database database;
  private final GroupCommitWriter writer;
  private final Executor reading;

  JdbcImageStore(Database database, GroupCommitWriter writer, Executor reading) {
    this.database = database;
    this.writer = writer;
    this.reading = reading;
  }

  @Override
  public CompletionStage<StoredImage> put(WorkshopId workshop, String contentType, byte[] bytes) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    StoredImage image;
    try {
      ImageFormat format = ImageRules.check(contentType, bytes);
      image = StoredImage.of(format, bytes.clone());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    writer.submit(
        new JournalWrite.PutImage(
            database.dialect(),
            workshop.value(),
            image.id(),
            image.contentType(),
            image.bytes(),
            done));
    return done.thenApply(stored -> image);
  }

  @Override
  public CompletionStage<Optional<StoredImage>> get(WorkshopId workshop, String imageId) {
    return read(
            workshop,
            "select image_id, content_type, bytes from images"
                + " where workshop_id = ? and image_id = ?",
            imageId)
        .thenApply(found -> found.stream().findFirst());
  }

  @Override
  public CompletionStage<List<StoredImage>> all(WorkshopId workshop) {
    return read(
        workshop,
        "select image_id, content_type, bytes from images where workshop_id = ?"
            + " order by created_at, image_id",
        null);
  }

  @Override
  public CompletionStage<Void> deleteAll(WorkshopId workshop) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    writer.submit(new JournalWrite.DeleteImages(workshop.value(), done));
    return done;
  }

  private CompletionStage<List<StoredImage>> read(WorkshopId workshop, String sql, String imageId) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection connection = database.openReader();
              PreparedStatement select = connection.prepareStatement(sql)) {
            try {
              select.setString(1, workshop.value());
              if (imageId != null) {
                select.setString(2, imageId);
              }
              List<StoredImage> images = new ArrayList<>();
              try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  images.add(
                      new StoredImage(rows.getString(1), rows.getString(2), rows.getBytes(3)));
                }
              }
              return images;
            } finally {
              connection.rollback(); // Ends the read transaction; nothing was written.
            }
          } catch (SQLException e) {
            throw new JournalException(
                "Could not read the images of workshop "
                    + workshop
                    + " from the journal at "
                    + database.describe(),
                e);
          }
        },
        reading);
  }
}
