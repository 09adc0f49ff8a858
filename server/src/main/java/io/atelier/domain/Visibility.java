package io.atelier.domain;

import java.io.Serializable;

/**
 * Who may read an event as it is (PW1, PW2): everyone, or only the owner of the note it is about.
 * Others get a placeholder that keeps their revisions whole ({@code hidden}: a note on a canvas in
 * private writing) or the event without its authors ({@code anonymous}: a canvas revealed without
 * names). The model decides it when it commits the event, from the canvas's state at that moment;
 * the fan-out and the catch-up apply it per reader, so a hidden text never leaves the server.
 */
public record Visibility(Kind kind, ParticipantId owner, String canvasId, String change)
    implements Serializable {
  public static final Visibility PUBLIC = new Visibility(Kind.PUBLIC, null, null, null);

  public enum Kind {
    PUBLIC,
    HIDDEN,
    ANONYMOUS
  }

  /** A note event others may not read: its revision, canvas and what happened, no content. */
  public static Visibility hidden(ParticipantId owner, String canvasId, String change) {
    return new Visibility(Kind.HIDDEN, owner, canvasId, change);
  }

  public static Visibility anonymous(ParticipantId owner) {
    return new Visibility(Kind.ANONYMOUS, owner, null, null);
  }

  /** Whether this reader gets the event as it is (the owner always does). */
  public boolean readableBy(ParticipantId reader) {
    return kind == Kind.PUBLIC || (owner != null && owner.equals(reader));
  }
}
