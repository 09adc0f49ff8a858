package io.atelier.domain;

import java.io.Serializable;

/**
 * A sticky note as the server holds it. Deletion is a property like the others (a tombstone, NT3),
 * so that a late update can be refused instead of resurrecting the note.
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
    boolean deleted)
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
        deleted);
  }

  /** PW2: the note as a reader who may not know its author sees it. */
  public Note withoutAuthor() {
    return new Note(id, canvasId, x, y, width, height, text, color, z, null, createdAt, deleted);
  }

  Note asTombstone() {
    return new Note(id, canvasId, x, y, width, height, text, color, z, createdBy, createdAt, true);
  }
}
