package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 4 in the browser: the template under the notes in both languages, the pillars' counts and
 * balance, and the facilitator's canvases, groups and overview seen from two browsers.
 */
class CanvasBrowserTest extends ServerWithChromium {
  private static final List<String> PILLARS =
      List.of("community", "resources", "coproduction", "sharing", "cogovernance");

  @Test
  @DisplayName(
      "CV1 a new workshop shows the MSC canvas: five pillars and their questions, FR then EN")
  void mscCanvasInBothLanguages() {
    JsonObject msc = template("msc");
    AtelierPage page =
        browser("Aminata", server.createWorkshop("Atelier MSC", "fr").getString("joinUrl"));

    page.await(LONG, "the MSC zones are drawn", d -> page.zones().size() == zoneCount(msc));
    assertZonesShow(page, msc, "fr");
    assertThat(pillarNames(page))
        .containsExactly("Communauté", "Ressources", "Co-production", "Partage", "Co-gouvernance");

    page.headerControl(testId("language-toggle")).click();
    page.await(
        LONG,
        "the zones are in English",
        d -> pillarNames(page).contains("Co-governance") && !pillarNames(page).contains("Partage"));
    assertZonesShow(page, msc, "en");
    assertThat(pillarNames(page))
        .containsExactly("Community", "Resources", "Co-production", "Sharing", "Co-governance");
  }

  @Test
  @DisplayName("CV5 a note placed in the Sharing zone counts for Sharing, and the balance shows")
  void pillarCountsAndBalance() {
    AtelierPage page =
        browser("Béatrice", server.createWorkshop("Équilibre", "fr").getString("joinUrl"));
    WebDriver driver = page.driver();
    page.await(
        LONG, "the balance panel", d -> d.findElement(AtelierPage.PILLAR_BALANCE).isDisplayed());
    for (String pillar : PILLARS) {
      assertThat(page.pillarCount(pillar)).as(pillar).isZero();
    }
    WebElement evenness = driver.findElement(testId("pillar-evenness"));
    assertThat(evenness.getDomAttribute("data-evenness")).isEmpty();

    page.createNoteInZone("sharing", "Documentation ouverte");
    page.await(LONG, "Sharing counts 1", d -> page.pillarCount("sharing") == 1);
    assertThat(page.pillarCount("community")).isZero();
    assertThat(zoneBadge(page, "sharing")).isEqualTo("1");
    page.await(
        LONG, "the balance shows", d -> !evenness.getDomAttribute("data-evenness").isEmpty());
    assertThat(evenness.getText()).contains("0 %").contains("Très déséquilibré");

    // One note in every pillar: an even spread.
    for (String pillar : List.of("community", "resources", "coproduction", "cogovernance")) {
      page.createNoteInZone(pillar, "Note " + pillar);
    }
    page.await(
        LONG,
        "every pillar counts 1",
        d -> PILLARS.stream().allMatch(p -> page.pillarCount(p) == 1));
    page.await(LONG, "balanced", d -> evenness.getText().contains("100 %"));
    assertThat(evenness.getText()).contains("Équilibré");
    page.awaitNothingUnsent(LONG);
  }

  @Test
  @DisplayName(
      "CV1 CV4 the facilitator creates 3 canvases, assigns a participant, sees their note live")
  void facilitatorCanvasesGroupsAndOverview() {
    JsonObject workshop = server.createWorkshop("Sous-groupes", "fr");
    AtelierPage facilitator = browser("Animatrice", workshop.getString("facilitatorUrl"));
    AtelierPage paul = browser("Paul", workshop.getString("joinUrl"));
    String paulId = paul.participantId();
    facilitator.awaitParticipantOnline(paulId, "Paul", LONG);
    assertThat(
            paul.driver().findElements(testId("new-canvases")).stream()
                .noneMatch(WebElement::isDisplayed))
        .as("a participant sees no facilitator tools")
        .isTrue();

    // Three canvases from "Analyser une autre plateforme", named Équipe 1 to Équipe 3.
    facilitator.awaitVisible(testId("new-canvases"), LONG).click();
    WebElement dialog = facilitator.awaitVisible(testId("new-canvases-dialog"), LONG);
    WebElement analyse =
        dialog.findElement(By.cssSelector("[data-testid=template-choice][value=analyse-platform]"));
    facilitator.await(
        LONG,
        "the template's name and description",
        d ->
            analyse
                .findElement(By.xpath(".."))
                .getText()
                .contains("Analyser une autre plateforme"));
    analyse.click();
    WebElement count = dialog.findElement(testId("canvas-count"));
    count.clear();
    count.sendKeys("3");
    WebElement prefix = dialog.findElement(testId("canvas-prefix"));
    prefix.clear();
    prefix.sendKeys("Équipe");
    dialog.findElement(testId("dialog-submit")).click();

    paul.await(LONG, "Paul sees four canvases", d -> paul.canvasTabs().size() == 4);
    Map<String, String> tabs = facilitator.canvasTabs();
    assertThat(tabs.values()).containsSubsequence("Équipe 1", "Équipe 2", "Équipe 3");
    String second =
        tabs.entrySet().stream()
            .filter(e -> e.getValue().equals("Équipe 2"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();

    // The facilitator assigns Paul to the second: Paul's browser lands on it, with a toast.
    WebElement select =
        facilitator.await(
            LONG,
            "a group select for Paul",
            d ->
                d
                    .findElements(
                        By.cssSelector(
                            "[data-testid=participant][data-participant-id='"
                                + paulId
                                + "'] [data-testid=group-select]"))
                    .stream()
                    .findFirst()
                    .orElse(null));
    new Select(select).selectByValue(second);
    paul.awaitCurrentCanvas(second, LONG);
    paul.awaitToast("Vous faites maintenant partie du groupe « Équipe 2 ».", LONG);
    assertThat(paul.canvasTab(second).findElement(testId("own-group-mark")).isDisplayed()).isTrue();
    paul.await(
        LONG,
        "the analyse-platform zones",
        d -> paul.zones().stream().anyMatch(z -> z.name().equals("Ce qui m’inspire")));

    // Paul may visit the other canvases, with the keyboard too, then comes back to his own.
    paul.script("arguments[0].focus();", paul.canvasTab(second));
    paul.press(Keys.HOME);
    paul.awaitCurrentCanvas("main", LONG);
    paul.press(Keys.ARROW_RIGHT);
    paul.awaitCurrentCanvas(tabs.keySet().stream().skip(1).findFirst().orElseThrow(), LONG);
    paul.canvasTab(second).click();
    paul.awaitCurrentCanvas(second, LONG);

    // The overview shows the canvas; Paul's note appears in its miniature.
    facilitator.driver().findElement(testId("overview")).click();
    facilitator.await(
        LONG, "a miniature per canvas", d -> d.findElements(AtelierPage.MINIATURE).size() == 4);
    assertThat(facilitator.miniature(second).getText()).contains("Équipe 2");
    String noteId = paul.createNoteAndAwait("Un wiki partagé");
    facilitator.await(
        LONG,
        "the miniature counts Paul's note",
        d ->
            "1"
                    .equals(
                        facilitator
                            .miniature(second)
                            .findElement(testId("miniature-total"))
                            .getDomAttribute("data-total"))
                && facilitator.miniature(second).findElements(testId("miniature-note")).size()
                    == 1);
    assertThat(facilitator.noteIds()).as("the main canvas does not show it").doesNotContain(noteId);

    // Enter on the miniature jumps into the canvas.
    facilitator.miniature(second).sendKeys(Keys.ENTER);
    facilitator.awaitCurrentCanvas(second, LONG);
    facilitator.awaitNoteText(noteId, "Un wiki partagé", LONG);

    // CV2: renamed there, the tab changes in Paul's browser.
    facilitator.driver().findElement(testId("rename-canvas")).click();
    WebElement name =
        facilitator
            .awaitVisible(testId("rename-canvas-dialog"), LONG)
            .findElement(testId("canvas-name"));
    name.clear();
    name.sendKeys("Équipe wiki");
    facilitator.driver().findElement(testId("dialog-submit")).click();
    paul.await(LONG, "the new name", d -> "Équipe wiki".equals(paul.canvasTabs().get(second)));

    // CV3: deleted after a confirmation; Paul falls back to the first canvas, and is told.
    facilitator.driver().findElement(testId("delete-canvas")).click();
    facilitator
        .await(LONG, "the confirmation", d -> ExpectedConditions.alertIsPresent().apply(d))
        .accept();
    paul.awaitCurrentCanvas("main", LONG);
    paul.awaitToast("Le canevas « Équipe wiki » a été supprimé", LONG);
    assertThat(paul.canvasTabs()).doesNotContainKey(second);
    assertThat(paul.noteIds()).doesNotContain(noteId);
  }

  @Test
  @DisplayName("the print view shows the current canvas alone: title, canvas name, zones, notes")
  void printView() {
    AtelierPage page =
        browser("Chloé", server.createWorkshop("Atelier imprimé", "fr").getString("joinUrl"));
    page.await(LONG, "the zones", d -> !page.zones().isEmpty());
    String noteId = page.createNoteInZone("sharing", "Guides en ligne");
    WebDriver driver = page.driver();
    assertThat(driver.findElement(testId("print-canvas")).isDisplayed()).isTrue();

    // What window.print() does before it prints, then the print stylesheet.
    page.script("window.dispatchEvent(new Event('beforeprint'));");
    ((org.openqa.selenium.chrome.ChromeDriver) driver)
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(driver.findElement(testId("print-header")).getText())
          .contains("Atelier imprimé")
          .contains(page.canvasTabs().get("main"));
      assertThat(driver.findElement(By.className("topbar")).isDisplayed()).isFalse();
      assertThat(driver.findElement(AtelierPage.ADD_NOTE_BUTTON).isDisplayed()).isFalse();
      assertThat(driver.findElement(testId("participant-list")).isDisplayed()).isFalse();
      assertThat(page.zones().stream().map(AtelierPage.ZoneView::name)).contains("Partage");
      assertThat(page.noteElement(noteId).getText()).contains("Guides en ligne");
      assertThat(driver.findElement(testId("print-notes")).getText())
          .contains("Partage")
          .contains("Guides en ligne");
      // The whole template fits on the printed board.
      @SuppressWarnings("unchecked")
      Map<String, Number> fit =
          (Map<String, Number>)
              page.script(
                  "var b = document.querySelector('[data-testid=canvas]').getBoundingClientRect();"
                      + "var z = [...document.querySelectorAll('[data-testid=zone]')]"
                      + "  .map(e => e.getBoundingClientRect());"
                      + "return {out: z.filter(r => r.left < b.left - 1 || r.right > b.right + 1"
                      + "  || r.top < b.top - 1 || r.bottom > b.bottom + 1).length};");
      assertThat(fit.get("out").intValue()).isZero();
    } finally {
      ((org.openqa.selenium.chrome.ChromeDriver) driver)
          .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      page.script("window.dispatchEvent(new Event('afterprint'));");
    }
    assertThat(driver.findElement(By.className("topbar")).isDisplayed()).isTrue();
  }

  private static void assertZonesShow(AtelierPage page, JsonObject template, String language) {
    List<AtelierPage.ZoneView> zones = page.zones();
    JsonArray expected = template.getJsonArray("zones");
    for (int i = 0; i < expected.size(); i++) {
      JsonObject zone = expected.getJsonObject(i);
      AtelierPage.ZoneView shown =
          zones.stream()
              .filter(z -> zone.getString("id").equals(z.id()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no zone " + zone.getString("id")));
      assertThat(shown.name()).isEqualTo(zone.getJsonObject("name").getString(language));
      assertThat(shown.questions())
          .as("questions of %s in %s", zone.getString("id"), language)
          .containsExactlyElementsOf(
              zone.getJsonObject("questions").getJsonArray(language).stream()
                  .map(Object::toString)
                  .toList());
    }
  }

  private static List<String> pillarNames(AtelierPage page) {
    List<AtelierPage.ZoneView> zones = page.zones();
    return PILLARS.stream()
        .flatMap(
            p -> zones.stream().filter(z -> p.equals(z.pillar())).map(AtelierPage.ZoneView::name))
        .toList();
  }

  private static String zoneBadge(AtelierPage page, String pillar) {
    return page.driver()
        .findElement(By.cssSelector("[data-testid=zone-count][data-pillar='" + pillar + "']"))
        .getText();
  }

  private static int zoneCount(JsonObject template) {
    return template.getJsonArray("zones").size();
  }

  /** The template file the browser fetches, from the web client's jar: the test cannot drift. */
  private static JsonObject template(String id) {
    String path = "webroot/templates/" + id + ".json";
    try (InputStream in = CanvasBrowserTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("no " + path + " on the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
