package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What a person reads when a limit of the server stops them (LM5, LM6), in a real browser. */
class LimitsBrowserTest extends ServerWithChromium {
  private TestClient host;

  /** Runs after the base class's start: this class's node holds two people, one note a canvas. */
  @BeforeAll
  static void smallLimits() {
    server.close();
    server =
        new RunningServer(
            AtelierConfig.forTests()
                .withLimits(
                    Limits.fromEnvironment(
                        Map.of(
                            "ATELIER_MAX_PARTICIPANTS",
                            "2",
                            "ATELIER_MAX_NOTES_PER_CANVAS",
                            "1"))));
  }

  @AfterEach
  void closeHost() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  @DisplayName(
      "LM6 LM5 the page says in French that the canvas is full and takes the refused note away;"
          + " a newcomer to a full workshop reads why, and the page stops trying")
  void fullCanvasAndFullWorkshop() {
    JsonObject created = server.createWorkshop("Complet", "fr");
    host = server.facilitate(created);
    host.send(
        new ClientMessage.CreateNote(
            "h-1", "n-host", 40.0, 40.0, 200.0, 140.0, "La seule place", "yellow"));
    host.await(Ack.class, a -> a.changeId().equals("h-1"));
    String joinUrl = created.getString("joinUrl");

    AtelierPage ana = browser("Ana", joinUrl);
    ana.await(LONG, "the host's note", d -> ana.noteIds().contains("n-host"));
    ana.driver().findElement(AtelierPage.ADD_NOTE_BUTTON).click();
    ana.awaitToast("Ce canevas a atteint le nombre maximal de notes", LONG);
    ana.await(LONG, "only the host's note left", d -> ana.noteIds().size() == 1);

    AtelierPage ben = openBrowser("Ben");
    WebDriver driver = ben.driver();
    driver.get(joinUrl);
    WebElement name = ben.awaitVisible(AtelierPage.NAME_INPUT, LONG);
    name.sendKeys("Ben");
    driver.findElement(AtelierPage.NAME_SUBMIT).click();
    ben.await(
        LONG,
        "the failure banner",
        d ->
            d.findElement(testId("failure-banner")).isDisplayed()
                && d.findElement(testId("failure-banner"))
                    .getText()
                    .contains("Cet atelier est complet"));
    assertThat(ben.connectionState()).isEqualTo("failed");
  }
}
