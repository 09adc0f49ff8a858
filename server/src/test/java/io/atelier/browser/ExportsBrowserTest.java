package io.atelier.browser;

import static io.atelier.browser.AtelierPage.EXPORT_MENU;
import static io.atelier.browser.AtelierPage.FACILITATOR_LINK;
import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.exportItem;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Results leave through the facilitator's menu (EX1) and come back through the home page (EX2). */
class ExportsBrowserTest extends ServerWithChromium {
  @TempDir Path files;

  private static boolean shown(WebDriver driver, org.openqa.selenium.By locator) {
    return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
  }

  @Test
  @DisplayName(
      "EX2 a JSON export chosen on the home page becomes a workshop that opens with its notes")
  void importThroughTheHomePage() throws IOException {
    JsonObject original = server.createWorkshop("Atelier à reprendre", "fr");
    String id = original.getString("id");
    TestClient ana = server.join(id, "Ana");
    ana.send(
        new ClientMessage.CreateNote(
            "a-1", "n-1", "main", -550.0, -350.0, 200.0, 140.0, "Des bénévoles ☕", "yellow"));
    ana.send(
        new ClientMessage.CreateNote(
            "a-2", "n-2", "main", -100.0, 530.0, 200.0, 140.0, "Un local prêté", "green"));
    ana.await(Ack.class, ack -> ack.changeId().equals("a-2"));
    ana.close();
    String export =
        server
            .get(
                "/api/workshops/" + id + "/export?format=json",
                "Bearer " + original.getString("facilitatorKey"))
            .body();
    Path file = Files.writeString(files.resolve("atelier.json"), export, StandardCharsets.UTF_8);

    AtelierPage page = openBrowser("Animatrice");
    WebDriver driver = page.driver();
    driver.get(server.baseUrl() + "/");
    page.chooseImportFile(file);
    String facilitatorUrl = page.awaitVisible(FACILITATOR_LINK, LONG).getText();
    assertThat(facilitatorUrl).startsWith(server.baseUrl() + "/w/").contains("#key=");
    assertThat(facilitatorUrl).doesNotContain(id);
    assertThat(driver.findElement(org.openqa.selenium.By.id("created-title")).getText())
        .isEqualTo("Atelier à reprendre");
    page.awaitToast("Atelier importé.", LONG);

    page.join(facilitatorUrl);
    page.awaitNoteText("n-1", "Des bénévoles ☕", LONG);
    page.awaitNoteText("n-2", "Un local prêté", LONG);
    page.await(LONG, "the export menu for the facilitator", d -> shown(d, EXPORT_MENU));
  }

  @Test
  @DisplayName("EX2 a file that is not an export is refused on the home page with the reason")
  void badImportFile() throws IOException {
    Path file = Files.writeString(files.resolve("notes.json"), "{\"format\":\"miro\"}");
    AtelierPage page = openBrowser("Animatrice");
    page.driver().get(server.baseUrl() + "/");
    page.chooseImportFile(file);
    String error = page.awaitVisible(AtelierPage.IMPORT_ERROR, LONG).getText();
    // Headless Chromium speaks English: so does the home page, until a workshop is chosen.
    assertThat(error).startsWith("Could not import: ").contains("not an Atelier export");
    assertThat(shown(page.driver(), FACILITATOR_LINK)).isFalse();
  }

  @Test
  @DisplayName(
      "EX1 the facilitator exports by keyboard from the menu and gets the file; others see no menu")
  void exportFromTheMenu() throws IOException {
    Path downloads = Files.createDirectory(files.resolve("downloads"));
    JsonObject workshop = server.createWorkshop("Export au clavier", "fr");
    AtelierPage page = openBrowser("Animatrice");
    WebDriver driver = page.driver();
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    page.join(workshop.getString("facilitatorUrl"));
    page.createNoteAndAwait("=1+1, « idée » ☕");

    WebElement menu = page.awaitVisible(EXPORT_MENU, LONG);
    assertThat(menu.getText()).contains("Exporter");
    assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("false");
    driver.switchTo().activeElement(); // Keyboard only from here.
    page.script("arguments[0].focus();", menu);
    page.press(Keys.ENTER);
    page.await(LONG, "the first item has the focus", d -> isFocused(page, "export-md"));
    assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("true");
    page.press(Keys.ESCAPE);
    page.await(LONG, "the menu closed, focus back", d -> isFocused(page, "export-menu"));
    assertThat(shown(driver, exportItem("md"))).isFalse();

    page.press(Keys.ARROW_DOWN);
    page.await(LONG, "the menu opens on its first item", d -> isFocused(page, "export-md"));
    page.press(Keys.ARROW_DOWN);
    page.await(LONG, "the CSV item has the focus", d -> isFocused(page, "export-csv"));
    page.press(Keys.ENTER);
    Path csv = awaitDownload(page, downloads, ".csv");
    assertThat(csv.getFileName().toString())
        .matches("export-au-clavier-\\d{4}-\\d{2}-\\d{2}\\.csv");
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("\uFEFFcanvas,pillar,zone,text,author,color,created_at,cluster,votes\r\n")
        .contains(",\"'=1+1, « idée » ☕\",Animatrice,yellow,");
    page.awaitToast("Fichier téléchargé : " + csv.getFileName(), LONG);
    assertThat(shown(driver, exportItem("csv"))).isFalse();

    // Someone else's screen in another workshop: no export menu.
    AtelierPage participant = new AtelierPage(driver, "Ben");
    participant.join(server.createWorkshop("Autre", "fr").getString("joinUrl"));
    assertThat(driver.findElements(EXPORT_MENU).stream().noneMatch(WebElement::isDisplayed))
        .isTrue();
  }

  private static boolean isFocused(AtelierPage page, String testId) {
    return testId.equals(page.focused().getDomAttribute("data-testid"));
  }

  private static Path awaitDownload(AtelierPage page, Path folder, String extension) {
    return page.await(
        LONG,
        "a finished " + extension + " download in " + folder,
        d -> {
          try (Stream<Path> found = Files.list(folder)) {
            // Chromium may show the file under its name before its bytes are written: wait for
            // them.
            Optional<Path> done =
                found
                    .filter(p -> p.getFileName().toString().endsWith(extension))
                    .filter(p -> p.toFile().length() > 0)
                    .findFirst();
            return done.orElse(null);
          } catch (IOException e) {
            return null;
          }
        });
  }
}
