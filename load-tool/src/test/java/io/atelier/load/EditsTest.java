package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EditsTest {
  @Test
  @DisplayName("every edit's text is 40 characters, as the issue's reference notes, and varies")
  void text() {
    for (long n : new long[] {0, 7, 42, 12_345, 9_999_999_999L, Long.MAX_VALUE}) {
      assertThat(Edits.text(n)).hasSize(Edits.TEXT_LENGTH);
    }
    assertThat(Edits.text(1)).isNotEqualTo(Edits.text(2));
  }

  @Test
  @DisplayName("a full edit carries the note's id, text, x, y and colour; a move only x and y")
  void update() {
    JsonObject full = Edits.update(Edits.Kind.FULL, "w1-7", "note-3", 7);
    JsonObject move = Edits.update(Edits.Kind.MOVE, "w1-8", "note-3", 8);

    assertThat(full.getString("type")).isEqualTo("update_note");
    assertThat(full.getString("noteId")).isEqualTo("note-3");
    assertThat(full.getJsonObject("set").fieldNames())
        .containsExactlyInAnyOrder("x", "y", "text", "color");
    assertThat(full.getJsonObject("set").getString("text")).hasSize(40);
    assertThat(move.getJsonObject("set").fieldNames()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  @DisplayName("a created note has every property create_note requires (NT1, NT6)")
  void create() {
    JsonObject note = Edits.create("seed-0", "note-0", 0);

    assertThat(note.fieldNames())
        .containsExactlyInAnyOrder(
            "type", "changeId", "noteId", "x", "y", "width", "height", "text", "color");
  }
}
