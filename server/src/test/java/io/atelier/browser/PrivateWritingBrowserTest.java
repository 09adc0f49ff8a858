package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Private writing, then the reveal, seen from the facilitator and two participants (issue 6, point
 * 3; PW1, PW2, CU4): each writes alone and sees how many notes are hidden, no trace of another's
 * text reaches their page before the reveal, and an anonymous reveal shows every note and nobody's
 * name.
 */
class PrivateWritingBrowserTest extends ServerWithChromium {
  private static final String BANNER =
      "Écriture privée : vos notes ne sont visibles que par vous jusqu’à la révélation.";
  private static final String ANA_TEXT = "Jardin partagé au parc";
  private static final String BEN_TEXT = "Cuisine collective le jeudi";

  @Test
  @DisplayName(
      "PW1 PW2 CU4 Ana and Ben write in private: each sees only their own note and “1 autre note"
          + " cachée”, no trace of the other's text in the page, even after a reload; an anonymous"
          + " reveal shows both notes to both, with no author")
  void privateThenAnonymousReveal() {
    JsonObject workshop = server.createWorkshop("Écriture privée", "fr");
    AtelierPage host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    host.awaitFacilitator();
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));
    String anaId = ana.participantId();

    host.startPrivateWriting();
    for (AtelierPage page : List.of(host, ana, ben)) {
      assertThat(page.awaitPrivateBanner(LONG)).as(page.name()).isEqualTo(BANNER);
      page.awaitHiddenCount("Aucune autre note cachée", LONG);
      page.await(LONG, "a lock on the tab", d -> page.shown(testId("private-tab-mark")));
    }
    ana.awaitToast("Écriture privée sur", LONG);

    String anaNote = ana.createNoteAndAwait(ANA_TEXT);
    String benNote = ben.createNoteAndAwait(BEN_TEXT);
    ana.awaitHiddenCount("1 autre note cachée", LONG);
    ben.awaitHiddenCount("1 autre note cachée", LONG);
    host.awaitHiddenCount("2 autres notes cachées", LONG);
    assertThat(ana.engineNoteTexts()).containsExactly(ANA_TEXT);
    assertThat(ben.engineNoteTexts()).containsExactly(BEN_TEXT);
    assertThat(ana.holdsText(BEN_TEXT)).as("Ben's text in Ana's page").isFalse();
    assertThat(ben.holdsText(ANA_TEXT)).as("Ana's text in Ben's page").isFalse();
    assertThat(host.holdsText(ANA_TEXT) || host.holdsText(BEN_TEXT))
        .as("the facilitator writes in private too")
        .isFalse();
    assertThat(host.engineNoteTexts()).isEmpty();
    assertThat(ana.shown(AtelierPage.PRIVATE_REVEAL)).as("only the facilitator reveals").isFalse();

    ana.reload();
    assertThat(ana.awaitPrivateBanner(LONG)).isEqualTo(BANNER);
    ana.awaitNoteText(anaNote, ANA_TEXT, LONG);
    ana.awaitHiddenCount("1 autre note cachée", LONG);
    assertThat(ana.noteIds()).containsExactly(anaNote);
    assertThat(ana.holdsText(BEN_TEXT)).as("Ben's text in Ana's reloaded page").isFalse();

    host.revealPrivateWriting(true);
    for (AtelierPage page : List.of(ana, ben)) {
      page.awaitToast("Les notes sont révélées", LONG);
      page.awaitNoteText(anaNote, ANA_TEXT, LONG);
      page.awaitNoteText(benNote, BEN_TEXT, LONG);
      page.await(
          LONG,
          "the banner says the notes are anonymous",
          d -> page.shown(testId("private-anonymous-mark")));
      assertThat(
              page.script(
                  "return document.querySelector('[data-testid=private-banner-text]').textContent;"))
          .asString()
          .contains("Notes anonymes");
    }
    host.awaitNoteText(anaNote, ANA_TEXT, LONG);
    host.awaitNoteText(benNote, BEN_TEXT, LONG);
    assertThat(ana.engineNoteAuthor(benNote)).as("Ben's note names nobody for Ana").isNull();
    assertThat(ben.engineNoteAuthor(anaNote)).as("Ana's note names nobody for Ben").isNull();
    assertThat(ana.engineNoteAuthor(anaNote)).as("Ana's tab still knows her own").isEqualTo(anaId);
    assertThat(host.engineNoteAuthor(anaNote)).isNull();
    assertThat(host.engineNoteAuthor(benNote)).isNull();

    // CU4: Ben edits his note; Ana sees the new text, and no mark or pointer says who edits it.
    ben.editText(benNote, BEN_TEXT + " soir");
    ana.awaitNoteText(benNote, BEN_TEXT + " soir", LONG);
    for (AtelierPage page : List.of(host, ana)) {
      assertThat(page.shown(testId("note-editing")))
          .as("%s: an editing mark", page.name())
          .isFalse();
      assertThat(page.shown(testId("cursor"))).as("%s: a pointer", page.name()).isFalse();
      for (String noteId : List.of(anaNote, benNote)) {
        String shown = page.noteElement(noteId).getText();
        assertThat(shown).doesNotContain("Ana").doesNotContain("Ben");
      }
    }
  }

  @Test
  @DisplayName(
      "PW1 PW2 a participant sees no private writing controls; on a 360 px phone the facilitator"
          + " starts it from the canvas tools' menu and reveals from the banner, by keyboard")
  void controlsAreTheFacilitators() {
    JsonObject workshop = server.createWorkshop("Écriture privée au téléphone", "fr");
    AtelierPage host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    host.awaitFacilitator();
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    for (AtelierPage page : List.of(host, ana)) {
      page.driver().manage().window().setSize(new Dimension(360, 740));
      page.await(
          LONG,
          "a 360 px wide page",
          d -> ((Number) page.script("return innerWidth;")).intValue() <= 360);
    }

    // Ana: the canvas tools' menu holds printing, not private writing.
    ana.canvasTool(testId("print-canvas"));
    assertThat(ana.shown(AtelierPage.PRIVATE_TOOL)).isFalse();
    ana.press(Keys.ESCAPE);

    // The facilitator: ⋯, arrows to "Écriture privée", Enter; the dialog's button has the focus.
    WebElement menu = host.awaitVisible(AtelierPage.CANVAS_TOOLS_MENU, LONG);
    host.script("arguments[0].focus();", menu);
    host.press(Keys.ENTER);
    for (int i = 0; i < 10 && !focused(host, "private-writing-tool"); i++) {
      host.press(Keys.ARROW_DOWN);
    }
    assertThat(host.focused().getText()).isEqualTo("Écriture privée");
    host.press(Keys.ENTER);
    host.awaitVisible(AtelierPage.PRIVATE_START_DIALOG, LONG);
    host.await(LONG, "the dialog's button has the focus", d -> focused(host, "dialog-submit"));
    host.press(Keys.ENTER);

    host.awaitPrivateBanner(LONG);
    assertThat(ana.awaitPrivateBanner(LONG)).isEqualTo(BANNER);
    assertThat(ana.shown(AtelierPage.PRIVATE_REVEAL)).as("Ana gets no Reveal").isFalse();
    ana.canvasTool(testId("print-canvas"));
    assertThat(ana.shown(AtelierPage.PRIVATE_TOOL)).as("nor the tool").isFalse();
    ana.press(Keys.ESCAPE);
    for (AtelierPage page : List.of(host, ana)) {
      assertThat(page.script("return document.documentElement.scrollWidth <= innerWidth;"))
          .as("%s: no sideways scrolling with the banner", page.name())
          .isEqualTo(true);
    }
    String anaNote = ana.createNoteAndAwait("Une idée au téléphone");
    host.awaitHiddenCount("1 autre note cachée", LONG);

    // Reveal with names, by keyboard: the box has the focus; Tab, Tab to the dialog's button.
    WebElement reveal = host.awaitVisible(AtelierPage.PRIVATE_REVEAL, LONG);
    host.script("arguments[0].focus();", reveal);
    host.press(Keys.ENTER);
    host.awaitVisible(AtelierPage.PRIVATE_REVEAL_DIALOG, LONG);
    host.await(LONG, "the box has the focus", d -> focused(host, "reveal-anonymous"));
    host.press(Keys.TAB, Keys.TAB);
    host.await(LONG, "the reveal button has the focus", d -> focused(host, "dialog-submit"));
    host.press(Keys.ENTER);
    host.awaitNoteText(anaNote, "Une idée au téléphone", LONG);
    host.await(LONG, "the banner goes", d -> !host.shown(AtelierPage.PRIVATE_BANNER));
    ana.await(LONG, "the banner goes", d -> !ana.shown(AtelierPage.PRIVATE_BANNER));
    assertThat(host.engineNoteAuthor(anaNote)).isEqualTo(ana.participantId());
  }

  private static boolean focused(AtelierPage page, String testid) {
    return testid.equals(page.focused().getDomAttribute("data-testid"));
  }
}
