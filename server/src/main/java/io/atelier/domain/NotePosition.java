package io.atelier.domain;

import java.io.Serializable;

/** Where one note of a moved cluster now is (CL5). */
public record NotePosition(String noteId, double x, double y) implements Serializable {
  public NotePosition {
    Checks.identifier(noteId, "noteId");
    Checks.coordinate(x, "x");
    Checks.coordinate(y, "y");
  }
}
