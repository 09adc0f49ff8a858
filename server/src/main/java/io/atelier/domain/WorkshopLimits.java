package io.atelier.domain;

import java.io.Serializable;

/**
 * How big a live workshop may grow, set by whoever runs the server (LM5, LM6). They travel with the
 * operations that need them, so that the one place that applies changes, the workshop's state, also
 * applies these limits, atomically with the change and on whichever member owns the workshop.
 *
 * @param participants people a workshop holds; a newcomer beyond it is refused (LM5)
 * @param notesPerCanvas live notes a canvas holds; a note beyond it is refused (LM6)
 */
public record WorkshopLimits(int participants, int notesPerCanvas) implements Serializable {
  /** No limit: the domain's own tests, and operations built without a server's settings. */
  public static final WorkshopLimits NONE =
      new WorkshopLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

  public WorkshopLimits {
    if (participants < 1 || notesPerCanvas < 1) {
      throw new InvalidValueException("a workshop holds at least one participant and one note");
    }
  }
}
