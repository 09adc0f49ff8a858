package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.ONE_SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Locks and clusters as people meet them (issue 6, point 5): the facilitator locks the canvas and a
 * participant can neither add nor move a note, and is told why; the facilitator groups three notes
 * and drags the cluster, and a participant sees the three notes move together.
 */
class LocksAndClustersBrowserTest extends ServerWithChromium {

  @Test
  @DisplayName("LK1 LK3 a locked canvas: the participant cannot add or move a note and sees why")
  void lockedCanvas() {
    JsonObject workshop = server.createWorkshop("Verrous", "fr");
    AtelierPage host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    host.awaitFacilitator();
    String note = ana.createNoteAndAwait("Avant le verrou");
    host.awaitNoteText(note, "Avant le verrou", LONG);
    AtelierPage.NoteView before = ana.requireNote(note);

    host.toggleCanvasLock();
    ana.awaitCanvasLocked("main", true, LONG);
    assertThat(ana.text(AtelierPage.LOCK_STATUS)).isEqualTo("🔒 Verrouillé : lecture seule");
    assertThat(host.text(AtelierPage.LOCK_STATUS))
        .isEqualTo("🔒 Verrouillé pour les participant·es");
    WebElement add = ana.driver().findElement(AtelierPage.ADD_NOTE_BUTTON);
    assertThat(add.getDomAttribute("aria-disabled")).isEqualTo("true");
    assertThat(add.getDomAttribute("title")).startsWith("Ce canevas est verrouillé");
    assertThat(ana.canvasTab("main").getDomAttribute("data-locked")).isEqualTo("true");

    // Adding: the button, the N key and a double-click all say why and send nothing.
    add.click();
    ana.awaitToast("vous pouvez le consulter, mais pas le modifier", LONG);
    ana.driver().findElement(AtelierPage.CANVAS).sendKeys("n");
    new Actions(ana.driver()).doubleClick(ana.driver().findElement(AtelierPage.CANVAS)).perform();
    // Moving: a drag and the arrow keys leave the note where it is; it cannot be edited either.
    new Actions(ana.driver())
        .moveToElement(ana.noteElement(note))
        .clickAndHold()
        .moveByOffset(40, 30)
        .moveByOffset(40, 30)
        .release()
        .perform();
    ana.focusNote(note);
    ana.press(Keys.ARROW_RIGHT);
    ana.press(Keys.ENTER);
    assertThat(ana.driver().findElements(AtelierPage.NOTE_EDITOR)).isEmpty();
    assertThat(ana.noteIds()).containsExactly(note);
    assertThat(ana.requireNote(note).at(before.x(), before.y())).isTrue();
    assertThat(ana.pendingCount()).as("nothing was sent to be refused").isZero();
    assertThat(ana.noteElement(note).findElement(AtelierPage.testId("note-resize")).isDisplayed())
        .isFalse();

    // The facilitator still moves it, and Ana sees it; unlocked, Ana adds a note again.
    host.moveWithKeys(note, Keys.ARROW_DOWN, 2);
    ana.awaitNoteAt(note, before.x(), before.y() + 20, LONG);
    host.toggleCanvasLock();
    ana.awaitCanvasLocked("main", false, LONG);
    ana.awaitToast("de nouveau modifiable", LONG);
    assertThat(ana.shown(AtelierPage.LOCK_STATUS)).isFalse();
    String after = ana.createNoteAndAwait("Après le verrou");
    host.awaitNoteText(after, "Après le verrou", LONG);
  }

  @Test
  @DisplayName("LK2 a locked note: the participant cannot change it, the others stay open")
  void lockedNote() {
    JsonObject workshop = server.createWorkshop("Verrous de notes", "en");
    AtelierPage host = browser("Host", workshop.getString("facilitatorUrl"));
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    host.awaitFacilitator();
    String kept = host.createNoteAndAwait("Settled");
    String open = host.createNoteAndAwait("Still open");
    ana.awaitNoteText(open, "Still open", LONG);

    host.focusNote(kept);
    WebElement lock = host.noteElement(kept).findElement(AtelierPage.testId("lock-note"));
    assertThat(lock.getDomAttribute("aria-label")).isEqualTo("Lock note");
    lock.click();
    ana.await(
        LONG,
        "Ana sees the note locked",
        d -> ana.noteElement(kept).findElement(AtelierPage.testId("note-lock")).isDisplayed());
    assertThat(ana.noteElement(kept).getDomAttribute("aria-label"))
        .isEqualTo("Note: Settled (locked)");
    assertThat(ana.noteElement(kept).findElements(AtelierPage.testId("lock-note")))
        .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());

    ana.focusNote(kept);
    ana.press(Keys.DELETE);
    ana.awaitToast("The facilitator locked this note", LONG);
    assertThat(ana.noteIds()).contains(kept);
    ana.moveWithKeys(open, Keys.ARROW_RIGHT, 1);
    host.awaitNoteAt(open, ana.requireNote(open).x(), ana.requireNote(open).y(), LONG);
  }

  @Test
  @DisplayName(
      "CL1 CL5 the facilitator groups three notes and drags the cluster; a participant sees the"
          + " three notes move together")
  void groupAndMove() {
    JsonObject workshop = server.createWorkshop("Regroupements", "fr");
    AtelierPage host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    host.awaitFacilitator();
    List<String> notes =
        List.of(
            host.createNoteAndAwait("Entraide"),
            host.createNoteAndAwait("Confiance"),
            host.createNoteAndAwait("Partage"));
    // New notes are made at the centre, one over the other: spread them so each can be clicked.
    for (int i = 1; i < notes.size(); i++) {
      host.focusNote(notes.get(i));
      Actions steps = new Actions(host.driver()).keyDown(Keys.SHIFT);
      for (int step = 0; step < 5 * i; step++) {
        steps.sendKeys(Keys.ARROW_RIGHT); // 50 each with Shift held
      }
      steps.keyUp(Keys.SHIFT).perform();
      host.awaitNoteAt(notes.get(i), -100 + 250 * i, -70, LONG);
    }
    for (String note : notes) {
      ana.awaitNoteAt(note, host.requireNote(note).x(), host.requireNote(note).y(), LONG);
    }

    host.shiftClickNote(notes.get(0));
    host.selectWithSpace(notes.get(1));
    host.shiftClickNote(notes.get(2));
    assertThat(host.selectedNoteIds()).containsExactlyInAnyOrderElementsOf(notes);
    assertThat(host.text(AtelierPage.SELECTION_COUNT)).isEqualTo("3 notes sélectionnées");
    assertThat(ana.shown(AtelierPage.SELECTION_BAR)).isFalse();

    String cluster = host.groupSelectedNotes("Ce qui nous relie");
    assertThat(host.selectedNoteIds()).isEmpty();
    ana.await(LONG, "Ana sees the cluster's frame", d -> ana.clusterFrame(cluster) != null);
    assertThat(ana.clusters()).isEqualTo(Map.of(cluster, notes));
    assertThat(ana.clusterControl(cluster, "cluster-title").getText())
        .isEqualTo("Ce qui nous relie");
    assertThat(ana.clusterControl(cluster, "cluster-handle").isDisplayed()).isFalse();

    // Ana's page notes every drawing of the three notes, and every revisioned event it receives.
    ana.script(
        "var ids = arguments[0]; window.__drawn = []; window.__received = [];"
            + "window.atelier.engine.subscribe(function () {"
            + "  window.__drawn.push(ids.map(function (id) {"
            + "    var n = window.atelier.engine.note(id); return n.x + ',' + n.y; }).join(' '));"
            + "});"
            + "window.atelier.connection.onMessage(function (m) {"
            + "  if ('revision' in m) window.__received.push(m.type); });",
        notes);
    List<AtelierPage.NoteView> start = notes.stream().map(host::requireNote).toList();
    double zoom = host.zoom();
    host.dragCluster(cluster, 120, 90);
    double dx = Math.round(120 / zoom);
    double dy = Math.round(90 / zoom);
    for (int i = 0; i < notes.size(); i++) {
      AtelierPage.NoteView from = start.get(i);
      host.awaitNoteAt(notes.get(i), from.x() + dx, from.y() + dy, LONG);
      ana.awaitNoteAt(notes.get(i), from.x() + dx, from.y() + dy, ONE_SECOND);
    }
    @SuppressWarnings("unchecked")
    List<String> drawn = (List<String>) ana.script("return window.__drawn;");
    String moved =
        String.join(
            " ", start.stream().map(n -> number(n.x() + dx) + "," + number(n.y() + dy)).toList());
    assertThat(drawn).as("the notes move together, in one drawing").endsWith(moved);
    String still =
        String.join(" ", start.stream().map(n -> number(n.x()) + "," + number(n.y())).toList());
    assertThat(drawn).as("never some notes moved and others not").isSubsetOf(still, moved);
    assertThat(ana.script("return window.__received;"))
        .as("one change on the drop, not one per note or per pointer move")
        .isEqualTo(List.of("cluster_moved"));

    // The keyboard moves it too, one change per key; rename and dissolve from the frame.
    host.clusterControl(cluster, "cluster-handle").sendKeys(Keys.ARROW_DOWN);
    ana.awaitNoteAt(notes.get(0), start.get(0).x() + dx, start.get(0).y() + dy + 10, LONG);
    // CL6: in private writing the frames wait for the reveal, and the help says why.
    host.startPrivateWriting();
    host.await(LONG, "no frame in private writing", d -> host.clusterFrame(cluster) == null);
    assertThat(host.text(AtelierPage.CLUSTER_HELP)).startsWith("Écriture privée");
    ana.await(LONG, "no frame for Ana either", d -> ana.clusterFrame(cluster) == null);
    host.revealPrivateWriting(false);
    ana.await(LONG, "the frame is back after the reveal", d -> ana.clusterFrame(cluster) != null);
    assertThat(ana.clusters()).isEqualTo(Map.of(cluster, notes));
    host.await(LONG, "the facilitator's frame too", d -> host.clusterFrame(cluster) != null);
    host.clusterControl(cluster, "cluster-rename").click();
    WebElement title = host.awaitVisible(AtelierPage.CLUSTER_TITLE_INPUT, LONG);
    title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Nos liens", Keys.ENTER);
    ana.await(
        LONG,
        "Ana sees the new title",
        d -> "Nos liens".equals(ana.clusterControl(cluster, "cluster-title").getText()));
    host.clusterControl(cluster, "cluster-dissolve").click();
    ana.await(LONG, "the frame is gone for Ana", d -> ana.clusterFrame(cluster) == null);
    assertThat(ana.noteIds()).containsExactlyInAnyOrderElementsOf(notes);
  }

  /** A number as the page's script writes it: 120 rather than 120.0. */
  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
