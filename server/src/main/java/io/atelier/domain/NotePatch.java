package io.atelier.domain;

import java.io.Serializable;

/**
 * The properties one change sets on a note; a null field is left as it is. {@code z} (NT4) and
 * {@code locked} (LK2) are set only by their own changes, never by a client's update.
 */
public record NotePatch(
    Double x,
    Double y,
    Double width,
    Double height,
    String text,
    NoteColor color,
    Long z,
    Boolean locked)
    implements Serializable {

  /** A patch that does not lock or unlock (every patch before LK2). */
  public NotePatch(
      Double x, Double y, Double width, Double height, String text, NoteColor color, Long z) {
    this(x, y, width, height, text, color, z, null);
  }

  public NotePatch {
    if (x != null) Checks.coordinate(x, "x");
    if (y != null) Checks.coordinate(y, "y");
    if (width != null) Checks.size(width, "width");
    if (height != null) Checks.size(height, "height");
    if (text != null) Checks.text(text, Checks.MAX_NOTE_TEXT, "text");
    if (x == null
        && y == null
        && width == null
        && height == null
        && text == null
        && color == null
        && z == null
        && locked == null) {
      throw new InvalidValueException("set must name at least one property");
    }
  }

  public static NotePatch front(long z) {
    return new NotePatch(null, null, null, null, null, null, z);
  }

  /** LK2: what {@code lock_note} sets. */
  public static NotePatch lock(boolean locked) {
    return new NotePatch(null, null, null, null, null, null, null, locked);
  }
}
