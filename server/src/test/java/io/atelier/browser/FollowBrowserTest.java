package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atelier.browser.AtelierPage.ShownView;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Follow and summon in real browsers (FS1 to FS3): "Rassembler ici" brings a participant who is
 * elsewhere, on a screen of another size, to the facilitator's canvas and view; a participant who
 * follows tracks the facilitator's pans and canvas changes until they pan themselves.
 */
class FollowBrowserTest extends ServerWithChromium {
  /** World units: the views are rounded to a hundredth on the wire, and screens to a pixel. */
  private static final double TOLERANCE = 1.5;

  private AtelierPage host;

  /** The facilitator and a second canvas, "Groupe 2", created the way the canvas tools do. */
  private JsonObject workshopWithTwoCanvases(String title) {
    JsonObject workshop = server.createWorkshop(title, "fr");
    host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    host.awaitFacilitator();
    host.awaitCurrentCanvas("main", LONG); // the workshop's state has arrived
    host.script(
        "window.atelier.connection.send({type: 'create_canvas', changeId: 'fs-canvas',"
            + " canvasId: 'c-groupe-2', template: 'blank', name: 'Groupe 2'});");
    host.await(LONG, "the second canvas", d -> host.canvasTabs().containsKey("c-groupe-2"));
    return workshop;
  }

  @Test
  @DisplayName(
      "FS1 FS3 Rassembler ici: a participant far away on another canvas, on a smaller screen and"
          + " typing a note, lands on the facilitator's canvas and view; the note is kept")
  void summonBringsEveryoneHere() {
    JsonObject workshop = workshopWithTwoCanvases("Rassembler");
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    ana.driver().manage().window().setSize(new Dimension(900, 700));
    assertThat(
            ana.driver().findElements(AtelierPage.SUMMON).stream()
                .noneMatch(WebElement::isDisplayed))
        .as("only the facilitator may bring everyone")
        .isTrue();

    // Ana goes elsewhere: another canvas, far to the side, zoomed out, and starts a note.
    ana.await(LONG, "Ana sees Groupe 2", d -> ana.canvasTabs().containsKey("c-groupe-2"));
    ana.canvasTab("c-groupe-2").click();
    ana.awaitCurrentCanvas("c-groupe-2", LONG);
    ana.panWithKeys(Keys.ARROW_RIGHT, 25);
    ana.press("-", "-");
    ana.driver().findElement(AtelierPage.ADD_NOTE_BUTTON).click();
    ana.awaitVisible(AtelierPage.NOTE_EDITOR, LONG).sendKeys("Une idée en cours");

    // The facilitator zooms in and looks at one place of the main canvas, then brings everyone.
    host.panWithKeys(Keys.ARROW_UP, 6);
    host.press("+", "+");
    ShownView here = host.shownView();
    assertThat(here.canvasId()).isEqualTo("main");
    host.canvasTool(AtelierPage.SUMMON).click();
    host.awaitToast("Tout le monde voit maintenant ce canevas, à votre vue.", LONG);

    ShownView there =
        ana.awaitViewCentredOn("main", here.centreX(), here.centreY(), TOLERANCE, LONG);
    assertThat(there.holds(here, TOLERANCE)).as("Ana's smaller screen shows all of it").isTrue();
    double boardWidth = there.width() * there.scale(); // in pixels
    double boardHeight = there.height() * there.scale();
    assertThat(there.scale())
        .as("as large as her screen allows")
        .isCloseTo(Math.min(boardWidth / here.width(), boardHeight / here.height()), within(0.001));
    ana.awaitToast("Animatrice a rassemblé tout le monde ici. Votre note est enregistrée.", LONG);
    ana.awaitEditorClosed();
    host.await( // on Groupe 2, where Ana wrote it
        LONG,
        "Ana's note is kept",
        d ->
            Boolean.TRUE.equals(
                host.script(
                    "return window.atelier.engine.notesOn('c-groupe-2')"
                        + ".some(function (n) { return n.text === 'Une idée en cours'; });")));
    assertThat(host.shownView()).as("the facilitator's own screen stays").isEqualTo(here);
  }

  @Test
  @DisplayName(
      "FS2 FS3 a participant follows: the facilitator pans, zooms and changes canvas, the follower"
          + " tracks; the follower pans and following stops, then resumes in one click")
  void followTracksUntilThePersonMoves() {
    JsonObject workshop = workshopWithTwoCanvases("Suivre");
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    assertThat(host.driver().findElement(AtelierPage.FOLLOW_TOGGLE).isDisplayed())
        .as("the facilitator is the one followed")
        .isFalse();
    WebElement toggle = ana.awaitVisible(AtelierPage.FOLLOW_TOGGLE, LONG);
    assertThat(ana.following()).isFalse();
    toggle.click();
    assertThat(ana.following()).isTrue();
    ana.await(
        LONG,
        "the badge names whom Ana follows",
        d -> ana.text(AtelierPage.FOLLOW_BADGE).contains("Vous suivez Animatrice"));

    host.panWithKeys(Keys.ARROW_LEFT, 10);
    ShownView panned = host.shownView();
    ana.awaitViewCentredOn("main", panned.centreX(), panned.centreY(), TOLERANCE, LONG);
    host.press("+");
    ShownView zoomed = host.shownView();
    ana.await(
        LONG, "Ana's zoom tracks", d -> Math.abs(ana.shownView().scale() - zoomed.scale()) < 0.01);

    host.canvasTab("c-groupe-2").click();
    host.panWithKeys(Keys.ARROW_DOWN, 5);
    ShownView other = host.shownView();
    assertThat(other.canvasId()).isEqualTo("c-groupe-2");
    ana.awaitViewCentredOn("c-groupe-2", other.centreX(), other.centreY(), TOLERANCE, LONG);
    assertThat(ana.following()).isTrue();

    // Ana pans herself: following stops, and says so.
    ana.panWithKeys(Keys.ARROW_RIGHT, 3);
    ana.await(LONG, "following stops", d -> !ana.following());
    assertThat(ana.followBadgeState()).isEqualTo("stopped");
    assertThat(ana.text(AtelierPage.FOLLOW_BADGE)).contains("Vous ne suivez plus l’animation.");
    ShownView own = ana.shownView();

    // The facilitator moves on: Ana receives the view, and her screen stays where she put it.
    ana.countViews();
    host.panWithKeys(Keys.ARROW_UP, 8);
    ShownView moved = host.shownView();
    ana.awaitViewReceived(moved, TOLERANCE);
    assertThat(ana.shownView()).isEqualTo(own);

    // One click on the badge resumes: straight to where the facilitator is now.
    ana.driver().findElement(AtelierPage.testId("follow-badge-button")).click();
    ana.awaitViewCentredOn("c-groupe-2", moved.centreX(), moved.centreY(), TOLERANCE, LONG);
    assertThat(ana.following()).isTrue();
    assertThat(ana.followBadgeState()).isEqualTo("following");

    // The toggle works from the keyboard too.
    ana.script("arguments[0].focus();", toggle);
    ana.press(Keys.SPACE);
    ana.await(LONG, "the toggle is off", d -> !ana.following());
    assertThat(ana.followBadgeState()).isEqualTo("none");
  }
}
