package io.atelier.load;

import io.vertx.core.json.JsonObject;

/**
 * The changes a load sends: sticky notes as the reference servers carry them (an id, a
 * 40-character text, x, y and a colour). A full edit sets all four properties of the note, as the
 * reference replaces the whole object; a move sets x and y only, as the figures before issue 8.
 */
final class Edits {
  static final int TEXT_LENGTH = 40;
  private static final String[] COLOURS = {"yellow", "pink", "blue", "green", "orange", "purple"};
  private static final String FILLER = "Qui prend soin du commun aujourd'hui ? ";

  private Edits() {}

  /** How much of the note an update carries. */
  enum Kind {
    FULL,
    MOVE
  }

  static JsonObject create(String changeId, String noteId, long n) {
    return new JsonObject()
        .put("type", "create_note")
        .put("changeId", changeId)
        .put("noteId", noteId)
        .put("x", x(n))
        .put("y", y(n))
        .put("width", 200.0)
        .put("height", 140.0)
        .put("text", text(n))
        .put("color", colour(n));
  }

  static JsonObject update(Kind kind, String changeId, String noteId, long n) {
    JsonObject set = new JsonObject().put("x", x(n)).put("y", y(n));
    if (kind == Kind.FULL) {
      set.put("text", text(n)).put("color", colour(n));
    }
    return new JsonObject()
        .put("type", "update_note")
        .put("changeId", changeId)
        .put("noteId", noteId)
        .put("set", set);
  }

  /** Exactly {@link #TEXT_LENGTH} characters, different from one edit to the next. */
  static String text(long n) {
    String number = Long.toString(n);
    return number + " " + FILLER.substring(0, TEXT_LENGTH - number.length() - 1);
  }

  static String colour(long n) {
    return COLOURS[(int) (n % COLOURS.length)];
  }

  private static double x(long n) {
    return (double) (n % 1000);
  }

  private static double y(long n) {
    return (double) (n % 700);
  }
}
