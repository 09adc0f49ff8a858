package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.ONE_SECOND;
import static io.atelier.browser.AtelierPage.REDO_BUTTON;
import static io.atelier.browser.AtelierPage.UNDO_BUTTON;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.browser.AtelierPage.NoteView;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Undo and redo of one's own changes (UN1 to UN6) in real browsers: what an undo proposes reaches
 * the other person through the server like any change, and another person's change is never undone.
 */
class UndoBrowserTest extends ServerWithChromium {

  @Test
  @DisplayName(
      "UN2 UN6 Ctrl+Z takes back Ana's move for Ben too, Ctrl+Shift+Z does it again; after Ben"
          + " moves her note, Ana's Ctrl+Z leaves it where Ben put it and tells her why")
  void undoNeverUndoesSomeoneElse() {
    JsonObject workshop = server.createWorkshop("Annuler", "fr");
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));
    assertThat(ana.undoButtonSpent(UNDO_BUTTON)).isTrue();
    assertThat(ana.undoButtonName(UNDO_BUTTON)).isEqualTo("Rien à annuler");

    String id = ana.createNoteAndAwait("Idée d’Ana");
    ben.awaitNoteText(id, "Idée d’Ana", LONG);
    ana.awaitUndoButtonName(UNDO_BUTTON, "Annuler : ajouter la note", LONG);

    // A drag is one step, however many moves it sent while the mouse moved (UN1).
    ana.actualSize();
    NoteView start = ana.engineNote(id);
    ana.drag(id, 120, 80);
    NoteView moved = ana.engineNote(id);
    assertThat(moved.x()).isGreaterThan(start.x());
    ben.awaitNoteAt(id, moved.x(), moved.y(), LONG);
    ana.awaitUndoButtonName(UNDO_BUTTON, "Annuler : déplacer la note", LONG);
    assertThat(
            ana.driver().findElement(UNDO_BUTTON).getDomAttribute("title").replace('\u00a0', ' '))
        .isEqualTo("Annuler : déplacer la note (Ctrl+Z)");

    ana.pressUndo();
    ana.awaitNoteAt(id, start.x(), start.y(), LONG);
    ben.awaitNoteAt(id, start.x(), start.y(), ONE_SECOND);
    ana.awaitUndoButtonName(REDO_BUTTON, "Rétablir : déplacer la note", LONG);
    assertThat(ana.undoButtonName(UNDO_BUTTON)).isEqualTo("Annuler : ajouter la note");

    ana.pressRedo();
    ana.awaitNoteAt(id, moved.x(), moved.y(), LONG);
    ben.awaitNoteAt(id, moved.x(), moved.y(), ONE_SECOND);
    ana.awaitUndoButtonName(REDO_BUTTON, "Rien à rétablir", LONG);

    // Ben moves Ana's note: her next Ctrl+Z would undo his move, so it is skipped, and said.
    NoteView bens = ben.moveWithKeys(id, Keys.ARROW_DOWN, 3);
    ana.awaitNoteAt(id, bens.x(), bens.y(), LONG);
    ana.focusNote(id);
    ana.pressUndo();
    ana.awaitToast(
        "Impossible d’annuler « déplacer la note » : une autre personne a déplacé la note depuis.",
        LONG);
    // An undo is drawn at once (SY2): had it been sent, Ana's note would have moved already.
    assertThat(ana.engineNote(id).y()).isEqualTo(bens.y());
    assertThat(ana.pendingCount()).isZero();
    // The step went: the next one is the creation, which Ben's move also keeps from being undone.
    ana.awaitUndoButtonName(UNDO_BUTTON, "Annuler : ajouter la note", LONG);
    assertThat(ana.undoButtonSpent(REDO_BUTTON)).isTrue();
    ana.pressUndo();
    ana.awaitToast("une autre personne a déplacé la note depuis", LONG);
    assertThat(ana.undoButtonSpent(UNDO_BUTTON)).isTrue();

    // Ben's own steps are his, in his language; and after Ana's next change reaches him (server
    // order is one order), the note is still where he put it.
    ben.chooseLanguage("en");
    assertThat(ben.undoButtonName(UNDO_BUTTON)).isEqualTo("Undo: move the note");
    ana.editText(id, "Idée d’Ana, déplacée par Ben");
    ben.awaitNoteText(id, "Idée d’Ana, déplacée par Ben", LONG);
    ben.awaitNoteAt(id, bens.x(), bens.y(), ONE_SECOND);

    // Typing keeps the browser's own undo: Ctrl+Z in the editor is not a step of the history.
    ana.awaitUndoButtonName(UNDO_BUTTON, "Annuler : modifier le texte de la note", LONG);
    ana.focusNote(id);
    ana.press(Keys.ENTER);
    WebElement editor = ana.awaitVisible(AtelierPage.NOTE_EDITOR, LONG);
    editor.sendKeys(" !");
    ana.pressUndo();
    assertThat(ana.shown(AtelierPage.NOTE_EDITOR)).as("the editor stays open").isTrue();
    assertThat(ana.undoButtonName(UNDO_BUTTON)).isEqualTo("Annuler : modifier le texte de la note");
    assertThat(ana.engineNote(id).text()).startsWith("Idée d’Ana, déplacée par Ben");
  }

  @Test
  @DisplayName(
      "UN3 UN6 on a phone the toolbar's buttons undo and redo a keyboard move, a new note with"
          + " its text (deleted, then re-created under a new id), and work from the keyboard")
  void toolbarButtonsOnAPhone() {
    JsonObject workshop = server.createWorkshop("Annuler au téléphone", "fr");
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));
    ana.driver().manage().window().setSize(new Dimension(360, 740));
    ana.await(
        LONG,
        "a 360 px wide page",
        d -> ((Number) ana.script("return innerWidth;")).intValue() <= 360);

    // The typing that follows a new note is one step with it.
    String id = ana.createNoteAndAwait("Sur mon téléphone");
    ben.awaitNoteText(id, "Sur mon téléphone", LONG);
    NoteView start = ana.engineNote(id);
    NoteView moved =
        ana.moveWithKeys(id, Keys.ARROW_RIGHT, 3); // arrow presses close together: one step
    ben.awaitNoteAt(id, moved.x(), moved.y(), LONG);

    for (WebElement button :
        ana.driver().findElements(org.openqa.selenium.By.cssSelector(".undo-button"))) {
      assertThat(button.isDisplayed()).isTrue();
      assertThat(button.getRect().getX() + button.getRect().getWidth())
          .as("the button is inside the window")
          .isLessThanOrEqualTo(360);
      assertThat(button.getRect().getHeight())
          .as("big enough for a finger")
          .isGreaterThanOrEqualTo(34);
    }
    assertThat(ana.script("return document.documentElement.scrollWidth <= innerWidth;"))
        .isEqualTo(true);

    WebElement undo = ana.driver().findElement(UNDO_BUTTON);
    WebElement redo = ana.driver().findElement(REDO_BUTTON);
    assertThat(ana.undoButtonName(UNDO_BUTTON)).isEqualTo("Annuler : déplacer la note");
    undo.click();
    ben.awaitNoteAt(id, start.x(), start.y(), LONG);
    ana.awaitUndoButtonName(UNDO_BUTTON, "Annuler : ajouter la note", LONG);
    redo.click();
    ben.awaitNoteAt(id, moved.x(), moved.y(), LONG);

    undo.click(); // the move
    ana.awaitUndoButtonName(UNDO_BUTTON, "Annuler : ajouter la note", LONG);
    undo.click(); // the note and its text
    ben.await(LONG, "the note is gone for Ben", d -> ben.note(id).isEmpty());
    assertThat(ana.undoButtonSpent(UNDO_BUTTON)).isTrue();
    assertThat(ana.undoButtonName(REDO_BUTTON)).isEqualTo("Rétablir : ajouter la note");

    // From the keyboard: the redo button keeps its focus and works with Enter. A deleted id
    // cannot come back (NT1, NT3): the note returns under a new one, with its text.
    ana.script("arguments[0].focus();", redo);
    ana.press(Keys.ENTER);
    String back =
        ben.await(
            LONG,
            "the note comes back for Ben",
            d -> ben.noteIds().stream().filter(n -> !n.equals(id)).findFirst().orElse(null));
    ben.awaitNoteText(back, "Sur mon téléphone", LONG);
    assertThat(ana.focused().getDomAttribute("data-testid")).isEqualTo("redo-button");
    ana.press(Keys.ENTER); // the move, on the new note
    ben.awaitNoteAt(back, moved.x(), moved.y(), LONG);
    assertThat(ana.undoButtonSpent(REDO_BUTTON)).as("spent, but still focused").isTrue();
    assertThat(ana.focused().getDomAttribute("data-testid")).isEqualTo("redo-button");
    assertThat(ben.noteIds()).isEqualTo(Set.of(back));
  }
}
