package io.atelier.domain;

import java.io.Serializable;

/**
 * A sticky note as the server holds it. Deletion is a property like the others (a tombstone, NT3),
 * so that a late update can be refused instead of resurrecting the note. A locked note is read-only
 * for everyone but the facilitator (LK2).
 */
public record Note(
    String id,
    String canvasId,
    double x,
    double y,
    double width,
    double height,
    String text,
    NoteColor color,
    long z,
    ParticipantId createdBy,
    long createdAt,
    boolean deleted,
    boolean locked)
    implements Serializable {

  public Note {
    Checks.identifier(id, "noteId");
    Checks.identifier(canvasId, "canvasId");
    Checks.coordinate(x, "x");
    Checks.coordinate(y, "y");
    Checks.size(width, "width");
    Checks.size(height, "height");
    Checks.text(text, Checks.MAX_NOTE_TEXT, "text");
    if (color == null) {
      throw new InvalidValueException("color is required");
    }
  }

  /** A note that is not locked (LK2), as every note was before locks existed. */
  public Note(
      String id,
      String canvasId,
      double x,
      double y,
      double width,
      double height,
      String text,
      NoteColor color,
      long z,
      ParticipantId createdBy,
      long createdAt,
      boolean deleted) {
    this(id, canvasId, x, y, width, height, text, color, z, createdBy, createdAt, deleted, false);
  }

  /** A note of the first canvas whose creation time is not known (NT7). */
  public Note(
      String id,
      double x,
      double y,
      double width,
      double height,
      String text,
      NoteColor color,
      long z,
      ParticipantId createdBy,
      boolean deleted) {
    this(id, Canvas.FIRST_ID, x, y, width, height, text, color, z, createdBy, 0, deleted);
  }

  /** Last-writer-wins per property (NT2): only what the patch names changes. */
  Note with(NotePatch patch) {
    return new Note(
        id,
        canvasId,
        patch.x() != null ? patch.x() : x,
        patch.y() != null ? patch.y() : y,
        patch.width() != null ? patch.width() : width,
        patch.height() != null ? patch.height() : height,
        patch.text() != null ? patch.text() : text,
        patch.color() != null ? patch.color() : color,
        patch.z() != null ? patch.z() : z,
        createdBy,
        createdAt,
        deleted,
        patch.locked() != null ? patch.locked() : locked);
  }

  /** The note at another place, all else kept (CL5: a cluster moves its notes). */
  Note movedTo(double newX, double newY) {
    return new Note(
        id, canvasId, newX, newY, width, height, text, color, z, createdBy, createdAt, deleted,
        locked);
  }

  /** PW2: the note as a reader who may not know its author sees it. */
  public Note withoutAuthor() {
    return new Note(
        id, canvasId, x, y, width, height, text, color, z, null, createdAt, deleted, locked);
  }

  Note asTombstone() {
    return new Note(
        id, canvasId, x, y, width, height, text, color, z, createdBy, createdAt, true, locked);
  }
}
