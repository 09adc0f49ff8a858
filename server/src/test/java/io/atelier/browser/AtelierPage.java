package io.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Atelier pages as a person uses them, through the {@code data-testid} contract of the browser
 * client. Every wait has a timeout; nothing sleeps.
 */
public final class AtelierPage {
  /** For things that take a round trip or a reconnect, such as becoming connected. */
  public static final Duration LONG = Duration.ofSeconds(10);

  /** What the collaboration rules promise for another browser to see a change. */
  public static final Duration ONE_SECOND = Duration.ofSeconds(1);

  public static final By TITLE_INPUT = testId("title-input");
  public static final By LANGUAGE_SELECT = testId("language-select");
  public static final By CREATE_BUTTON = testId("create-button");
  public static final By JOIN_LINK = testId("join-link");
  public static final By FACILITATOR_LINK = testId("facilitator-link");
  public static final By NAME_INPUT = testId("name-input");
  public static final By NAME_SUBMIT = testId("name-submit");
  public static final By CANVAS = testId("canvas");
  public static final By CONNECTION_STATUS = testId("connection-status");
  public static final By ADD_NOTE_BUTTON = testId("add-note-button");
  public static final By NOTE = testId("note");
  public static final By NOTE_TEXT = testId("note-text");
  public static final By NOTE_EDITOR = testId("note-editor");
  public static final By PARTICIPANT = testId("participant");

  private static final String READ_NOTES =
      "return Array.from(document.querySelectorAll('[data-testid=note]')).map(function (n) {"
          + "  var t = n.querySelector('[data-testid=note-text]');"
          + "  return {id: n.getAttribute('data-note-id'), x: n.getAttribute('data-x'),"
          + "          y: n.getAttribute('data-y'), text: t ? t.textContent : null};"
          + "});";

  private static final String FIND_NOTE =
      "var id = arguments[0];"
          + "return Array.from(document.querySelectorAll('[data-testid=note]'))"
          + ".find(function (n) { return n.getAttribute('data-note-id') === id; }) || null;";

  private final WebDriver driver;
  private final String name;

  public AtelierPage(WebDriver driver, String name) {
    this.driver = driver;
    this.name = name;
  }

  public static By testId(String id) {
    return By.cssSelector("[data-testid=" + id + "]");
  }

  public WebDriver driver() {
    return driver;
  }

  public String name() {
    return name;
  }

  /** A note as drawn: its id, canvas position and text. */
  public record NoteView(String id, double x, double y, String text) {
    /**
     * Whether the note is at that position. A tolerance far below a pixel absorbs the rounding of a
     * sum computed here in another order than in the page.
     */
    boolean at(double expectedX, double expectedY) {
      return Math.abs(x - expectedX) < 1e-6 && Math.abs(y - expectedY) < 1e-6;
    }
  }

  // ---- waiting -------------------------------------------------------------------------------

  public WebDriverWait waiting(Duration timeout, String what) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(20));
    wait.ignoring(StaleElementReferenceException.class);
    wait.withMessage(name + ": " + what);
    return wait;
  }

  public <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
    return waiting(timeout, what).until(condition);
  }

  public WebElement awaitVisible(By locator, Duration timeout) {
    return await(
        timeout,
        locator + " is shown",
        d ->
            d.findElements(locator).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
  }

  // ---- joining -------------------------------------------------------------------------------

  /** Opens a workshop link as a newcomer, types the display name and waits until connected. */
  public AtelierPage join(String workshopUrl) {
    driver.get(workshopUrl);
    WebElement input = awaitVisible(NAME_INPUT, LONG);
    input.sendKeys(name);
    driver.findElement(NAME_SUBMIT).click();
    awaitVisible(CANVAS, LONG);
    awaitConnected(LONG);
    awaitParticipantId();
    return this;
  }

  /** Opens a workshop link this browser already joined: no name is asked again. */
  public AtelierPage open(String workshopUrl) {
    driver.get(workshopUrl);
    awaitCanvasWithoutNamePrompt();
    return this;
  }

  public AtelierPage reload() {
    driver.navigate().refresh();
    awaitCanvasWithoutNamePrompt();
    return this;
  }

  private void awaitCanvasWithoutNamePrompt() {
    awaitVisible(CANVAS, LONG);
    awaitConnected(LONG);
    assertThat(driver.findElements(NAME_INPUT).stream().filter(WebElement::isDisplayed).toList())
        .as("%s: the name prompt is not shown to a browser that already joined", name)
        .isEmpty();
    awaitParticipantId();
  }

  // ---- connection ----------------------------------------------------------------------------

  public String connectionState() {
    return driver.findElement(CONNECTION_STATUS).getDomAttribute("data-state");
  }

  /** The status element's {@code data-unsent}, or -1 when it is absent or not a number. */
  public int unsent() {
    String value = driver.findElement(CONNECTION_STATUS).getDomAttribute("data-unsent");
    try {
      return Integer.parseInt(Objects.requireNonNull(value).trim());
    } catch (RuntimeException e) {
      return -1;
    }
  }

  public void awaitConnected(Duration timeout) {
    awaitState(timeout, Set.of("connected"));
  }

  public String awaitState(Duration timeout, Set<String> states) {
    return await(
        timeout,
        "connection-status data-state in " + states,
        d -> {
          String state = connectionState();
          return states.contains(state) ? state : null;
        });
  }

  public void awaitNothingUnsent(Duration timeout) {
    await(timeout, "connection-status data-unsent = 0", d -> unsent() == 0);
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public String participantId() {
    Object id =
        script(
            "return window.atelier && window.atelier.connection"
                + " ? window.atelier.connection.participantId : null;");
    return id == null ? null : id.toString();
  }

  public String awaitParticipantId() {
    return await(LONG, "window.atelier.connection.participantId is set", d -> participantId());
  }

  public long pendingCount() {
    return ((Number) script("return window.atelier.engine.pendingCount();")).longValue();
  }

  // ---- notes ---------------------------------------------------------------------------------

  public List<NoteView> notes() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> raw = (List<Map<String, Object>>) script(READ_NOTES);
    return raw.stream()
        .map(
            n ->
                new NoteView(
                    (String) n.get("id"),
                    number(n.get("x")),
                    number(n.get("y")),
                    (String) n.get("text")))
        .toList();
  }

  public Set<String> noteIds() {
    return notes().stream().map(NoteView::id).collect(Collectors.toSet());
  }

  public Optional<NoteView> note(String id) {
    return notes().stream().filter(n -> id.equals(n.id())).findFirst();
  }

  public NoteView requireNote(String id) {
    return note(id).orElseThrow(() -> new AssertionError(name + " shows no note " + id));
  }

  public WebElement noteElement(String id) {
    WebElement element = (WebElement) script(FIND_NOTE, id);
    if (element == null) {
      throw new AssertionError(name + " shows no note element " + id);
    }
    return element;
  }

  /** Waits until this page shows the note with exactly that text. */
  public NoteView awaitNoteText(String id, String text, Duration timeout) {
    return await(
        timeout,
        "note " + id + " shows text '" + text + "' (now " + note(id) + ")",
        d -> note(id).filter(n -> text.equals(n.text())).orElse(null));
  }

  /** Waits until this page shows the note at exactly that canvas position. */
  public NoteView awaitNoteAt(String id, double x, double y, Duration timeout) {
    return await(
        timeout,
        "note " + id + " at (" + x + ", " + y + ") (now " + note(id) + ")",
        d -> note(id).filter(n -> n.at(x, y)).orElse(null));
  }

  /** The element that has the keyboard focus. */
  public WebElement focused() {
    return driver.switchTo().activeElement();
  }

  private WebElement awaitFocusedEditor() {
    return await(
        LONG,
        "a focused textarea[data-testid=note-editor]",
        d -> {
          WebElement active = focused();
          return "note-editor".equals(active.getDomAttribute("data-testid"))
                  && "textarea".equalsIgnoreCase(active.getTagName())
              ? active
              : null;
        });
  }

  /**
   * Clicks add-note-button, types {@code text} into the editor that opens focused, and commits with
   * Escape. Returns the new note's id as soon as Escape is pressed.
   */
  public String createNote(String text) {
    return createNote(text, Commit.ESCAPE);
  }

  /** The three ways a person ends an edit. */
  public enum Commit {
    ESCAPE,
    CTRL_ENTER,
    CLICK_ELSEWHERE
  }

  /** Like {@link #createNote(String)}, committing the text the given way. */
  public String createNote(String text, Commit commit) {
    Set<String> before = noteIds();
    traceFocus();
    driver.findElement(ADD_NOTE_BUTTON).click();
    WebElement editor;
    try {
      editor = awaitFocusedEditor();
    } catch (TimeoutException e) {
      throw new AssertionError(
          name + ": add-note-button did not leave a focused note-editor; focus trace: " + trace(),
          e);
    }
    editor.sendKeys(text);
    String id =
        await(
            LONG,
            "a new note appears",
            d -> noteIds().stream().filter(n -> !before.contains(n)).findFirst().orElse(null));
    commit(editor, commit);
    return id;
  }

  private void commit(WebElement editor, Commit commit) {
    switch (commit) {
      case ESCAPE -> editor.sendKeys(Keys.ESCAPE);
      case CTRL_ENTER -> editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
      case CLICK_ELSEWHERE -> clickEmptyCanvas();
    }
  }

  /** Clicks the canvas background near its top left corner, where no note is drawn. */
  public void clickEmptyCanvas() {
    WebElement canvas = driver.findElement(CANVAS);
    Rectangle box = canvas.getRect();
    int dx = -box.getWidth() / 2 + 15;
    int dy = -box.getHeight() / 2 + 15;
    Object hit =
        script(
            "var r = arguments[0].getBoundingClientRect();"
                + "var el = document.elementFromPoint(r.left + 15, r.top + 15);"
                + "return el && el.closest('[data-testid=note]') ? 'note' : 'free';",
            canvas);
    assertThat(hit).as("%s: the canvas corner is free of notes", name).isEqualTo("free");
    new Actions(driver).moveToElement(canvas, dx, dy).click().perform();
  }

  /** {@link #createNote(String)}, then waits until this page shows it committed. */
  public String createNoteAndAwait(String text) {
    String id = createNote(text);
    awaitEditorClosed();
    awaitNoteText(id, text, LONG);
    return id;
  }

  private static final String TRACE_FOCUS =
      "if (window.__trace) return;"
          + "window.__trace = [];"
          + "var t0 = performance.now();"
          + "function label(el) {"
          + "  if (!el || !el.getAttribute) return String(el);"
          + "  return el.tagName.toLowerCase() + '[' + (el.getAttribute('data-testid') || '') + ']';"
          + "}"
          + "function log(what) { window.__trace.push(Math.round(performance.now() - t0) + ' ' + what); }"
          + "document.addEventListener('focusin', function (e) { log('focusin ' + label(e.target)); },"
          + "  true);"
          + "document.addEventListener('focusout', function (e) {"
          + "  log('focusout ' + label(e.target) + ' -> ' + label(e.relatedTarget)); }, true);"
          + "new MutationObserver(function (records) {"
          + "  records.forEach(function (r) {"
          + "    r.addedNodes.forEach(function (n) {"
          + "      if (n.tagName === 'TEXTAREA') log('editor added'); });"
          + "    r.removedNodes.forEach(function (n) {"
          + "      if (n.tagName === 'TEXTAREA') log('editor removed'); });"
          + "  });"
          + "}).observe(document.body, {childList: true, subtree: true});";

  /** Records focus moves and editor openings on the page, for failure messages. */
  public void traceFocus() {
    script(TRACE_FOCUS);
  }

  /** What {@link #traceFocus()} recorded so far. */
  public Object trace() {
    try {
      return script("return window.__trace || null;");
    } catch (RuntimeException e) {
      return e.toString();
    }
  }

  public void awaitEditorClosed() {
    await(
        LONG,
        "the note editor is closed",
        d -> d.findElements(NOTE_EDITOR).stream().noneMatch(WebElement::isDisplayed));
  }

  /** Gives the note the keyboard focus, as a Tab would. */
  public void focusNote(String id) {
    WebElement note = noteElement(id);
    script("arguments[0].focus();", note);
    await(LONG, "note " + id + " has the focus", d -> id.equals(focusedNoteId()));
  }

  private String focusedNoteId() {
    WebElement active = focused();
    return "note".equals(active.getDomAttribute("data-testid"))
        ? active.getDomAttribute("data-note-id")
        : null;
  }

  /** Presses keys on whatever has the focus. */
  public void press(CharSequence... keys) {
    Actions actions = new Actions(driver);
    for (CharSequence key : keys) {
      actions.sendKeys(key);
    }
    actions.perform();
  }

  /** Focuses the note, presses the arrow key {@code times} times; returns the drawn position. */
  public NoteView moveWithKeys(String id, Keys arrow, int times) {
    NoteView before = requireNote(id);
    focusNote(id);
    for (int i = 0; i < times; i++) {
      press(arrow);
    }
    double dx = arrow == Keys.ARROW_RIGHT ? 10 : arrow == Keys.ARROW_LEFT ? -10 : 0;
    double dy = arrow == Keys.ARROW_DOWN ? 10 : arrow == Keys.ARROW_UP ? -10 : 0;
    return awaitNoteAt(id, before.x() + dx * times, before.y() + dy * times, LONG);
  }

  /** Drags the note with the mouse by a few pointer moves; returns the drawn position after. */
  public NoteView drag(String id, int dx, int dy) {
    NoteView before = requireNote(id);
    WebElement note = noteElement(id);
    new Actions(driver)
        .moveToElement(note)
        .clickAndHold()
        .moveByOffset(dx / 4, dy / 4)
        .moveByOffset(dx / 4, dy / 4)
        .moveByOffset(dx - 2 * (dx / 4), dy - 2 * (dy / 4))
        .release()
        .perform();
    return await(
        LONG,
        "note " + id + " moved by the drag from " + before,
        d -> note(id).filter(n -> !n.at(before.x(), before.y())).orElse(null));
  }

  /**
   * Focuses the note, opens its editor with Enter, replaces the text and commits with Ctrl+Enter;
   * returns as soon as Ctrl+Enter is pressed.
   */
  public void editText(String id, String text) {
    focusNote(id);
    press(Keys.ENTER);
    WebElement editor = awaitFocusedEditor();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    editor.sendKeys(text);
    commit(editor, Commit.CTRL_ENTER);
  }

  // ---- participants --------------------------------------------------------------------------

  /** Waits until the participant list shows that participant online under that name. */
  public void awaitParticipantOnline(String participantId, String displayName, Duration timeout) {
    await(
        timeout,
        "participant-list shows " + displayName + " (" + participantId + ") online",
        d ->
            d.findElements(PARTICIPANT).stream()
                .anyMatch(
                    p ->
                        participantId.equals(p.getDomAttribute("data-participant-id"))
                            && "true".equals(p.getDomAttribute("data-online"))
                            && p.getText().contains(displayName)));
  }

  public long participantsNamed(String displayName) {
    return driver.findElements(PARTICIPANT).stream()
        .filter(p -> p.getText().contains(displayName))
        .count();
  }

  private static double number(Object value) {
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // ---- exports and import (EX1, EX2) ---------------------------------------------------------

  public static final By EXPORT_MENU = testId("export-menu");
  public static final By IMPORT_FILE = testId("import-file");
  public static final By IMPORT_ERROR = testId("import-error");
  public static final By TOAST = testId("toast");

  /** One of the export menu's items: {@code md}, {@code csv} or {@code json}. */
  public static By exportItem(String format) {
    return testId("export-" + format);
  }

  /** On the home page: chooses a file for the import control, as a person picking it would. */
  public void chooseImportFile(java.nio.file.Path file) {
    awaitVisible(IMPORT_FILE, LONG).sendKeys(file.toAbsolutePath().toString());
  }

  /** Waits until a toast says something containing {@code text}. */
  public void awaitToast(String text) {
    await(
        LONG,
        "a toast containing '" + text + "'",
        d -> d.findElements(TOAST).stream().anyMatch(t -> t.getText().contains(text)));
  }
}
