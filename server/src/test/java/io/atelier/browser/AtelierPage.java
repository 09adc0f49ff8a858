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

  // ---- role map (RM1) ------------------------------------------------------------------------

  public static final By ROLE_MAP_TOGGLE = testId("role-map-toggle");
  public static final By ROLE_MAP = testId("role-map");

  /** One person's marker on a pillar, as the role map draws it. */
  public record RoleMarker(String participantId, String name, String role, boolean online) {}

  /** A pillar of the role map as drawn: its name, count and markers in the order shown. */
  public record RolePillar(String pillar, String name, int count, List<RoleMarker> markers) {}

  private static final String READ_ROLE_MAP =
      "return Array.from(document.querySelectorAll('[data-testid=role-pillar]')).map(function (p) {"
          + "  function text(el, id) {"
          + "    var found = el.querySelector('[data-testid=' + id + ']');"
          + "    return found ? found.textContent : null; }"
          + "  return {pillar: p.getAttribute('data-pillar'),"
          + "    name: p.querySelector('h3').textContent,"
          + "    count: p.querySelector('[data-testid=role-count]').getAttribute('data-count'),"
          + "    markers: Array.from(p.querySelectorAll('[data-testid=role-marker]')).map(function (m) {"
          + "      return {id: m.getAttribute('data-participant-id'), name: text(m, 'role-marker-name'),"
          + "              role: text(m, 'role-marker-role') || '',"
          + "              online: !m.classList.contains('offline')}; })};"
          + "});";

  /** Clicks role-map-toggle (in the "⋯" menu if folded there) and waits for the dialog. */
  public WebElement openRoleMap() {
    headerControl(ROLE_MAP_TOGGLE).click();
    return awaitVisible(ROLE_MAP, LONG);
  }

  public boolean roleMapOpen() {
    return driver.findElements(ROLE_MAP).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Every pillar of the role map, in the order drawn. */
  public List<RolePillar> rolePillars() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> raw = (List<Map<String, Object>>) script(READ_ROLE_MAP);
    return raw.stream()
        .map(
            p -> {
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> markers = (List<Map<String, Object>>) p.get("markers");
              return new RolePillar(
                  (String) p.get("pillar"),
                  (String) p.get("name"),
                  (int) number(p.get("count")),
                  markers.stream()
                      .map(
                          m ->
                              new RoleMarker(
                                  (String) m.get("id"),
                                  (String) m.get("name"),
                                  (String) m.get("role"),
                                  Boolean.TRUE.equals(m.get("online"))))
                      .toList());
            })
        .toList();
  }

  public RolePillar rolePillar(String pillar) {
    return rolePillars().stream()
        .filter(p -> pillar.equals(p.pillar()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " shows no role-pillar " + pillar));
  }

  /** Waits until the pillar's summary holds exactly these participants, in this order. */
  public RolePillar awaitRoleMarkers(String pillar, List<String> participantIds, Duration timeout) {
    return await(
        timeout,
        "role-pillar " + pillar + " lists " + participantIds,
        d -> {
          RolePillar shown = rolePillar(pillar);
          List<String> ids = shown.markers().stream().map(RoleMarker::participantId).toList();
          return ids.equals(participantIds) && shown.count() == ids.size() ? shown : null;
        });
  }

  public WebElement roleControl(String pillar, String testId) {
    return driver
        .findElement(By.cssSelector("[data-testid=role-pillar][data-pillar=" + pillar + "]"))
        .findElement(testId(testId));
  }

  /** Ticks "I contribute here" on the pillar (if it is not) and types the role, then Enter. */
  public void placeRole(String pillar, String role) {
    WebElement checkbox = roleControl(pillar, "role-contribute");
    if (!checkbox.isSelected()) {
      checkbox.click();
    }
    WebElement input = roleControl(pillar, "role-input");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    if (!role.isEmpty()) {
      input.sendKeys(role, Keys.ENTER);
    }
  }

  /** Unticks "I contribute here" on the pillar. */
  public void removeRole(String pillar) {
    WebElement checkbox = roleControl(pillar, "role-contribute");
    assertThat(checkbox.isSelected()).as("%s: %s is ticked before removal", name, pillar).isTrue();
    checkbox.click();
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

  // ---- agenda, stage, timer and walk-through (issue 4) ---------------------------------------

  public static final By AGENDA_TOGGLE = testId("agenda-toggle");
  public static final By AGENDA_PANEL = testId("agenda-panel");
  public static final By AGENDA_STEP = testId("agenda-step");
  public static final By APPLY_PRESET = testId("apply-preset");
  public static final By NEXT_STEP = testId("next-step");
  public static final By ROAMING_TOGGLE = testId("roaming-toggle");
  public static final By STAGE = testId("stage");
  public static final By STAGE_TITLE = testId("stage-title");
  public static final By STAGE_KIND = testId("stage-kind");
  public static final By STAGE_CLOSE = testId("stage-close");
  public static final By STAGE_CHIP = testId("stage-chip");
  public static final By TIMER = testId("timer");
  public static final By PILLAR_FOCUS = testId("pillar-focus");
  public static final By LANGUAGE_TOGGLE = testId("language-toggle");

  /** What the timer shows, and when (this machine's clock) it was read. */
  public record TimerReading(String status, long remainingMs, String text, long readAtMillis) {}

  /** Whether the element is in the page and shown. */
  public boolean shown(By locator) {
    return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Switches the page to that language ("fr" or "en") with the top bar's button. */
  public void chooseLanguage(String language) {
    String wanted = "en".equals(language) ? "en" : "fr-CA";
    if (!wanted.equals(driver.findElement(By.tagName("html")).getDomAttribute("lang"))) {
      headerControl(LANGUAGE_TOGGLE).click();
    }
    await(
        LONG,
        "the page is in " + language,
        d -> wanted.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
  }

  /** Waits until the server has welcomed this page as the facilitator (HS7). */
  public void awaitFacilitator() {
    await(
        LONG,
        "welcomed as facilitator",
        d -> Boolean.TRUE.equals(script("return window.atelier.room.isFacilitator();")));
  }

  public void openAgenda() {
    if (!shown(AGENDA_PANEL)) {
      headerControl(AGENDA_TOGGLE).click();
    }
    awaitVisible(AGENDA_PANEL, LONG);
  }

  /** The titles of the agenda panel's steps, in order. */
  @SuppressWarnings("unchecked")
  public List<String> agendaTitles() {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll('[data-testid=agenda-step]'))"
                + ".map(function (s) {"
                + "  return s.querySelector('[data-testid=agenda-step-title]').textContent; });");
  }

  public List<String> awaitAgendaTitles(List<String> titles, Duration timeout) {
    return await(
        timeout,
        "the agenda lists " + titles + " (now " + agendaTitles() + ")",
        d -> titles.equals(agendaTitles()) ? titles : null);
  }

  /** The facilitator applies "Atelier MSC, 3 heures" to an empty agenda: nine steps. */
  public void applyMscPreset() {
    openAgenda();
    awaitVisible(APPLY_PRESET, LONG).click();
    await(LONG, "the preset's nine steps", d -> agendaTitles().size() == 9);
  }

  /** The step's row in the agenda panel, counting from 0. */
  public WebElement agendaStep(int index) {
    List<WebElement> steps = driver.findElements(AGENDA_STEP);
    if (index >= steps.size()) {
      throw new AssertionError(name + " shows " + steps.size() + " steps, not " + (index + 1));
    }
    return steps.get(index);
  }

  /** Clicks a button of a step's row (step-go, step-edit, step-up ...). */
  public void clickStepButton(int index, String testid) {
    agendaStep(index).findElement(testId(testid)).click();
  }

  /** The stage's title while the stage shows a step, otherwise null. */
  public String stageTitle() {
    return driver.findElements(STAGE_TITLE).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .findFirst()
        .orElse(null);
  }

  public String awaitStageTitle(String title, Duration timeout) {
    return await(
        timeout,
        "the stage shows '" + title + "' (now " + stageTitle() + ")",
        d -> title.equals(stageTitle()) ? title : null);
  }

  /** The stage's kind label as written (the page shows it in capitals). */
  public String stageKind() {
    return driver.findElement(STAGE_KIND).getDomProperty("textContent");
  }

  public TimerReading timer() {
    long before = System.currentTimeMillis();
    @SuppressWarnings("unchecked")
    List<String> values =
        (List<String>)
            script(
                "var t = document.querySelector('[data-testid=timer]');"
                    + "return t ? [t.getAttribute('data-status'),"
                    + " t.getAttribute('data-remaining-ms'),"
                    + " t.querySelector('.timer-value').textContent] : null;");
    long after = System.currentTimeMillis();
    if (values == null || values.get(1) == null) {
      return new TimerReading(null, -1, null, after);
    }
    return new TimerReading(
        values.get(0), Long.parseLong(values.get(1)), values.get(2), (before + after) / 2);
  }

  public TimerReading awaitTimerStatus(String status, Duration timeout) {
    return await(
        timeout,
        "the timer is " + status + " (now " + timer() + ")",
        d -> {
          TimerReading reading = timer();
          return status.equals(reading.status()) ? reading : null;
        });
  }

  /** Opens the timer's popover, unless it is open. */
  public void openTimerMenu() {
    if (!shown(testId("timer-popover"))) {
      driver.findElement(testId("timer-menu")).click();
    }
    awaitVisible(testId("timer-popover"), LONG);
  }

  /** The facilitator starts a countdown of that many minutes. */
  public void startTimer(int minutes) {
    openTimerMenu();
    WebElement input = awaitVisible(testId("timer-minutes"), LONG);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(minutes));
    driver.findElement(testId("timer-start")).click();
  }

  /** Clicks one of the timer's buttons (timer-pause, timer-resume, timer-stop ...). */
  public void timerButton(String testid) {
    openTimerMenu();
    awaitVisible(testId(testid), LONG).click();
  }

  /** The pillar in focus as the banner shows it: its name, then its questions. */
  @SuppressWarnings("unchecked")
  public List<String> pillarFocus() {
    if (!shown(PILLAR_FOCUS)) {
      return List.of();
    }
    return (List<String>)
        script(
            "var f = document.querySelector('[data-testid=pillar-focus]');"
                + "return [f.querySelector('[data-testid=pillar-focus-name]').textContent]"
                + ".concat(Array.from(f.querySelectorAll('[data-testid=pillar-focus-questions] li'))"
                + ".map(function (li) { return li.textContent; }));");
  }

  public List<String> awaitPillarFocus(List<String> expected, Duration timeout) {
    return await(
        timeout,
        "the pillar banner shows " + expected + " (now " + pillarFocus() + ")",
        d -> expected.equals(pillarFocus()) ? expected : null);
  }

  // ---- canvases, zones and pillar balance (issue 4) ------------------------------------------

  public static final By CANVAS_TAB = testId("canvas-tab");
  public static final By ZONE = testId("zone");
  public static final By PILLAR_BALANCE = testId("pillar-balance");
  public static final By MINIATURE = testId("canvas-miniature");
  public static final By TOAST = testId("toast");

  /** A zone of the current canvas's template as drawn: its name and guiding questions. */
  public record ZoneView(String id, String pillar, String name, List<String> questions) {}

  /** The zones drawn under the notes, in the template's order, with their visible texts. */
  public List<ZoneView> zones() {
    return driver.findElements(ZONE).stream()
        .map(
            zone ->
                new ZoneView(
                    zone.getDomAttribute("data-zone-id"),
                    zone.getDomAttribute("data-pillar"),
                    zone.findElement(testId("zone-name")).getText(),
                    zone.findElements(testId("zone-question")).stream()
                        .map(WebElement::getText)
                        .toList()))
        .toList();
  }

  public WebElement zoneElement(String zoneId) {
    return driver.findElement(By.cssSelector("[data-testid=zone][data-zone-id='" + zoneId + "']"));
  }

  /** The canvas tabs in order: canvas id to the name shown. */
  public Map<String, String> canvasTabs() {
    Map<String, String> tabs = new java.util.LinkedHashMap<>();
    for (WebElement tab : driver.findElements(CANVAS_TAB)) {
      tabs.put(
          tab.getDomAttribute("data-canvas-id"),
          tab.findElement(By.className("canvas-tab-name")).getText());
    }
    return tabs;
  }

  /** The canvas whose tab is selected, or null. */
  public String currentCanvasId() {
    return driver.findElements(CANVAS_TAB).stream()
        .filter(tab -> "true".equals(tab.getDomAttribute("aria-selected")))
        .map(tab -> tab.getDomAttribute("data-canvas-id"))
        .findFirst()
        .orElse(null);
  }

  public WebElement canvasTab(String canvasId) {
    return driver.findElement(
        By.cssSelector("[data-testid=canvas-tab][data-canvas-id='" + canvasId + "']"));
  }

  public void awaitCurrentCanvas(String canvasId, Duration timeout) {
    await(timeout, "the canvas " + canvasId + " is shown", d -> canvasId.equals(currentCanvasId()));
  }

  /** The balance panel's count for a pillar, or -1 when it is not shown. */
  public int pillarCount(String pillar) {
    return driver
        .findElements(By.cssSelector("[data-testid=pillar-count][data-pillar='" + pillar + "']"))
        .stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .map(Integer::parseInt)
        .findFirst()
        .orElse(-1);
  }

  /** Sets the view to 100 % with the key a person would press, keeping the centre in place. */
  public void actualSize() {
    // The first view of a canvas fits its template once the template has loaded: wait for its
    // zones first, or that fit could undo the 100 % afterwards (a race under load).
    await(LONG, "the template's zones are drawn", d -> !d.findElements(testId("zone")).isEmpty());
    WebElement canvas = driver.findElement(CANVAS);
    script("arguments[0].focus();", canvas);
    press("1");
    await(
        LONG,
        "zoom shows 100 %",
        d -> d.findElement(testId("zoom-reset")).getText().replace('\u00a0', ' ').equals("100 %"));
  }

  /**
   * Finds a point of the zone where no earlier zone and no note lies (the community's centre is the
   * values zone's), as an offset from the canvas's centre, trying the centre first.
   */
  private static final String FREE_POINT_IN_ZONE =
      "var target = arguments[0], board = arguments[1].getBoundingClientRect();"
          + "var zones = [...document.querySelectorAll('[data-testid=zone]')];"
          + "var r = target.getBoundingClientRect();"
          + "for (var step = 0; step <= 4; step++) {"
          + "  for (var i = 0; i <= 2 * step; i++) {"
          + "    for (var j = 0; j <= 2 * step; j++) {"
          + "      var x = r.left + r.width * (i + 0.5 + 4 - step) / 9;"
          + "      var y = r.top + r.height * (j + 0.5 + 4 - step) / 9;"
          + "      var first = zones.find(function (z) { var b = z.getBoundingClientRect();"
          + "        return x >= b.left && x < b.right && y >= b.top && y < b.bottom; });"
          + "      var hit = document.elementFromPoint(x, y);"
          + "      if (first === target && hit === arguments[1]) {"
          + "        return {x: Math.round(x - (board.left + board.width / 2)),"
          + "                y: Math.round(y - (board.top + board.height / 2))};"
          + "      }"
          + "    }"
          + "  }"
          + "}"
          + "return null;";

  /**
   * Double-clicks the canvas inside a zone (zones let clicks through to the board), types the text
   * and commits with Escape. Returns the new note's id once it shows the text.
   */
  public String createNoteInZone(String zoneId, String text) {
    Set<String> before = noteIds();
    WebElement canvas = driver.findElement(CANVAS);
    @SuppressWarnings("unchecked")
    Map<String, Number> offset =
        (Map<String, Number>) script(FREE_POINT_IN_ZONE, zoneElement(zoneId), canvas);
    assertThat(offset).as("%s: a free point in zone %s", name, zoneId).isNotNull();
    new Actions(driver)
        .moveToElement(canvas, offset.get("x").intValue(), offset.get("y").intValue())
        .doubleClick()
        .perform();
    WebElement editor = awaitVisible(NOTE_EDITOR, LONG);
    editor.sendKeys(text);
    String id =
        await(
            LONG,
            "a new note appears",
            d -> noteIds().stream().filter(n -> !before.contains(n)).findFirst().orElse(null));
    editor.sendKeys(Keys.ESCAPE);
    awaitEditorClosed();
    awaitNoteText(id, text, LONG);
    return id;
  }

  /** Waits for a toast whose text contains {@code text}. */
  public void awaitToast(String text, Duration timeout) {
    await(
        timeout,
        "a toast saying " + text,
        d -> d.findElements(TOAST).stream().anyMatch(toast -> toast.getText().contains(text)));
  }

  /** A miniature of the overview, by canvas id, or null when it is not drawn. */
  public WebElement miniature(String canvasId) {
    return driver
        .findElements(
            By.cssSelector("[data-testid=canvas-miniature][data-canvas-id='" + canvasId + "']"))
        .stream()
        .findFirst()
        .orElse(null);
  }

  // ---- images in the agenda's step texts (AG1) -----------------------------------------------

  /** The facilitator adds a step of that kind at the end; its editor opens. Returns its index. */
  public int addStep(String kind) {
    openAgenda();
    int before = agendaTitles().size();
    new org.openqa.selenium.support.ui.Select(driver.findElement(testId("new-step-kind")))
        .selectByValue(kind);
    driver.findElement(testId("add-step")).click();
    await(LONG, "a step is added", d -> agendaTitles().size() == before + 1);
    awaitVisible(testId("step-editor"), LONG);
    return before;
  }

  /** The text area of a step's body, in its (open) editor. */
  public WebElement stepBody(int index) {
    return agendaStep(index).findElement(testId("step-body"));
  }

  public String stepBodyValue(int index) {
    return stepBody(index).getDomProperty("value");
  }

  /**
   * Clicks the step's "insert an image" button, as a person would (it notes where the caret is),
   * then chooses the file in the file input it opens.
   */
  public void chooseStepImage(int index, java.nio.file.Path file) {
    WebElement step = agendaStep(index);
    step.findElement(testId("step-image")).click();
    step.findElement(testId("step-image-file")).sendKeys(file.toAbsolutePath().toString());
  }

  /** Waits until the step's upload status says that text; returns its role (status or alert). */
  public String awaitUploadStatus(int index, String text, Duration timeout) {
    return await(
        timeout,
        "the upload status says '" + text + "' (now '" + uploadStatus(index) + "')",
        d ->
            text.equals(uploadStatus(index))
                ? agendaStep(index).findElement(testId("upload-status")).getDomAttribute("role")
                : null);
  }

  /** The status under a step's text, with French no-break spaces (i18n.js) read as spaces. */
  public String uploadStatus(int index) {
    return agendaStep(index)
        .findElement(testId("upload-status"))
        .getDomProperty("textContent")
        .replace('\u00a0', ' ');
  }

  /**
   * Waits until the stage's text shows an image that the browser has loaded (its natural width is
   * above 0); returns its {@code src} as written in the page.
   */
  public String awaitStageImageLoaded(Duration timeout) {
    return await(
        timeout,
        "an image of the stage is loaded",
        d ->
            (String)
                script(
                    "var img = document.querySelector('[data-testid=stage-body] img');"
                        + "return img && img.complete && img.naturalWidth > 0"
                        + " ? img.getAttribute('src') : null;"));
  }

  // ---- exports and import (EX1, EX2) ---------------------------------------------------------

  public static final By EXPORT_MENU = testId("export-menu");
  public static final By IMPORT_FILE = testId("import-file");
  public static final By IMPORT_ERROR = testId("import-error");

  /** One of the export menu's items: {@code md}, {@code csv} or {@code json}. */
  public static By exportItem(String format) {
    return testId("export-" + format);
  }

  /** On the home page: chooses a file for the import control, as a person picking it would. */
  public void chooseImportFile(java.nio.file.Path file) {
    awaitVisible(IMPORT_FILE, LONG).sendKeys(file.toAbsolutePath().toString());
  }

  // ---- layout: the top bar's "⋯" menu and the canvas tools' menu -----------------------------

  public static final By TOP_BAR = testId("topbar");
  public static final By MORE_MENU = testId("more-menu");
  public static final By CANVAS_TOOLS_MENU = testId("canvas-tools-menu");

  /**
   * A control of the top bar, shown: when the bar has folded it into the "⋯" menu (a phone, a long
   * title beside a running timer), the menu is opened first, as a person would do.
   */
  public WebElement headerControl(By control) {
    return throughMenu(control, MORE_MENU);
  }

  /** A tool of the canvas bar, shown: on a phone the tools are behind the bar's "⋯" button. */
  public WebElement canvasTool(By tool) {
    return throughMenu(tool, CANVAS_TOOLS_MENU);
  }

  private WebElement throughMenu(By control, By menuButton) {
    if (!shown(control) && shown(menuButton)) {
      WebElement button = driver.findElement(menuButton);
      if (!"true".equals(button.getDomAttribute("aria-expanded"))) {
        button.click();
      }
    }
    return awaitVisible(control, LONG);
  }

  /** Whether the "⋯" menu of the top bar is open. */
  public boolean moreMenuOpen() {
    return shown(testId("more-menu-list"));
  }

  // ---- the projector view (HS8) and driving the round table from a page (issue 5) ------------

  public static final By PROJECTOR_SPEAKER = testId("projector-speaker");
  public static final By PROJECTOR_NEXT = testId("projector-next");
  public static final By PROJECTOR_COUNTDOWN = testId("projector-countdown");
  public static final By PROJECTOR_PHASE = testId("projector-phase");
  public static final By PROJECTOR_STEP = testId("projector-step");
  public static final By PROJECTOR_TITLE = testId("projector-title");
  public static final By PROJECTOR_AGENDA_TITLE = testId("projector-agenda-title");
  public static final By PROJECTOR_STATUS = testId("projector-status");
  public static final By PROJECTOR_LINK = testId("projector-link");

  /** Opens the projector view of a workshop and waits until its observer socket is connected. */
  public AtelierPage openProjector(String projectorUrl) {
    driver.get(projectorUrl);
    awaitProjectorConnected();
    return this;
  }

  public AtelierPage reloadProjector() {
    driver.navigate().refresh();
    awaitProjectorConnected();
    return this;
  }

  public void awaitProjectorConnected() {
    await(
        LONG,
        "the projector view is connected",
        d ->
            d.findElements(PROJECTOR_STATUS).stream()
                .anyMatch(s -> "connected".equals(s.getDomAttribute("data-state"))));
  }

  /**
   * The projector's turn as painted, read in one script: {@code paintedAt} is when it was painted
   * on the page's monotonic clock ({@code performance.now()}), {@code monotonicNow} that clock at
   * the read, and {@code localNow} the machine's time at the read.
   */
  public record ProjectorTurn(
      boolean shown,
      String speakerId,
      String speakerName,
      String nextId,
      String next,
      String text,
      String phase,
      long remainingMs,
      long paintedAt,
      long monotonicNow,
      long localNow) {
    /** How long before the read the turn was painted. */
    public long ageMs() {
      return monotonicNow - paintedAt;
    }

    /**
     * The instant, on this machine's clock (which every browser here shares), at which the turn as
     * painted ends: it does not depend on when the page was read, nor on the page's own clock.
     */
    public long impliedLocalEnd() {
      return localNow - ageMs() + remainingMs;
    }
  }

  private static final String READ_PROJECTOR_TURN =
      "var q = function (id) { return document.querySelector('[data-testid=' + id + ']'); };"
          + "var section = q('projector-round'), speaker = q('projector-speaker');"
          + "var next = q('projector-next'), clock = q('projector-countdown');"
          + "var local = (window.__machineNow || Date.now)(), monotonic = performance.now();"
          + "return {shown: !section.hidden, speakerId: speaker.getAttribute('data-participant-id'),"
          + "  speakerName: speaker.textContent, nextId: next.getAttribute('data-participant-id'),"
          + "  next: next.textContent, text: clock.textContent,"
          + "  phase: clock.getAttribute('data-phase'),"
          + "  remaining: Number(clock.getAttribute('data-remaining-ms')),"
          + "  paintedAt: Number(clock.getAttribute('data-painted-at')), monotonic: monotonic,"
          + "  local: local};";

  public ProjectorTurn projectorTurn() {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) script(READ_PROJECTOR_TURN);
    return new ProjectorTurn(
        Boolean.TRUE.equals(r.get("shown")),
        (String) r.get("speakerId"),
        text(r.get("speakerName")),
        (String) r.get("nextId"),
        text(r.get("next")),
        (String) r.get("text"),
        (String) r.get("phase"),
        (long) number(r.get("remaining")),
        (long) number(r.get("paintedAt")),
        Math.round(number(r.get("monotonic"))),
        (long) number(r.get("local")));
  }

  /** Waits until the projector shows a turn that matches. */
  public ProjectorTurn awaitProjectorTurn(
      String what, java.util.function.Predicate<ProjectorTurn> matching) {
    return await(
        LONG,
        "the projector shows " + what + " (now " + projectorTurn() + ")",
        d -> {
          ProjectorTurn turn = projectorTurn();
          return turn.shown() && matching.test(turn) ? turn : null;
        });
  }

  /**
   * The current turn as this workshop page's engine holds it ({@code roundTable.current}), with the
   * time left computed now by js/round-clock.js from the page's server clock.
   */
  public record EngineTurn(
      String speakerId, double remainingMs, String phase, Long pausedRemainingMs, long localNow) {
    public long impliedLocalEnd() {
      return Math.round(localNow + remainingMs);
    }
  }

  private static final String READ_ENGINE_TURN =
      "var done = arguments[arguments.length - 1];"
          + "import('/js/round-clock.js').then(function (rc) {"
          + "  var a = window.atelier, table = a.engine.arrangement().roundTable;"
          + "  var current = table.current;"
          + "  if (!current) { done(null); return; }"
          + "  var local = (window.__machineNow || Date.now)();"
          + "  var clock = rc.turnClock(current, table.warningMs, a.connection.serverNow());"
          + "  done({speaker: current.participantId, remaining: clock.remainingMs,"
          + "    phase: clock.phase, paused: current.deadline == null ? current.remainingMs : null,"
          + "    local: local});"
          + "}).catch(function (e) { done({error: String(e)}); });";

  /** The engine's current turn, or null while no round runs. */
  public EngineTurn engineTurn() {
    @SuppressWarnings("unchecked")
    Map<String, Object> r =
        (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(READ_ENGINE_TURN);
    if (r == null) {
      return null;
    }
    if (r.containsKey("error")) {
      throw new AssertionError(name + ": " + r.get("error"));
    }
    Object paused = r.get("paused");
    return new EngineTurn(
        (String) r.get("speaker"),
        number(r.get("remaining")),
        (String) r.get("phase"),
        paused == null ? null : (long) number(paused),
        (long) number(r.get("local")));
  }

  public EngineTurn awaitEngineSpeaker(String participantId) {
    return await(
        LONG,
        "the engine's current speaker is " + participantId,
        d -> {
          EngineTurn turn = engineTurn();
          return turn != null && participantId.equals(turn.speakerId()) ? turn : null;
        });
  }

  private static final String SEND_CHANGE =
      "var done = arguments[arguments.length - 1], builder = arguments[0], args = arguments[1];"
          + "import('/js/protocol.js').then(function (p) {"
          + "  var a = window.atelier;"
          + "  var change = p[builder].apply(null, [a.room.ids].concat(args));"
          + "  a.connection.send(change);"
          + "  done(change.changeId);"
          + "}).catch(function (e) { done('failed: ' + e); });";

  /**
   * Proposes a change from this page, as its own UI would: {@code builder} names a function of
   * js/protocol.js, called with this page's id factory and {@code args}. Returns the change id.
   */
  public String sendChange(String builder, Object... args) {
    String changeId =
        (String)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(SEND_CHANGE, builder, java.util.Arrays.asList(args));
    assertThat(changeId).as("%s: %s", name, builder).doesNotStartWith("failed");
    return changeId;
  }

  /**
   * From the next page load on, this browser's clock ({@code Date.now}) runs {@code skewMs} ahead
   * of the machine's, as a laptop set by hand would; {@code window.__machineNow()} keeps the
   * machine's time for the reading scripts above, so that pages can still be compared on one clock.
   */
  public void skewClock(long skewMs) {
    ((org.openqa.selenium.chromium.ChromiumDriver) driver)
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                "(function () { var machine = Date.now.bind(Date); window.__machineNow = machine;"
                    + " Date.now = function () { return machine() + "
                    + skewMs
                    + "; }; })();"));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString().replace('\u00a0', ' ');
  }

  // ---- round table (RT1 to RT9) --------------------------------------------------------------

  public static final By ROUND_TABLE_TOGGLE = testId("round-table-toggle");
  public static final By ROUND_PANEL = testId("round-panel");
  public static final By TURN_CARD = testId("turn-card");
  public static final By TURN_SPEAKER = testId("turn-speaker");
  public static final By TURN_COUNTDOWN = testId("turn-countdown");

  /**
   * What the turn card shows: the speaker's id, the time left at the last paint and its phase, the
   * countdown's text, and when (this machine's clock) it was read. Without a card, all null.
   */
  public record TurnReading(
      String speakerId, long remainingMs, String phase, String text, long readAtMillis) {}

  /** Opens the facilitator's round table panel (through the ⋯ menu if the bar folded it). */
  public WebElement openRoundTable() {
    if (!shown(ROUND_PANEL)) {
      headerControl(ROUND_TABLE_TOGGLE).click();
    }
    return awaitVisible(ROUND_PANEL, LONG);
  }

  /** A control of the round table panel, once shown. */
  public WebElement roundControl(String testid) {
    return awaitVisible(
        By.cssSelector("[data-testid=round-panel] [data-testid=" + testid + "]"), LONG);
  }

  /** The speaking order as the facilitator's panel lists it: participant ids, in order. */
  @SuppressWarnings("unchecked")
  public List<String> panelOrder() {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll('[data-testid=round-order-item]'))"
                + ".map(function (row) { return row.getAttribute('data-participant-id'); });");
  }

  public List<String> awaitPanelOrder(List<String> ids, Duration timeout) {
    return await(
        timeout,
        "the panel lists the order " + ids + " (now " + panelOrder() + ")",
        d -> ids.equals(panelOrder()) ? ids : null);
  }

  /** The speaking order this page's engine holds (RT8): what the server confirmed, and its own. */
  @SuppressWarnings("unchecked")
  public List<String> sharedOrder() {
    return (List<String>)
        script("return window.atelier.engine.arrangement().roundTable.order.slice();");
  }

  public void awaitSharedOrder(List<String> ids, Duration timeout) {
    await(
        timeout,
        "the shared order is " + ids + " (now " + sharedOrder() + ")",
        d -> ids.equals(sharedOrder()));
  }

  /** A button in a person's row of the speaking order (round-order-up, round-order-remove ...). */
  public WebElement orderRowControl(String participantId, String testid) {
    return driver.findElement(
        By.cssSelector(
            "[data-testid=round-order-item][data-participant-id='"
                + participantId
                + "'] [data-testid="
                + testid
                + "]"));
  }

  public TurnReading turn() {
    long before = System.currentTimeMillis();
    @SuppressWarnings("unchecked")
    List<String> values =
        (List<String>)
            script(
                "var card = document.querySelector('[data-testid=turn-card]');"
                    + "var s = document.querySelector('[data-testid=turn-speaker]');"
                    + "var c = document.querySelector('[data-testid=turn-countdown]');"
                    + "if (!card || card.hidden || card.dataset.state !== 'running') return null;"
                    + "return [s.getAttribute('data-participant-id'),"
                    + " c.getAttribute('data-remaining-ms'), c.getAttribute('data-phase'),"
                    + " c.querySelector('.turn-countdown-value').textContent];");
    long after = System.currentTimeMillis();
    if (values == null || values.get(1) == null) {
      return new TurnReading(null, 0, null, null, after);
    }
    return new TurnReading(
        values.get(0),
        Long.parseLong(values.get(1)),
        values.get(2),
        values.get(3),
        (before + after) / 2);
  }

  /** Waits until the turn card shows that participant speaking. */
  public TurnReading awaitSpeaker(String participantId, Duration timeout) {
    return await(
        timeout,
        "the turn card shows " + participantId + " speaking (now " + turn() + ")",
        d -> {
          TurnReading reading = turn();
          return participantId.equals(reading.speakerId()) ? reading : null;
        });
  }

  /** Waits until the turn card is in that state: running, ended, preparing, or none (hidden). */
  public void awaitTurnCard(String state, Duration timeout) {
    await(
        timeout,
        "the turn card is " + state,
        d ->
            state.equals(
                script(
                    "var card = document.querySelector('[data-testid=turn-card]');"
                        + "return !card || card.hidden ? 'none' : card.dataset.state;")));
  }

  /** The text of an element shown on the page, French no-break spaces read as spaces. */
  public String text(By locator) {
    return awaitVisible(locator, LONG).getDomProperty("textContent").replace('\u00a0', ' ');
  }

  // ---- roles and joining (RO1 to RO7): badges, the person menu, access, QR, the gate ----------

  public static final By ACCESS_MENU_ITEM = testId("access-menu-item");
  public static final By QR_MENU_ITEM = testId("qr-menu-item");
  public static final By ACCESS_DIALOG = testId("access-dialog");
  public static final By QR_DIALOG = testId("qr-dialog");
  public static final By ACCESS_GATE = testId("access-gate");
  public static final By PASSCODE_INPUT = testId("passcode-input");
  public static final By PASSCODE_ERROR = testId("passcode-error");
  public static final By LOCKED_FLAG = testId("locked-flag");
  public static final By OBSERVER_FLAG = testId("observer-flag");
  public static final By NEW_CANVASES = testId("new-canvases");
  public static final By PROJECTOR_QR = testId("projector-qr");
  public static final By PROJECTOR_QR_TOGGLE = testId("projector-qr-toggle");

  /** A person's row in the people list. */
  public WebElement personRow(String participantId) {
    return driver.findElement(
        By.cssSelector("[data-testid=participant][data-participant-id='" + participantId + "']"));
  }

  /** The badge beside a person ("animation", "observation"); empty when none is shown. */
  public String accessBadge(String participantId) {
    return personRow(participantId).findElements(testId("access-badge")).stream()
        .filter(WebElement::isDisplayed)
        .map(badge -> badge.getDomProperty("textContent"))
        .findFirst()
        .orElse("");
  }

  public void awaitAccessBadge(String participantId, String text, Duration timeout) {
    await(
        timeout,
        participantId + "'s badge reads \"" + text + "\"",
        d -> text.equals(accessBadge(participantId)));
  }

  /**
   * Chooses an action of a person's menu with the keyboard, as the facilitator would: focus on the
   * menu's button, Enter opens it, Down until the action, Enter. {@code action} is makeFacilitator,
   * handOver, makeParticipant, makeObserver or remove.
   */
  public void choosePersonAction(String participantId, String action) {
    WebElement button =
        await(
            LONG,
            "the person menu of " + participantId,
            d ->
                personRow(participantId).findElements(testId("person-menu")).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
    script("arguments[0].focus();", button);
    press(Keys.ENTER);
    await(
        LONG, "the person menu is open", d -> "menuitem".equals(focused().getDomAttribute("role")));
    for (int i = 0; i < 6 && !action.equals(focused().getDomAttribute("data-action")); i++) {
      press(Keys.ARROW_DOWN);
    }
    assertThat(focused().getDomAttribute("data-action"))
        .as("%s in the menu", action)
        .isEqualTo(action);
    press(Keys.ENTER);
  }

  /** Confirms the open question (hand-over, removal); returns what it said, title and text. */
  public String confirm(String dialogTestId) {
    WebElement dialog = awaitVisible(testId(dialogTestId), LONG);
    String said = dialog.getText();
    dialog.findElement(testId("confirm-ok")).click();
    await(LONG, dialogTestId + " closed", d -> !shown(testId(dialogTestId)));
    return said;
  }

  public boolean facilitatorNow() {
    return Boolean.TRUE.equals(script("return window.atelier.room.isFacilitator();"));
  }

  /** Waits until the page's facilitator controls are all shown, or all gone (RO1, live). */
  public void awaitFacilitatorControls(boolean shown) {
    await(
        LONG,
        "the facilitator's controls are " + (shown ? "shown" : "gone"),
        d ->
            facilitatorNow() == shown
                && shown(NEW_CANVASES) == shown
                && shown(testId("facilitator-badge")) == shown
                && (boolean)
                        script(
                            "return !document.querySelector('.export-menu').hidden"
                                + " && !document.getElementById('delete-button').hidden"
                                + " && !document.querySelector('[data-testid=round-table-toggle]')"
                                + ".hidden;")
                    == shown);
  }

  /**
   * The HTTP status of a facilitator-only request made from the page with its own credential (the
   * key, or a promoted person's token: RO6).
   */
  public long fetchWithCredential(String path) {
    Object status =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {headers: {Authorization: 'Bearer '"
                    + " + window.atelier.room.credential()}})"
                    + ".then(function (r) { done(r.status); }, function () { done(-1); });",
                path);
    return ((Number) status).longValue();
  }

  /** A control of the "⋯" menu's access items, or another header control, opened and clicked. */
  public WebElement openFromMoreMenu(By item, By dialog) {
    headerControl(item).click();
    return awaitVisible(dialog, LONG);
  }

  /** Opens a workshop link as a newcomer and types the name, without waiting to get in. */
  public AtelierPage tryToJoin(String workshopUrl) {
    driver.get(workshopUrl);
    awaitVisible(NAME_INPUT, LONG).sendKeys(name);
    driver.findElement(NAME_SUBMIT).click();
    return this;
  }

  /** Waits for the gate that says why the page is not in the room (passcode, locked, removed). */
  public WebElement awaitGate(String failure) {
    return await(
        LONG,
        "the gate says " + failure,
        d ->
            d.findElements(ACCESS_GATE).stream()
                .filter(g -> g.isDisplayed() && failure.equals(g.getDomAttribute("data-failure")))
                .findFirst()
                .orElse(null));
  }

  /** Types a passcode in the gate's form and sends it. */
  public void enterPasscode(String passcode) {
    WebElement input = awaitVisible(PASSCODE_INPUT, LONG);
    input.clear();
    input.sendKeys(passcode);
    input.sendKeys(Keys.ENTER);
  }

  /** Whether an image has loaded (decoded with a size). */
  public boolean imageLoaded(WebElement image) {
    return Boolean.TRUE.equals(
        script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
  }

  // ---- locks (LK1 to LK3) and clusters of notes (CL1 to CL5), issue 6 ------------------------

  public static final By LOCK_STATUS = testId("lock-status");
  public static final By LOCK_CANVAS = testId("lock-canvas");
  public static final By SELECTION_BAR = testId("selection-bar");
  public static final By SELECTION_COUNT = testId("selection-count");
  public static final By GROUP_NOTES = testId("group-notes");
  public static final By CLUSTER_TITLE_INPUT = testId("cluster-title-input");
  public static final By CLUSTER_HELP = testId("cluster-help");

  /** The facilitator locks or unlocks the canvas shown, from the canvas tools. */
  public void toggleCanvasLock() {
    canvasTool(LOCK_CANVAS).click();
  }

  /** Waits until this page holds the canvas as locked or not (LK1). */
  public void awaitCanvasLocked(String canvasId, boolean locked, Duration timeout) {
    await(
        timeout,
        "canvas " + canvasId + " locked=" + locked,
        d ->
            Boolean.valueOf(locked)
                .equals(
                    script(
                        "var c = window.atelier.engine.arrangement().canvases.get(arguments[0]);"
                            + "return !!(c && c.locked);",
                        canvasId)));
  }

  /** Shift+click on a note: the facilitator adds it to the selection, or takes it out (CL1). */
  public void shiftClickNote(String noteId) {
    new Actions(driver).keyDown(Keys.SHIFT).click(noteElement(noteId)).keyUp(Keys.SHIFT).perform();
  }

  /** Space on a focused note: the keyboard's way to select it. */
  public void selectWithSpace(String noteId) {
    focusNote(noteId);
    press(Keys.SPACE);
  }

  /** The ids of the notes drawn as selected. */
  @SuppressWarnings("unchecked")
  public List<String> selectedNoteIds() {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll('[data-testid=note].selected'))"
                + ".map(function (n) { return n.getAttribute('data-note-id'); }).sort();");
  }

  /** The clusters this page holds, id to the ids of their notes, in the order they were made. */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> clusters() {
    List<List<Object>> raw =
        (List<List<Object>>)
            script(
                "return Array.from(window.atelier.engine.arrangement().clusters.values())"
                    + ".map(function (c) { return [c.id, c.noteIds]; });");
    Map<String, List<String>> clusters = new java.util.LinkedHashMap<>();
    raw.forEach(pair -> clusters.put((String) pair.get(0), (List<String>) pair.get(1)));
    return clusters;
  }

  /** "Group notes…", a title, Enter: returns the id of the new cluster once it is drawn. */
  public String groupSelectedNotes(String title) {
    Set<String> before = clusters().keySet();
    awaitVisible(GROUP_NOTES, LONG).click();
    WebElement input = awaitVisible(CLUSTER_TITLE_INPUT, LONG);
    input.sendKeys(title, Keys.ENTER);
    return await(
        LONG,
        "a cluster titled " + title + " is drawn",
        d ->
            clusters().keySet().stream()
                .filter(id -> !before.contains(id) && clusterFrame(id) != null)
                .findFirst()
                .orElse(null));
  }

  /** The frame of a cluster, or null when it is not drawn. */
  public WebElement clusterFrame(String clusterId) {
    return driver
        .findElements(
            By.cssSelector("[data-testid=cluster-frame][data-cluster-id='" + clusterId + "']"))
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** A control of a cluster's frame: cluster-handle, cluster-title, cluster-rename ... */
  public WebElement clusterControl(String clusterId, String testid) {
    return driver.findElement(
        By.cssSelector(
            "[data-testid=cluster-frame][data-cluster-id='"
                + clusterId
                + "'] [data-testid="
                + testid
                + "]"));
  }

  /** Drags a cluster's title by (dx, dy) screen pixels, in a few pointer moves, and drops it. */
  public void dragCluster(String clusterId, int dx, int dy) {
    new Actions(driver)
        .moveToElement(clusterControl(clusterId, "cluster-handle"))
        .clickAndHold()
        .moveByOffset(dx / 3, dy / 3)
        .moveByOffset(dx / 3, dy / 3)
        .moveByOffset(dx - 2 * (dx / 3), dy - 2 * (dy / 3))
        .release()
        .perform();
  }

  /** The board's zoom: screen pixels per canvas unit. */
  public double zoom() {
    return number(script("return window.atelier.room.board.viewport.scale;"));
  }

  // ---- undo and redo (UN1 to UN6) ------------------------------------------------------------

  public static final By UNDO_BUTTON = testId("undo-button");
  public static final By REDO_BUTTON = testId("redo-button");

  /** Ctrl+Z on whatever has the focus. */
  public void pressUndo() {
    new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
  }

  /** Ctrl+Shift+Z on whatever has the focus. */
  public void pressRedo() {
    new Actions(driver)
        .keyDown(Keys.CONTROL)
        .keyDown(Keys.SHIFT)
        .sendKeys("z")
        .keyUp(Keys.SHIFT)
        .keyUp(Keys.CONTROL)
        .perform();
  }

  /** What the undo or redo button says it would do ("Annuler : déplacer la note"), spaces plain. */
  public String undoButtonName(By button) {
    return text(driver.findElement(button).getDomAttribute("aria-label"));
  }

  /** Whether the undo or redo button has nothing to do (it stays focusable: aria-disabled). */
  public boolean undoButtonSpent(By button) {
    return "true".equals(driver.findElement(button).getDomAttribute("aria-disabled"));
  }

  /** Waits until the undo or redo button names that step (or says there is none). */
  public void awaitUndoButtonName(By button, String name, Duration timeout) {
    await(
        timeout,
        button + " is named '" + name + "' (now '" + undoButtonName(button) + "')",
        d -> name.equals(undoButtonName(button)));
  }

  /** Where this tab's engine has the note now, pending changes included (SY2). */
  public NoteView engineNote(String id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> note =
        (Map<String, Object>)
            script(
                "var n = window.atelier.engine.note(arguments[0]);"
                    + "return n && {id: n.id, x: n.x, y: n.y, text: n.text};",
                id);
    return note == null
        ? null
        : new NoteView(id, number(note.get("x")), number(note.get("y")), (String) note.get("text"));
  }

  // ---- private writing (PW1, PW2, CU4) -------------------------------------------------------

  public static final By PRIVATE_TOOL = testId("private-writing-tool");
  public static final By PRIVATE_BANNER = testId("private-banner");
  public static final By PRIVATE_REVEAL = testId("private-reveal");
  public static final By PRIVATE_START_DIALOG = testId("private-start-dialog");
  public static final By PRIVATE_REVEAL_DIALOG = testId("private-reveal-dialog");
  public static final By REVEAL_ANONYMOUS = testId("reveal-anonymous");

  /**
   * The facilitator starts private writing on the canvas shown: the canvas tool, then its dialog.
   */
  public void startPrivateWriting() {
    WebElement tool = canvasTool(PRIVATE_TOOL);
    assertThat(tool.getDomAttribute("data-state"))
        .as("%s: the tool starts it", name)
        .isEqualTo("public");
    tool.click();
    awaitVisible(PRIVATE_START_DIALOG, LONG).findElement(testId("dialog-submit")).click();
    awaitPrivateBanner(LONG);
  }

  /** The facilitator reveals the canvas shown from the banner, authors anonymous or not. */
  public void revealPrivateWriting(boolean anonymous) {
    awaitVisible(PRIVATE_REVEAL, LONG).click();
    WebElement dialog = awaitVisible(PRIVATE_REVEAL_DIALOG, LONG);
    WebElement box = dialog.findElement(REVEAL_ANONYMOUS);
    if (box.isSelected() != anonymous) {
      box.click();
    }
    dialog.findElement(testId("dialog-submit")).click();
    await(LONG, "the reveal dialog closed", d -> !shown(PRIVATE_REVEAL_DIALOG));
  }

  /** Waits until the private writing banner is shown; returns its sentence, spaces plain. */
  public String awaitPrivateBanner(Duration timeout) {
    awaitVisible(PRIVATE_BANNER, timeout);
    return text(driver.findElement(testId("private-banner-text")).getDomProperty("textContent"));
  }

  /** What the banner says of the notes of others hidden from this reader. */
  public String hiddenCount() {
    return text(driver.findElement(testId("private-hidden-count")).getDomProperty("textContent"));
  }

  public void awaitHiddenCount(String expected, Duration timeout) {
    await(
        timeout,
        "the banner says '" + expected + "' (now '" + hiddenCount() + "')",
        d -> shown(PRIVATE_BANNER) && expected.equals(hiddenCount()));
  }

  /**
   * Whether the text is anywhere in this page: its DOM, or its engine's notes (drawn, with the
   * pending changes, and confirmed).
   */
  public boolean holdsText(String text) {
    return Boolean.TRUE.equals(
        script(
            "var t = arguments[0], e = window.atelier.engine;"
                + "return document.documentElement.outerHTML.indexOf(t) >= 0"
                + " || JSON.stringify(e.notes()).indexOf(t) >= 0"
                + " || JSON.stringify(Array.from(e.confirmedNotes.values())).indexOf(t) >= 0;",
            text));
  }

  /** The texts of the notes this tab's engine draws (SY2), sorted. */
  public List<String> engineNoteTexts() {
    @SuppressWarnings("unchecked")
    List<String> texts =
        (List<String>)
            script("return window.atelier.engine.notes().map(function (n) { return n.text; });");
    return texts.stream().sorted().toList();
  }

  /** The author this tab's engine has for a note: an id, or null when it names nobody (PW2). */
  public String engineNoteAuthor(String id) {
    return (String)
        script(
            "var n = window.atelier.engine.note(arguments[0]); return n ? n.createdBy : 'absent';",
            id);
  }

  // ---- follow and summon (FS1 to FS3) ---------------------------------------------------------

  public static final By SUMMON = testId("summon-everyone");
  public static final By FOLLOW_TOGGLE = testId("follow-toggle");
  public static final By FOLLOW_BADGE = testId("follow-badge");

  /** The canvas shown and the rectangle of its world the board shows, with the zoom. */
  public record ShownView(
      String canvasId, double x, double y, double width, double height, double scale) {
    public double centreX() {
      return x + width / 2;
    }

    public double centreY() {
      return y + height / 2;
    }

    /** Whether this view shows the other one whole, give or take {@code tolerance} units. */
    public boolean holds(ShownView other, double tolerance) {
      return x <= other.x + tolerance
          && y <= other.y + tolerance
          && x + width >= other.x + other.width - tolerance
          && y + height >= other.y + other.height - tolerance;
    }
  }

  public ShownView shownView() {
    @SuppressWarnings("unchecked")
    List<Object> values =
        (List<Object>)
            script(
                "var b = window.atelier.room.board, v = b.viewport;"
                    + "var r = b.element.getBoundingClientRect();"
                    + "return [window.atelier.room.canvases.current(), -v.x / v.scale,"
                    + " -v.y / v.scale, r.width / v.scale, r.height / v.scale, v.scale];");
    return new ShownView(
        (String) values.get(0),
        number(values.get(1)),
        number(values.get(2)),
        number(values.get(3)),
        number(values.get(4)),
        number(values.get(5)));
  }

  /** Waits until this board shows the canvas centred on the point, within {@code tolerance}. */
  public ShownView awaitViewCentredOn(
      String canvasId, double centreX, double centreY, double tolerance, Duration timeout) {
    return await(
        timeout,
        "the view of " + canvasId + " is centred on " + centreX + ", " + centreY,
        d -> {
          ShownView view = shownView();
          boolean there =
              canvasId.equals(view.canvasId())
                  && Math.abs(view.centreX() - centreX) <= tolerance
                  && Math.abs(view.centreY() - centreY) <= tolerance;
          return there ? view : null;
        });
  }

  /** Pans the board with the arrow key, as a person at a keyboard does. */
  public void panWithKeys(Keys arrow, int times) {
    script("arguments[0].focus();", driver.findElement(CANVAS));
    CharSequence[] keys = new CharSequence[times];
    java.util.Arrays.fill(keys, arrow);
    press(keys);
  }

  /** Whether the "Suivre l'animation" toggle is pressed. */
  public boolean following() {
    return "true".equals(driver.findElement(FOLLOW_TOGGLE).getDomAttribute("aria-pressed"));
  }

  /** What the follow badge says it is: following, stopped, or none when it is not shown. */
  public String followBadgeState() {
    WebElement badge = driver.findElement(FOLLOW_BADGE);
    return badge.isDisplayed() ? badge.getDomAttribute("data-state") : "none";
  }

  /** Starts keeping the last facilitator_view this page receives (FS2), followed or not. */
  public void countViews() {
    script(
        "window.followTest = {last: null};"
            + "window.atelier.connection.onMessage(function (m) {"
            + "  if (m.type === 'facilitator_view') window.followTest.last = m; });");
  }

  /** Waits until this page has received a facilitator_view of that canvas and centre. */
  public void awaitViewReceived(ShownView expected, double tolerance) {
    await(
        LONG,
        "a facilitator_view centred on " + expected.centreX() + ", " + expected.centreY(),
        d ->
            Boolean.TRUE.equals(
                script(
                    "var m = window.followTest.last, c = arguments[0], t = arguments[3];"
                        + "return m !== null && m.canvasId === c"
                        + " && Math.abs(m.view.x + m.view.width / 2 - arguments[1]) <= t"
                        + " && Math.abs(m.view.y + m.view.height / 2 - arguments[2]) <= t;",
                    expected.canvasId(),
                    expected.centreX(),
                    expected.centreY(),
                    tolerance)));
  }

  // Issue 7, injection: the stage's rendered step text.
  public static final By STAGE_BODY = testId("stage-body");

  /** The text the stage's body shows (the step's Markdown, rendered). */
  public String stageText() {
    return driver.findElement(STAGE_BODY).getText();
  }

  // Issue 7, HS9: the projector's gate.
  public static final By PROJECTOR_GATE = testId("projector-gate");
  public static final By PROJECTOR_PASSCODE = testId("projector-passcode");
  public static final By PROJECTOR_PASSCODE_ERROR = testId("projector-passcode-error");
  public static final By PROJECTOR_GATE_TEXT = testId("projector-gate-text");

  /** Types a passcode into the projector's gate and sends it with Enter. */
  public void typeProjectorPasscode(String passcode) {
    WebElement input = awaitVisible(PROJECTOR_PASSCODE, LONG);
    input.clear();
    input.sendKeys(passcode, org.openqa.selenium.Keys.ENTER);
  }

  // ---- dot voting (issue 6, point 4; DV1 to DV4) ---------------------------------------------

  public static final By VOTE_TOGGLE = testId("vote-toggle");
  public static final By VOTE_DIALOG = testId("vote-dialog");
  public static final By VOTE_BANNER = testId("vote-banner");
  public static final By VOTE_LEFT = testId("vote-left");
  public static final By VOTE_CLOSE = testId("vote-close");
  public static final By VOTE_RESULTS = testId("vote-results");

  /** What a note shows of the vote: this person's dots, the total and rank (null when hidden). */
  public record VoteMarkView(int ownDots, String total, String rank, boolean canAdd) {}

  /**
   * The facilitator opens a vote on the canvas shown, through the top bar's button and its dialog:
   * a pillar's notes (null: all of them), the dots each, a limit per note (or null), secrecy.
   */
  public void openVote(String pillar, int dots, Integer maxPerNote, boolean secret) {
    headerControl(VOTE_TOGGLE).click();
    WebElement dialog = awaitVisible(VOTE_DIALOG, LONG);
    if (pillar != null) {
      dialog.findElement(testId("vote-scope-pillar")).click();
      new org.openqa.selenium.support.ui.Select(dialog.findElement(testId("vote-pillar")))
          .selectByValue(pillar);
    }
    WebElement count = dialog.findElement(testId("vote-dots"));
    count.clear();
    count.sendKeys(String.valueOf(dots));
    if (maxPerNote != null) {
      dialog.findElement(testId("vote-limit")).click();
      WebElement max = dialog.findElement(testId("vote-max"));
      max.clear();
      max.sendKeys(String.valueOf(maxPerNote));
    }
    if (secret) {
      dialog.findElement(testId("vote-secret")).click();
    }
    dialog.findElement(testId("dialog-submit")).click();
    await(LONG, "the vote dialog closes", d -> !shown(VOTE_DIALOG));
  }

  /** Shift and a key together on whatever has the focus (Shift+V takes a dot back). */
  public void pressWithShift(String key) {
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).perform();
  }

  /** A vote button (vote-add or vote-remove) of a note. */
  public WebElement voteButton(String noteId, String testid) {
    return noteElement(noteId).findElement(testId(testid));
  }

  /** What the note shows of the vote, or null when it is not in the vote. */
  public VoteMarkView voteMark(String noteId) {
    @SuppressWarnings("unchecked")
    Map<String, Object> mark =
        (Map<String, Object>)
            script(
                "var m = arguments[0].querySelector('[data-testid=vote-mark]');"
                    + "if (!m) return null;"
                    + "function shown(t) { var e = m.querySelector('[data-testid=' + t + ']');"
                    + "  return e.hidden ? null : e.textContent; }"
                    + "return {own: m.querySelectorAll('[data-testid=vote-dot]').length,"
                    + "  total: shown('vote-total'), rank: shown('vote-rank'),"
                    + "  canAdd: !m.querySelector('[data-testid=vote-add]').hidden"
                    + "    && m.querySelector('[data-testid=vote-add]')"
                    + "      .getAttribute('aria-disabled') !== 'true'};",
                noteElement(noteId));
    return mark == null
        ? null
        : new VoteMarkView(
            ((Number) mark.get("own")).intValue(),
            (String) mark.get("total"),
            (String) mark.get("rank"),
            Boolean.TRUE.equals(mark.get("canAdd")));
  }

  /** Waits until the note shows that many of this person's dots. */
  public void awaitOwnDots(String noteId, int dots, Duration timeout) {
    await(
        timeout,
        "note " + noteId + " shows " + dots + " own dots",
        d -> voteMark(noteId) != null && voteMark(noteId).ownDots() == dots);
  }

  /** Waits until the banner says how many dots are left ("Il vous reste 3 points sur 3."). */
  public void awaitDotsLeft(String text, Duration timeout) {
    await(
        timeout,
        "the banner says " + text,
        d -> shown(VOTE_LEFT) && text.equals(text(d.findElement(VOTE_LEFT).getText())));
  }

  /** The ranking shown under the banner, one "rank noteId" entry per note, in order. */
  @SuppressWarnings("unchecked")
  public List<String> ranking() {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll('[data-testid=vote-result]'))"
                + ".map(function (li) { return li.value + ' ' + li.dataset.noteId; });");
  }

  /** Waits until the ranking is shown as given. */
  public List<String> awaitRanking(List<String> expected, Duration timeout) {
    return await(
        timeout,
        "the ranking shows " + expected + " (now " + ranking() + ")",
        d -> shown(VOTE_RESULTS) && expected.equals(ranking()) ? ranking() : null);
  }
}
