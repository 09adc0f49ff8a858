package io.atelier.domain;

import java.io.Serializable;

/**
 * Where a participant points, on which canvas (CU3), and which note they are editing (CU1, CU2).
 * Volatile: relayed, never stored.
 */
public record CursorPosition(
    ParticipantId participantId, String canvasId, double x, double y, String editingNoteId)
    implements Serializable {
  public CursorPosition {
    Checks.identifier(canvasId, "canvasId");
    Checks.coordinate(x, "x");
    Checks.coordinate(y, "y");
    if (editingNoteId != null) {
      Checks.identifier(editingNoteId, "editingNoteId");
    }
  }
}
