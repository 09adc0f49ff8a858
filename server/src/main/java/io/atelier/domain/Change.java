package io.atelier.domain;

import java.io.Serializable;

/**
 * A modification of shared state asked for by a participant. Each carries the client-chosen {@code
 * changeId} that makes a resend after a reconnect safe (CH1, CH2).
 */
public sealed interface Change extends Serializable {
  String changeId();

  String noteId();

  /** NT1. */
  record CreateNote(
      String changeId,
      String noteId,
      double x,
      double y,
      double width,
      double height,
      String text,
      NoteColor color)
      implements Change {
    public CreateNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
      Checks.coordinate(x, "x");
      Checks.coordinate(y, "y");
      Checks.size(width, "width");
      Checks.size(height, "height");
      Checks.text(text, Checks.MAX_NOTE_TEXT, "text");
      if (color == null) {
        throw new InvalidValueException("color is required");
      }
    }
  }

  /** NT2. */
  record UpdateNote(String changeId, String noteId, NotePatch set) implements Change {
    public UpdateNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
      if (set == null) {
        throw new InvalidValueException("set is required");
      }
      if (set.z() != null) {
        throw new InvalidValueException("set may not hold z: use bring_note_to_front");
      }
    }
  }

  /** NT3. */
  record DeleteNote(String changeId, String noteId) implements Change {
    public DeleteNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
    }
  }

  /** NT4. */
  record BringNoteToFront(String changeId, String noteId) implements Change {
    public BringNoteToFront {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
    }
  }
}
