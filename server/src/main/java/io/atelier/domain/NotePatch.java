package io.atelier.domain;

import java.io.Serializable;

/**
 * The properties one change sets on a note; a null field is left as it is. {@code z} is set only by
 * the server (NT4), never by a client's update.
 */
public record NotePatch(
    Double x, Double y, Double width, Double height, String text, NoteColor color, Long z)
    implements Serializable {

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
        && z == null) {
      throw new InvalidValueException("set must name at least one property");
    }
  }

  public static NotePatch front(long z) {
    return new NotePatch(null, null, null, null, null, null, z);
  }
}
