package io.atelier.browser;

import static io.atelier.browser.AtelierPage.ACCESS_DIALOG;
import static io.atelier.browser.AtelierPage.ACCESS_MENU_ITEM;
import static io.atelier.browser.AtelierPage.LOCKED_FLAG;
import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.NEW_CANVASES;
import static io.atelier.browser.AtelierPage.OBSERVER_FLAG;
import static io.atelier.browser.AtelierPage.PASSCODE_ERROR;
import static io.atelier.browser.AtelierPage.PROJECTOR_QR;
import static io.atelier.browser.AtelierPage.PROJECTOR_QR_TOGGLE;
import static io.atelier.browser.AtelierPage.QR_DIALOG;
import static io.atelier.browser.AtelierPage.QR_MENU_ITEM;
import static io.atelier.browser.AtelierPage.UNDO_BUTTON;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Roles and joining as people meet them (RO1 to RO7): a promotion and a hand-over change the
 * controls of both pages without a reload, a removal reaches the removed person at once and stays,
 * a locked door and a passcode stop newcomers, an observer cannot add a note, and the join link's
 * QR code shows in a dialog and on the projector.
 */
class RolesBrowserTest extends ServerWithChromium {

  private AtelierPage facilitator(JsonObject workshop) {
    AtelierPage fanny = browser("Fanny", workshop.getString("facilitatorUrl"));
    fanny.awaitFacilitator();
    return fanny;
  }

  @Test
  @DisplayName(
      "RO1 RO6 a promoted person gets the facilitator's controls without a reload and creates a"
          + " canvas; a hand-over takes them from the facilitator")
  void promotionAndHandOver() {
    JsonObject workshop = server.createWorkshop("Rôles en direct", "fr");
    String id = workshop.getString("id");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    String anaId = ana.participantId();
    String fannyId = fanny.participantId();
    fanny.awaitParticipantOnline(anaId, "Ana", LONG);
    ana.awaitFacilitatorControls(false);
    ana.awaitAccessBadge(fannyId, "animation", LONG);
    assertThat(ana.shown(testId("person-menu"))).as("no role menu for a participant").isFalse();
    String export = "/api/workshops/" + id + "/export?format=json";
    assertThat(ana.fetchWithCredential(export)).as("a participant's token").isEqualTo(401);

    fanny.choosePersonAction(anaId, "makeFacilitator");
    ana.awaitFacilitatorControls(true);
    ana.awaitToast("Vous animez maintenant l’atelier.", LONG);
    fanny.awaitAccessBadge(anaId, "animation", LONG);
    assertThat(ana.fetchWithCredential(export)).as("her own token, promoted").isEqualTo(200);

    // Ana creates a canvas with the dialog the facilitator uses; Fanny sees it.
    ana.awaitVisible(NEW_CANVASES, LONG).click();
    WebElement dialog = ana.awaitVisible(testId("new-canvases-dialog"), LONG);
    WebElement count = dialog.findElement(testId("canvas-count"));
    count.clear();
    count.sendKeys("1");
    dialog.findElement(testId("dialog-submit")).click();
    fanny.await(LONG, "Fanny sees Ana's canvas", d -> fanny.canvasTabs().size() == 2);

    // The hand-over: asked first, then Ana steers and Fanny's controls go.
    fanny.choosePersonAction(anaId, "handOver");
    String question = fanny.confirm("hand-over-dialog");
    assertThat(question).contains("Passer l’animation à Ana?").contains("participant·e");
    fanny.awaitFacilitatorControls(false);
    fanny.awaitToast("Vous n’animez plus l’atelier.", LONG);
    ana.awaitAccessBadge(fannyId, "", LONG);
    ana.awaitFacilitatorControls(true);
    assertThat(fanny.shown(testId("person-menu"))).as("Fanny has no role menu now").isFalse();
  }

  @Test
  @DisplayName(
      "RO5 the facilitator removes Ben after naming him: his page says so at once and after a"
          + " reload; his note stays")
  void removal() {
    JsonObject workshop = server.createWorkshop("Retrait", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));
    String benId = ben.participantId();
    String note = ben.createNoteAndAwait("La note de Ben");
    fanny.awaitNoteText(note, "La note de Ben", LONG);

    fanny.choosePersonAction(benId, "remove");
    String question = fanny.confirm("remove-person-dialog");
    assertThat(question).contains("Retirer Ben de l’atelier?").contains("Ses notes restent");

    WebElement gate = ben.awaitGate("removed");
    assertThat(gate.getText()).contains("L’animation vous a retiré·e de cet atelier.");
    assertThat(ben.shown(AtelierPage.CANVAS)).isFalse();
    assertThat(ben.shown(testId("failure-banner"))).as("said once, in the gate").isFalse();
    fanny.await(LONG, "Ben left the list", d -> d.findElements(testId("participant")).size() == 1);
    assertThat(fanny.requireNote(note).text()).isEqualTo("La note de Ben");

    ben.driver().navigate().refresh();
    assertThat(ben.awaitGate("removed").getText()).contains("retiré·e");
    assertThat(ben.connectionState()).isEqualTo("failed");
  }

  @Test
  @DisplayName(
      "RO3 RO4 a locked workshop turns a newcomer away; with a passcode a newcomer is asked for"
          + " it, a wrong one is refused with a message, the right one gets in")
  void lockAndPasscode() {
    JsonObject workshop = server.createWorkshop("Porte d’entrée", "fr");
    String joinUrl = workshop.getString("joinUrl");
    AtelierPage fanny = facilitator(workshop);

    WebElement access = fanny.openFromMoreMenu(ACCESS_MENU_ITEM, ACCESS_DIALOG);
    access.findElement(testId("access-lock-toggle")).click();
    fanny.await(
        LONG,
        "the dialog says locked",
        d ->
            "true"
                .equals(
                    access
                        .findElement(testId("access-lock-state"))
                        .getDomAttribute("data-locked")));
    fanny.press(Keys.ESCAPE);
    assertThat(fanny.awaitVisible(LOCKED_FLAG, LONG).getText()).contains("Verrouillé");

    AtelierPage chloe = openBrowser("Chloé").tryToJoin(joinUrl);
    assertThat(chloe.awaitGate("locked").getText())
        .contains("Atelier verrouillé")
        .contains("n’accepte plus de nouvelles personnes");

    // Unlocked, with a passcode: too short is refused in the dialog, then a good one is set.
    fanny.awaitVisible(LOCKED_FLAG, LONG).click();
    WebElement again = fanny.awaitVisible(ACCESS_DIALOG, LONG);
    again.findElement(testId("access-lock-toggle")).click();
    fanny.await(LONG, "the flag is gone", d -> !fanny.shown(LOCKED_FLAG));
    WebElement input = again.findElement(testId("access-passcode-input"));
    input.sendKeys("abc", Keys.ENTER);
    fanny.await(
        LONG,
        "the dialog refuses a short passcode",
        d -> again.getText().contains("Un code d’accès compte au moins 4 caractères."));
    input.clear();
    input.sendKeys("érable 2026", Keys.ENTER);
    fanny.await(
        LONG,
        "the dialog says a passcode is asked, without showing it",
        d ->
            "true"
                .equals(
                    again
                        .findElement(testId("access-passcode-state"))
                        .getDomAttribute("data-required")));
    assertThat(again.getText()).doesNotContain("érable");
    fanny.press(Keys.ESCAPE);

    AtelierPage dan = openBrowser("Dan").tryToJoin(joinUrl);
    dan.awaitGate("passcode");
    assertThat(dan.shown(PASSCODE_ERROR)).as("no error before a try").isFalse();
    dan.enterPasscode("érable 2025");
    dan.await(
        LONG,
        "a wrong passcode is refused with a message",
        d -> dan.shown(PASSCODE_ERROR) && dan.awaitGate("passcode").isDisplayed());
    assertThat(dan.driver().findElement(PASSCODE_ERROR).getText()).contains("n’est pas le bon");
    dan.enterPasscode("érable 2026");
    dan.awaitConnected(LONG);
    String danId = dan.awaitParticipantId();
    fanny.awaitParticipantOnline(danId, "Dan", LONG);
  }

  @Test
  @DisplayName("RO1 an observer reads the board but cannot add, edit, move or undo a note")
  void observerCannotAddNotes() {
    JsonObject workshop = server.createWorkshop("Observation", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    String anaId = ana.participantId();
    String note = fanny.createNoteAndAwait("Valeurs communes");
    ana.awaitNoteText(note, "Valeurs communes", LONG);
    // Her own note, written before: an undo step she keeps (UN1), and may not take as an observer.
    String own = ana.createNoteAndAwait("Ma note");
    fanny.awaitNoteText(own, "Ma note", LONG);
    ana.awaitVisible(UNDO_BUTTON, LONG);

    fanny.choosePersonAction(anaId, "makeObserver");
    ana.awaitVisible(OBSERVER_FLAG, LONG);
    assertThat(ana.text(OBSERVER_FLAG)).isEqualTo("Mode observation");
    ana.awaitToast(
        "Vous êtes maintenant en observation : vous voyez tout, sans rien modifier.", LONG);
    fanny.awaitAccessBadge(anaId, "observation", LONG);
    assertThat(ana.shown(AtelierPage.ADD_NOTE_BUTTON)).isFalse();
    assertThat(ana.shown(UNDO_BUTTON)).as("nothing to undo in observation").isFalse();

    // N on the board, a double-click on it, Enter on a note, Ctrl+Z: nothing is proposed (every
    // change the page proposes goes through connection.send, synchronously with the key).
    ana.script(
        "window.sentTest = [];"
            + "window.atelier.connection.onSend(function (c) { window.sentTest.push(c.type); });");
    AtelierPage.NoteView before = ana.requireNote(note);
    ana.clickEmptyCanvas();
    ana.press("n");
    ana.focusNote(note);
    ana.press(Keys.ENTER, Keys.ARROW_RIGHT, Keys.DELETE);
    ana.script(
        "arguments[0].dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));",
        ana.driver().findElement(AtelierPage.CANVAS));
    ana.pressUndo();
    assertThat(ana.script("return window.sentTest;")).as("nothing sent").asList().isEmpty();
    assertThat(ana.pendingCount()).as("no change proposed").isZero();
    assertThat(ana.shown(AtelierPage.NOTE_EDITOR)).isFalse();
    assertThat(ana.noteIds()).containsExactlyInAnyOrder(note, own);
    assertThat(ana.requireNote(note)).as("not moved, not changed").isEqualTo(before);
    assertThat(fanny.noteIds()).containsExactlyInAnyOrder(note, own);

    // Back to taking part: the board is hers again.
    fanny.choosePersonAction(anaId, "makeParticipant");
    ana.await(LONG, "the flag is gone", d -> !ana.shown(OBSERVER_FLAG));
    ana.awaitVisible(AtelierPage.ADD_NOTE_BUTTON, LONG);
    ana.awaitVisible(UNDO_BUTTON, LONG);
  }

  @Test
  @DisplayName(
      "RO7 the QR code dialog shows the server's SVG and the join link; the projector shows and"
          + " hides it with Q and its button")
  void qrCode() {
    JsonObject workshop = server.createWorkshop("Code QR", "fr");
    String id = workshop.getString("id");
    String joinUrl = workshop.getString("joinUrl");
    String shortLink = joinUrl.replaceFirst("^https?://", "");
    AtelierPage fanny = facilitator(workshop);

    WebElement dialog = fanny.openFromMoreMenu(QR_MENU_ITEM, QR_DIALOG);
    WebElement image = dialog.findElement(testId("qr-image"));
    fanny.await(LONG, "the QR code is loaded", d -> fanny.imageLoaded(image));
    assertThat(image.getDomProperty("src")).endsWith("/api/workshops/" + id + "/qr.svg");
    assertThat(image.getDomAttribute("alt")).contains(shortLink);
    WebElement link = dialog.findElement(testId("qr-link"));
    assertThat(link.getText()).isEqualTo(shortLink);
    assertThat(link.getDomProperty("href")).isEqualTo(joinUrl);
    fanny.press(Keys.ESCAPE);
    fanny.await(LONG, "the dialog closed", d -> !fanny.shown(QR_DIALOG));

    AtelierPage projector = openBrowser("Projecteur").openProjector(joinUrl + "/projector");
    assertThat(projector.shown(PROJECTOR_QR)).as("hidden at first").isFalse();
    projector.press("q");
    WebElement corner = projector.awaitVisible(PROJECTOR_QR, LONG);
    WebElement code = corner.findElement(testId("projector-qr-image"));
    projector.await(LONG, "the projector's QR code is loaded", d -> projector.imageLoaded(code));
    assertThat(projector.text(testId("projector-qr-link"))).isEqualTo(shortLink);
    long windowHeight = (Long) projector.script("return window.innerHeight;");
    assertThat(code.getRect().getHeight())
        .as("big enough to scan from the back of a room")
        .isGreaterThanOrEqualTo((int) (windowHeight * 0.3));
    WebElement toggle = projector.driver().findElement(PROJECTOR_QR_TOGGLE);
    assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
    toggle.click();
    projector.await(LONG, "the button hides it", d -> !projector.shown(PROJECTOR_QR));
    projector.reloadProjector();
    assertThat(projector.shown(PROJECTOR_QR)).as("the choice holds over a reload").isFalse();
    projector.press("Q");
    projector.awaitVisible(PROJECTOR_QR, LONG);
  }
}
