package io.atelier.browser;

import static io.atelier.browser.AtelierPage.FACILITATOR_LINK;
import static io.atelier.browser.AtelierPage.JOIN_LINK;
import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.NAME_INPUT;
import static io.atelier.browser.AtelierPage.NOTE;
import static io.atelier.browser.AtelierPage.ONE_SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.atelier.browser.AtelierPage.Commit;
import io.atelier.browser.AtelierPage.NoteView;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole client in real headless Chromium against a real node: what two people see of each
 * other's work, reloads, reconnects and offline edits. At most two browsers run at once.
 */
class BrowserCollaborationTest extends ServerWithChromium {
  /** A reconnect after an outage waits for the client's capped, jittered back-off (SY5). */
  private static final Duration RECONNECT = Duration.ofSeconds(15);

  private static final int MAX_BROWSERS = 2;

  private final List<LoopbackProxy> proxies = new ArrayList<>();

  @AfterEach
  void closeProxies() {
    proxies.forEach(LoopbackProxy::close);
    proxies.clear();
  }

  @Override
  AtelierPage openBrowser(String name) {
    if (openBrowsers() >= MAX_BROWSERS) {
      throw new IllegalStateException("at most " + MAX_BROWSERS + " browsers at once");
    }
    return super.openBrowser(name);
  }

  @Override
  String otherDiagnostics() {
    return proxies.stream()
        .map(p -> "proxy accepted=" + p.acceptedCount() + " refused=" + p.refusedCount())
        .collect(Collectors.joining(", "));
  }

  private LoopbackProxy proxy() {
    LoopbackProxy proxy = new LoopbackProxy(server.port());
    proxies.add(proxy);
    return proxy;
  }

  // ---- SY2 -----------------------------------------------------------------------------------

  @Test
  @DisplayName("SY2 two browsers see each other's note create, move and edit within a second")
  void twoBrowsersSeeEachOther() {
    JsonObject workshop = server.createWorkshop("Browser SY2", "en");
    AtelierPage alice = browser("Alice", workshop.getString("joinUrl"));
    AtelierPage bob = browser("Bob", workshop.getString("joinUrl"));

    String aliceId = alice.participantId();
    bob.awaitParticipantOnline(aliceId, "Alice", LONG);
    alice.awaitParticipantOnline(bob.participantId(), "Bob", LONG);
    assertThat(bob.participantId()).isNotEqualTo(aliceId);

    // Create and type: Bob sees the note and its text within a second of the commit.
    String noteId = alice.createNote("Commons need care");
    bob.awaitNoteText(noteId, "Commons need care", ONE_SECOND);
    alice.awaitEditorClosed();
    alice.awaitNoteText(noteId, "Commons need care", LONG);

    // Move with the keyboard: three times ArrowRight is 30 canvas units to the right.
    NoteView start = alice.requireNote(noteId);
    NoteView moved = alice.moveWithKeys(noteId, Keys.ARROW_RIGHT, 3);
    assertThat(moved.x()).isCloseTo(start.x() + 30, within(1e-6));
    assertThat(moved.y()).isCloseTo(start.y(), within(1e-6));
    bob.awaitNoteAt(noteId, moved.x(), moved.y(), ONE_SECOND);

    // Move with the mouse: the drawn position once the button is released is the final one.
    NoteView dragged = alice.drag(noteId, 80, 48);
    assertThat(dragged.x()).as("dragged right").isGreaterThan(moved.x());
    assertThat(dragged.y()).as("dragged down").isGreaterThan(moved.y());
    bob.awaitNoteAt(noteId, dragged.x(), dragged.y(), ONE_SECOND);

    // Edit: Enter opens the editor, Ctrl+Enter commits.
    alice.editText(noteId, "Commons need rules");
    bob.awaitNoteText(noteId, "Commons need rules", ONE_SECOND);
    alice.awaitEditorClosed();
    alice.awaitNoteText(noteId, "Commons need rules", LONG);

    // Both converge on the same drawing, and nothing is left unsent.
    alice.awaitNothingUnsent(LONG);
    NoteView aliceView = alice.requireNote(noteId);
    bob.awaitNoteAt(noteId, aliceView.x(), aliceView.y(), LONG);
    assertThat(bob.notes()).containsExactlyElementsOf(alice.notes());
  }

  // ---- HS4 -----------------------------------------------------------------------------------

  @Test
  @DisplayName("HS4 a reload or a second tab keeps the participant, and the notes stay in place")
  void reloadKeepsIdentityAndNotes() {
    JsonObject workshop = server.createWorkshop("Browser HS4", "en");
    String joinUrl = workshop.getString("joinUrl");
    AtelierPage alice = browser("Alice", joinUrl);
    AtelierPage bob = browser("Bob", joinUrl);

    String noteId = alice.createNoteAndAwait("Stays after reload");
    NoteView placed = alice.moveWithKeys(noteId, Keys.ARROW_DOWN, 2);
    alice.awaitNothingUnsent(LONG);
    bob.awaitNoteAt(noteId, placed.x(), placed.y(), LONG);
    bob.awaitNoteText(noteId, "Stays after reload", LONG);
    String bobId = bob.participantId();

    bob.reload();
    assertThat(bob.participantId()).as("participant id after reload").isEqualTo(bobId);
    bob.awaitNoteText(noteId, "Stays after reload", LONG);
    bob.awaitNoteAt(noteId, placed.x(), placed.y(), LONG);
    bob.awaitParticipantOnline(bobId, "Bob", LONG);
    bob.awaitParticipantOnline(alice.participantId(), "Alice", LONG);
    assertThat(bob.participantsNamed("Bob"))
        .as("Bob is listed once, not joined again")
        .isEqualTo(1);

    // The same link visited again in the same browser, and in a second tab.
    bob.open(joinUrl);
    assertThat(bob.participantId()).as("participant id on a second visit").isEqualTo(bobId);
    WebDriver driver = bob.driver();
    String firstTab = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    try {
      bob.open(joinUrl);
      assertThat(bob.participantId()).as("participant id in a second tab").isEqualTo(bobId);
      bob.awaitNoteText(noteId, "Stays after reload", LONG);
      bob.awaitNoteAt(noteId, placed.x(), placed.y(), LONG);
    } finally {
      driver.close();
      driver.switchTo().window(firstTab);
    }
    // Closing one of its two tabs leaves Bob online for the others.
    alice.awaitParticipantOnline(bobId, "Bob", LONG);
    assertThat(alice.participantsNamed("Bob")).isEqualTo(1);
  }

  // ---- SY3: the server closes the socket -----------------------------------------------------

  @Test
  @DisplayName(
      "SY3 after the server closes the socket the page reconnects by itself, without a reload,"
          + " and converges")
  void reconnectsAfterServerClose() {
    JsonObject workshop = server.createWorkshop("Browser SY3 restart", "en");
    AtelierPage alice = browser("Alice", workshop.getString("joinUrl"));
    AtelierPage bob = browser("Bob", workshop.getString("joinUrl"));
    String aliceId = alice.participantId();
    String before = alice.createNoteAndAwait("Before the restart");
    bob.awaitNoteText(before, "Before the restart", LONG);

    // Record every state the status shows, however short, and mark the page.
    alice.script(
        "window.__noReload = 1; window.__states = [];"
            + "var last = null;"
            + "function record() {"
            + "  var el = document.querySelector('[data-testid=connection-status]');"
            + "  var state = el ? el.getAttribute('data-state') : null;"
            + "  if (state !== last) { last = state; window.__states.push(state); }"
            + "}"
            + "record();"
            + "new MutationObserver(record).observe(document.documentElement,"
            + "  {attributes: true, attributeFilter: ['data-state'], childList: true,"
            + "   subtree: true});");

    server.server().closeAllSockets(1012, "test restart");

    alice.await(
        LONG,
        "connection-status left 'connected' and came back to it (states seen: "
            + alice.script("return window.__states;")
            + ")",
        d -> {
          @SuppressWarnings("unchecked")
          List<Object> states = (List<Object>) alice.script("return window.__states;");
          return states.stream().anyMatch(s -> !"connected".equals(s))
              && "connected".equals(alice.connectionState());
        });
    @SuppressWarnings("unchecked")
    List<Object> states = (List<Object>) alice.script("return window.__states;");
    assertThat(states)
        .as("states shown after the close")
        .containsAnyOf("connecting", "reconnecting", "offline");
    assertThat(alice.script("return window.__noReload;"))
        .as("the page was not reloaded")
        .isEqualTo(1L);
    assertThat(alice.participantId()).isEqualTo(aliceId);
    bob.awaitConnected(LONG);

    String fromBob = bob.createNoteAndAwait("After the restart");
    alice.awaitNoteText(fromBob, "After the restart", LONG);
    String fromAlice = alice.createNoteAndAwait("Alice is back");
    bob.awaitNoteText(fromAlice, "Alice is back", LONG);
    alice.awaitNothingUnsent(LONG);
    bob.awaitNothingUnsent(LONG);
    assertThat(alice.noteIds()).containsExactlyInAnyOrder(before, fromBob, fromAlice);
    assertThat(bob.notes()).containsExactlyInAnyOrderElementsOf(alice.notes());
    bob.awaitParticipantOnline(aliceId, "Alice", LONG);
  }

  // ---- SY3 / SY5: offline edits --------------------------------------------------------------

  @Test
  @DisplayName(
      "SY3 SY5 edits made while offline are shown as unsent, kept, and sent by itself on"
          + " reconnect")
  void offlineEditsAreKeptAndSent() {
    JsonObject workshop = server.createWorkshop("Browser SY3 offline", "en");
    String id = workshop.getString("id");
    LoopbackProxy proxy = proxy();
    AtelierPage alice = browser("Alice", proxy.baseUrl() + "/w/" + id);
    AtelierPage bob = browser("Bob", workshop.getString("joinUrl"));

    String existing = alice.createNoteAndAwait("Written online");
    alice.awaitNothingUnsent(LONG);
    NoteView online = bob.awaitNoteText(existing, "Written online", LONG);
    bob.awaitParticipantOnline(alice.participantId(), "Alice", LONG);

    // Cut Alice off and keep her off.
    proxy.refuseNewConnections(true);
    proxy.dropAll();
    alice.awaitState(LONG, Set.of("reconnecting", "offline"));

    // Committed by clicking elsewhere, the third way to end an edit.
    String offlineNote = alice.createNote("Written offline", Commit.CLICK_ELSEWHERE);
    alice.awaitEditorClosed();
    alice.awaitNoteText(offlineNote, "Written offline", LONG);
    NoteView movedOffline = alice.moveWithKeys(existing, Keys.ARROW_DOWN, 2);
    assertThat(movedOffline.y()).isCloseTo(online.y() + 20, within(1e-6));
    assertThat(alice.connectionState()).isIn("reconnecting", "offline");
    assertThat(alice.unsent()).as("connection-status data-unsent while offline").isGreaterThan(0);
    assertThat((long) alice.unsent())
        .as("data-unsent is engine.pendingCount()")
        .isEqualTo(alice.pendingCount());

    // Bob sees none of it.
    assertThatThrownBy(
            () ->
                bob.await(
                    ONE_SECOND,
                    "sees an offline edit",
                    d ->
                        bob.note(offlineNote).isPresent()
                            || !bob.requireNote(existing).at(online.x(), online.y())))
        .isInstanceOf(TimeoutException.class);

    // Let Alice back in: she reconnects and resends by herself.
    proxy.refuseNewConnections(false);
    alice.awaitConnected(RECONNECT);
    alice.awaitNothingUnsent(LONG);
    bob.awaitNoteText(offlineNote, "Written offline", LONG);
    bob.awaitNoteAt(existing, movedOffline.x(), movedOffline.y(), LONG);
    NoteView offlineView = alice.requireNote(offlineNote);
    bob.awaitNoteAt(offlineNote, offlineView.x(), offlineView.y(), LONG);

    // And after a reload (still through the proxy) the edits are there, from the server.
    alice.reload();
    alice.awaitNoteText(offlineNote, "Written offline", LONG);
    alice.awaitNoteAt(existing, movedOffline.x(), movedOffline.y(), LONG);
    alice.awaitNothingUnsent(LONG);
    assertThat(alice.noteIds()).containsExactlyInAnyOrder(existing, offlineNote);
    assertThat(bob.notes()).containsExactlyInAnyOrderElementsOf(alice.notes());
  }

  // ---- NT5 -----------------------------------------------------------------------------------

  @Test
  @DisplayName("NT5 note text is rendered as text, never as HTML")
  void textIsRenderedAsText() {
    String html = "<img src=x onerror=alert(1)><b>bold</b>";
    JsonObject workshop = server.createWorkshop("Browser NT5", "en");
    AtelierPage alice = browser("Alice", workshop.getString("joinUrl"));

    String noteId = alice.createNoteAndAwait(html);
    assertTextOnly(alice, noteId, html);
    assertThat(alice.noteIds()).as("typing 'n' in the editor creates no note").hasSize(1);

    // Drawn again from the server's snapshot.
    alice.awaitNothingUnsent(LONG);
    alice.reload();
    alice.awaitNoteText(noteId, html, LONG);
    assertTextOnly(alice, noteId, html);
  }

  private static void assertTextOnly(AtelierPage page, String noteId, String text) {
    WebElement note = page.noteElement(noteId);
    WebElement shown = note.findElement(AtelierPage.NOTE_TEXT);
    assertThat(shown.getDomProperty("textContent")).isEqualTo(text);
    assertThat(note.findElements(By.cssSelector("img, b"))).isEmpty();
    assertThat(page.driver().findElements(By.cssSelector("img[src=x]"))).isEmpty();
    assertThatThrownBy(() -> page.driver().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  // ---- Home page -----------------------------------------------------------------------------

  @Test
  @DisplayName("home page creates a workshop in the chosen language and its join link asks a name")
  void homePageCreatesWorkshop() {
    AtelierPage facilitator = openBrowser("Fatou");
    WebDriver driver = facilitator.driver();
    driver.get(server.baseUrl() + "/");
    facilitator.awaitVisible(AtelierPage.TITLE_INPUT, LONG).sendKeys("Atelier des communs");
    new Select(driver.findElement(AtelierPage.LANGUAGE_SELECT)).selectByValue("en");
    driver.findElement(AtelierPage.CREATE_BUTTON).click();

    WebElement join = facilitator.awaitVisible(JOIN_LINK, LONG);
    WebElement facilitatorLink = facilitator.awaitVisible(FACILITATOR_LINK, LONG);
    String joinHref = join.getDomProperty("href");
    String facilitatorHref = facilitatorLink.getDomProperty("href");
    Matcher matcher =
        Pattern.compile(Pattern.quote(server.baseUrl()) + "/w/([A-Za-z0-9_-]{22,})")
            .matcher(joinHref);
    assertThat(matcher.matches()).as("join-link href %s", joinHref).isTrue();
    String id = matcher.group(1);
    assertThat(facilitatorHref).startsWith(joinHref + "#key=");

    JsonObject facts = new JsonObject(server.get("/api/workshops/" + id).body());
    assertThat(facts.getString("title")).isEqualTo("Atelier des communs");
    assertThat(facts.getString("language")).isEqualTo("en");

    driver.get(joinHref);
    facilitator.awaitVisible(NAME_INPUT, LONG);
    assertThat(driver.findElements(NOTE)).isEmpty();
  }
}
