package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.ONE_SECOND;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * What the note's tools and the presence marks do, seen from a second browser: recolour, resize,
 * bring to front, delete; others' cursors, who is editing which note, who went away.
 */
class NoteToolsBrowserTest extends ServerWithChromium {
  @Test
  @DisplayName("NT2 NT3 NT4 recolour, resize, bring to front and delete reach the other browser")
  void noteTools() {
    String joinUrl = server.createWorkshop("Outils", "fr").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    AtelierPage ben = browser("Ben", joinUrl);
    ana.actualSize(); // Screen pixels are canvas units: the resize below counts on it.
    String back = ana.createNoteAndAwait("Derrière");
    String front = ana.createNoteAndAwait("Devant");
    ben.awaitNoteText(front, "Devant", LONG);

    // Recolour from the note's tools.
    ana.focusNote(back);
    tool(ana, back, "color-blue").click();
    ana.await(LONG, "blue on Ben's side", d -> "blue".equals(property(ben, back, "color")));

    // Resize by the corner: 60 by 40 screen pixels at 100 % is 60 by 40 canvas units.
    double width = ((Number) property(ana, back, "width")).doubleValue();
    double height = ((Number) property(ana, back, "height")).doubleValue();
    WebElement corner = ana.noteElement(back).findElement(testId("note-resize"));
    new Actions(ana.driver())
        .moveToElement(corner)
        .clickAndHold()
        .moveByOffset(30, 20)
        .moveByOffset(30, 20)
        .release()
        .perform();
    ana.await(
        LONG,
        "Ben sees the resized note",
        d ->
            ((Number) property(ben, back, "width")).doubleValue() == width + 60
                && ((Number) property(ben, back, "height")).doubleValue() == height + 40);

    // Bring to front: the note that was behind is drawn last, on both sides.
    assertThat(drawOrder(ben)).containsExactly(back, front);
    ana.focusNote(back);
    tool(ana, back, "front-note").click();
    ana.await(
        ONE_SECOND, "Ben draws it in front", d -> drawOrder(ben).equals(List.of(front, back)));

    // Delete with the key, then with the tool.
    ana.focusNote(front);
    ana.press(Keys.DELETE);
    ana.await(ONE_SECOND, "Ben no longer shows it", d -> !ben.noteIds().contains(front));
    ana.focusNote(back);
    tool(ana, back, "delete-note").click();
    ana.await(ONE_SECOND, "Ben shows no note", d -> ben.noteIds().isEmpty());
    assertThat(ben.driver().findElements(AtelierPage.NOTE)).isEmpty();
    ana.awaitNothingUnsent(LONG);
  }

  @Test
  @DisplayName("CU1 CU2 HS6 the other browser sees my cursor, the note I edit, and when I leave")
  void presenceMarks() {
    String joinUrl = server.createWorkshop("Présence", "en").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    AtelierPage ben = browser("Ben", joinUrl);
    String anaId = ana.participantId();
    ben.awaitParticipantOnline(anaId, "Ana", LONG);

    WebElement canvas = ana.driver().findElement(AtelierPage.CANVAS);
    new Actions(ana.driver()).moveToElement(canvas).moveByOffset(40, 30).perform();
    By anaCursor = By.cssSelector("[data-testid=cursor][data-participant-id='" + anaId + "']");
    ana.await(LONG, "Ben sees Ana's cursor", d -> !ben.driver().findElements(anaCursor).isEmpty());
    assertThat(ben.driver().findElement(anaCursor).getText()).contains("Ana");

    // Ana opens a note's editor and keeps it open: Ben sees who is writing on that note.
    String noteId = ana.createNoteAndAwait("Qui écrit ?");
    ben.awaitNoteText(noteId, "Qui écrit ?", LONG);
    ana.focusNote(noteId);
    ana.press(Keys.ENTER);
    ana.await(
        LONG,
        "Ben sees Ana's editing mark",
        d ->
            editingMark(ben, noteId).isDisplayed()
                && editingMark(ben, noteId).getText().contains("Ana"));
    ana.press(Keys.ESCAPE);
    ana.await(LONG, "the mark goes when Ana stops", d -> !editingMark(ben, noteId).isDisplayed());

    // Ana leaves: she is listed offline and her cursor disappears.
    closeBrowser(ana);
    ben.await(
        LONG,
        "Ana offline in Ben's list",
        d ->
            d.findElements(AtelierPage.PARTICIPANT).stream()
                .anyMatch(
                    p ->
                        anaId.equals(p.getDomAttribute("data-participant-id"))
                            && "false".equals(p.getDomAttribute("data-online"))));
    ben.await(LONG, "Ana's cursor is gone", d -> d.findElements(anaCursor).isEmpty());
  }

  @Test
  @DisplayName("NT1 NT2 on a touch screen a double tap creates a note and a finger drags it")
  void touch() {
    String joinUrl = server.createWorkshop("Tactile", "fr").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    ana.actualSize(); // A finger's 80 pixels are 80 canvas units.
    WebElement canvas = ana.driver().findElement(AtelierPage.CANVAS);
    Rectangle box = canvas.getRect();
    int x = box.getX() + box.getWidth() / 2;
    int y = box.getY() + box.getHeight() / 2;
    PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
    Sequence doubleTap = new Sequence(finger, 0);
    doubleTap.addAction(
        finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, y));
    for (int tap = 0; tap < 2; tap++) {
      doubleTap.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
      doubleTap.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
      doubleTap.addAction(new Pause(finger, Duration.ofMillis(60)));
    }
    ((org.openqa.selenium.interactions.Interactive) ana.driver()).perform(List.of(doubleTap));
    WebElement editor = ana.awaitVisible(testId("note-editor"), LONG);
    editor.sendKeys("Au doigt", Keys.ESCAPE);
    String noteId =
        ana.await(LONG, "one note", d -> ana.noteIds().stream().findFirst().orElse(null));
    AtelierPage.NoteView before = ana.awaitNoteText(noteId, "Au doigt", LONG);

    Rectangle note = ana.noteElement(noteId).getRect();
    int startX = note.getX() + 30;
    int startY = note.getY() + 60;
    Sequence drag = new Sequence(finger, 0);
    drag.addAction(
        finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), startX, startY));
    drag.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
    for (int step = 1; step <= 4; step++) {
      drag.addAction(
          finger.createPointerMove(
              Duration.ofMillis(30),
              PointerInput.Origin.viewport(),
              startX + 20 * step,
              startY + 10 * step));
    }
    drag.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    ((org.openqa.selenium.interactions.Interactive) ana.driver()).perform(List.of(drag));
    // A drag lands on whole canvas units.
    ana.await(
        LONG,
        "the note moved by (80, 40) from " + before,
        d ->
            ana.note(noteId)
                .filter(
                    n ->
                        Math.abs(n.x() - (before.x() + 80)) < 1
                            && Math.abs(n.y() - (before.y() + 40)) < 1)
                .orElse(null));
    ana.awaitNothingUnsent(LONG);
  }

  @Test
  @DisplayName("the canvas pans and zooms: the view changes, the notes' positions do not")
  void panAndZoom() {
    String joinUrl = server.createWorkshop("Vue", "en").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    ana.actualSize(); // The workshop opens on the whole template; zoom from 100 %.
    String noteId = ana.createNoteAndAwait("Zoom");
    AtelierPage.NoteView model = ana.requireNote(noteId);
    Map<String, Number> before = screenBox(ana, noteId);

    WebElement canvas = ana.driver().findElement(AtelierPage.CANVAS);
    canvas.click();
    ana.press("+");
    ana.await(
        LONG,
        "zoom shows 120 %",
        d -> d.findElement(testId("zoom-reset")).getText().replace('\u00a0', ' ').equals("120 %"));
    Map<String, Number> zoomed = screenBox(ana, noteId);
    assertThat(zoomed.get("width").doubleValue())
        .isCloseTo(before.get("width").doubleValue() * 1.2, within(0.5));

    // Dragging the background pans: the note moves on screen by the drag, not on the canvas.
    new Actions(ana.driver())
        .moveToElement(
            canvas, -canvas.getRect().getWidth() / 2 + 20, -canvas.getRect().getHeight() / 2 + 20)
        .clickAndHold()
        .moveByOffset(50, 30)
        .moveByOffset(50, 30)
        .release()
        .perform();
    ana.await(
        LONG,
        "the note is drawn 100, 60 pixels further",
        d -> {
          Map<String, Number> now = screenBox(ana, noteId);
          return Math.abs(now.get("x").doubleValue() - (zoomed.get("x").doubleValue() + 100)) <= 1
              && Math.abs(now.get("y").doubleValue() - (zoomed.get("y").doubleValue() + 60)) <= 1;
        });
    assertThat(ana.requireNote(noteId)).isEqualTo(model);
    assertThat(ana.pendingCount()).isZero();
  }

  /** Where the note is drawn on screen, transforms included (the canvas's pan and zoom). */
  @SuppressWarnings("unchecked")
  private static Map<String, Number> screenBox(AtelierPage page, String noteId) {
    return (Map<String, Number>)
        page.script(
            "const r = arguments[0].getBoundingClientRect();"
                + " return {x: r.x, y: r.y, width: r.width};",
            page.noteElement(noteId));
  }

  private static WebElement tool(AtelierPage page, String noteId, String testid) {
    return page.noteElement(noteId).findElement(testId(testid));
  }

  private static WebElement editingMark(AtelierPage page, String noteId) {
    return page.noteElement(noteId).findElement(testId("note-editing"));
  }

  private static Object property(AtelierPage page, String noteId, String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> note =
        (Map<String, Object>)
            page.script(
                "return window.atelier.engine.notes().find(n => n.id === arguments[0]) ?? null;",
                noteId);
    return note == null ? null : note.get(name);
  }

  /** Note ids in the order the page stacks them, back to front (NT4). */
  @SuppressWarnings("unchecked")
  private static List<String> drawOrder(AtelierPage page) {
    return (List<String>)
        page.script(
            "return [...document.querySelectorAll('[data-testid=note]')]"
                + ".sort((a, b) => Number(a.style.zIndex) - Number(b.style.zIndex))"
                + ".map(e => e.dataset.noteId);");
  }
}
