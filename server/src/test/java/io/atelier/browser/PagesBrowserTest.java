package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The pages around the canvas: a link to nothing, and the choice of language. */
class PagesBrowserTest extends ServerWithChromium {
  @Test
  @DisplayName("HS3 a link to a workshop that does not exist says so, in French by default")
  void unknownWorkshop() {
    AtelierPage page = openBrowser("Personne");
    page.driver().get(server.baseUrl() + "/w/AAAAAAAAAAAAAAAAAAAAAA");
    String text = page.awaitVisible(testId("gate-problem"), LONG).getText();
    assertThat(text).contains("n’existe pas");
    assertThat(
            page.driver().findElements(AtelierPage.NAME_INPUT).stream()
                .anyMatch(e -> e.isDisplayed()))
        .isFalse();
  }

  @Test
  @DisplayName("the page follows the workshop's language, and the reader's own choice is kept")
  void languageChoice() {
    String joinUrl = server.createWorkshop("Langues", "fr").getString("joinUrl");
    AtelierPage page = browser("Aminata", joinUrl);
    WebDriver driver = page.driver();
    page.await(LONG, "French", d -> addNoteLabel(d).equals("Ajouter une note"));
    assertThat(driver.findElement(testId("connection-status")).getText()).contains("Connecté");

    page.headerControl(testId("language-toggle")).click();
    page.await(LONG, "English", d -> addNoteLabel(d).equals("Add a note"));
    assertThat(driver.findElement(testId("connection-status")).getText()).contains("Connected");
    assertThat(driver.findElement(testId("participant-list")).getText()).contains("(you)");

    page.reload();
    page.await(LONG, "still English after a reload", d -> addNoteLabel(d).equals("Add a note"));
  }

  @Test
  @DisplayName("HS3 the facilitator deletes the workshop; the page says it no longer exists")
  void facilitatorDeletes() {
    var workshop = server.createWorkshop("À supprimer", "fr");
    AtelierPage page = browser("Animatrice", workshop.getString("facilitatorUrl"));
    WebDriver driver = page.driver();
    assertThat(driver.getCurrentUrl()).doesNotContain("key="); // Out of the address bar.
    page.headerControl(testId("delete-workshop")).click(); // in the "⋯" menu
    page.await(LONG, "the confirmation", d -> ExpectedConditions.alertIsPresent().apply(d))
        .accept();
    page.await(
        LONG,
        "the failure banner",
        d ->
            d.findElement(testId("failure-banner")).isDisplayed()
                && d.findElement(testId("failure-banner")).getText().contains("n’existe plus"));
    assertThat(server.get("/api/workshops/" + workshop.getString("id")).statusCode())
        .isEqualTo(404);
  }

  private static String addNoteLabel(WebDriver driver) {
    return driver.findElement(AtelierPage.ADD_NOTE_BUTTON).getText();
  }
}
