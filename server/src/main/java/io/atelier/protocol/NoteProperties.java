package io.atelier.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atelier.domain.NoteColor;
import io.atelier.domain.NotePatch;

/**
 * The {@code set} of an update: only the properties present are written (NT2). {@code z} (NT4) and
 * {@code locked} (LK2) come only from the server.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoteProperties(
    Double x,
    Double y,
    Double width,
    Double height,
    String text,
    String color,
    Long z,
    Boolean locked) {

  /** The properties a client's update may set, and the z of NT4. */
  public NoteProperties(
      Double x, Double y, Double width, Double height, String text, String color, Long z) {
    this(x, y, width, height, text, color, z, null);
  }

  public NotePatch toPatch() {
    return new NotePatch(
        x, y, width, height, text, color == null ? null : NoteColor.fromCode(color), z, locked);
  }

  public static NoteProperties of(NotePatch patch) {
    return new NoteProperties(
        patch.x(),
        patch.y(),
        patch.width(),
        patch.height(),
        patch.text(),
        patch.color() == null ? null : patch.color().code(),
        patch.z(),
        patch.locked());
  }
}
