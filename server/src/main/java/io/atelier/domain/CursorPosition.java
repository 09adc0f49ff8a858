package io.atelier.domain;

import java.io.Serializable;

/**
 * Where a participant points on the canvas, and which note they are editing (CU1, CU2). Volatile:
 * relayed, never stored.
 */
public record CursorPosition(ParticipantId participantId, double x, double y, String editingNoteId)
    implements Serializable {
  public CursorPosition {
    Checks.coordinate(x, "x");
    Checks.coordinate(y, "y");
    if (editingNoteId != null) {
      Checks.identifier(editingNoteId, "editingNoteId");
    }
  }
}
