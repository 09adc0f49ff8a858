package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The notes' level of detail (docs/adr/0021-level-of-detail-of-notes.md): zoomed out past readable
 * text, a note is drawn without its text laid out, yet a screen reader still reads its text and the
 * keyboard still moves it; zoomed in, the text is laid out again, nothing lost.
 */
class LevelOfDetailBrowserTest extends ServerWithChromium {
  private static final String TEXT = "Budget du comité";

  @Test
  @DisplayName("NT5 far out a note's text is not laid out but is its accessible name; near, shown")
  void farAndNearViews() {
    String joinUrl = server.createWorkshop("Vue de loin", "fr").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    ana.actualSize();
    String noteId = ana.createNoteAndAwait(TEXT);
    WebElement board = ana.driver().findElement(AtelierPage.CANVAS);
    assertThat(board.getDomAttribute("class")).doesNotContain("board-far");
    assertThat(textOf(ana, noteId).isDisplayed()).isTrue();

    // 100 % / 1.2^8 is about 23 %: a 15 px text would be under 4 px on screen, far below 6 px.
    zoomWithKeys(ana, "-", 8);
    ana.await(
        LONG, "the board is drawn far", d -> board.getDomAttribute("class").contains("board-far"));
    assertThat(textOf(ana, noteId).isDisplayed()).isFalse();
    assertThat(textOf(ana, noteId).getDomProperty("textContent")).isEqualTo(TEXT);
    assertThat(ana.noteElement(noteId).getAccessibleName()).isEqualTo("Note\u00a0: " + TEXT);

    // The keyboard still reaches and moves the note from afar; its toolbar comes with the focus.
    AtelierPage.NoteView moved = ana.moveWithKeys(noteId, Keys.ARROW_RIGHT, 1);
    assertThat(moved.text()).isEqualTo(TEXT);
    assertThat(ana.noteElement(noteId).findElement(testId("delete-note")).isDisplayed()).isTrue();

    ana.actualSize();
    ana.await(
        LONG,
        "the board is drawn near",
        d -> !board.getDomAttribute("class").contains("board-far"));
    assertThat(textOf(ana, noteId).isDisplayed()).isTrue();
    assertThat(textOf(ana, noteId).getText()).isEqualTo(TEXT);
    assertThat(ana.noteElement(noteId).getAccessibleName()).isEqualTo("Note\u00a0: " + TEXT);
  }

  private static WebElement textOf(AtelierPage page, String noteId) {
    return page.noteElement(noteId).findElement(AtelierPage.NOTE_TEXT);
  }

  private static void zoomWithKeys(AtelierPage page, String key, int times) {
    page.script("arguments[0].focus();", page.driver().findElement(AtelierPage.CANVAS));
    for (int i = 0; i < times; i++) {
      page.press(key);
    }
  }
}
