package io.atelier.protocol;

import io.atelier.domain.Note;

/** A live note as the client sees it (tombstones never travel, NT3); {@code locked} is LK2. */
public record WireNote(
    String id,
    String canvasId,
    double x,
    double y,
    double width,
    double height,
    String text,
    String color,
    long z,
    String createdBy,
    long createdAt,
    boolean locked) {

  /** A note that is not locked. */
  public WireNote(
      String id,
      String canvasId,
      double x,
      double y,
      double width,
      double height,
      String text,
      String color,
      long z,
      String createdBy,
      long createdAt) {
    this(id, canvasId, x, y, width, height, text, color, z, createdBy, createdAt, false);
  }

  public static WireNote of(Note note) {
    return new WireNote(
        note.id(),
        note.canvasId(),
        note.x(),
        note.y(),
        note.width(),
        note.height(),
        note.text(),
        note.color().code(),
        note.z(),
        note.createdBy() == null ? null : note.createdBy().value(), // PW2: anonymous
        note.createdAt(),
        note.locked());
  }
}
