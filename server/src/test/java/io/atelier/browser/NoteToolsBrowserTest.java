package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.ONE_SECOND;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What the note's tools and the presence marks do, seen from a second browser: recolour, resize,
 * bring to front, delete; others' cursors, who is editing which note, who went away.
 */
class NoteToolsBrowserTest extends ServerWithChromium {
  private final List<HeadlessChromium> browsers = new ArrayList<>();

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(HeadlessChromium::close);
    browsers.clear();
  }

  private AtelierPage browser(String name, String joinUrl) {
    HeadlessChromium browser = HeadlessChromium.start();
    browsers.add(browser);
    return new AtelierPage(browser.driver(), name).join(joinUrl);
  }

  @Test
  @DisplayName("NT2 NT3 NT4 recolour, resize, bring to front and delete reach the other browser")
  void noteTools() {
    String joinUrl = server.createWorkshop("Outils", "fr").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    AtelierPage ben = browser("Ben", joinUrl);
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
    browsers.remove(0).close();
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
