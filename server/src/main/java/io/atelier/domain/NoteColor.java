package io.atelier.domain;

import java.util.Locale;

/** The sticky-note palette (NT6). A closed set keeps notes legible on the projector. */
public enum NoteColor {
  YELLOW,
  PINK,
  BLUE,
  GREEN,
  ORANGE,
  PURPLE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NoteColor fromCode(String code) {
    if (code != null) {
      for (NoteColor color : values()) {
        if (color.code().equals(code)) {
          return color;
        }
      }
    }
    throw new InvalidValueException(
        "color must be one of yellow, pink, blue, green, orange, purple");
  }
}
