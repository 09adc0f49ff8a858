package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * AT1 as people use it: a person says on joining that they take part from a distance, everyone sees
 * it in the people list, they can change it, and the facilitator can correct it.
 */
class AttendanceBrowserTest extends ServerWithChromium {

  @Test
  @DisplayName("AT1 the join choice, the people list chip, and who may change whose attendance")
  void remoteIsSharedAndCorrectable() {
    JsonObject workshop = server.createWorkshop("Présences", "fr");
    AtelierPage host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    AtelierPage ana = openBrowser("Ana");
    ana.driver().get(workshop.getString("joinUrl"));
    ana.awaitVisible(AtelierPage.NAME_INPUT, LONG).sendKeys("Ana");
    ana.driver().findElement(testId("join-remote")).click();
    ana.driver().findElement(AtelierPage.NAME_SUBMIT).click();
    ana.awaitConnected(LONG);
    String anaId = ana.awaitParticipantId();
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));
    String benId = ben.participantId();

    for (AtelierPage page : new AtelierPage[] {host, ana, ben}) {
      awaitChip(page, anaId, "true", "à distance");
    }
    // Someone in the room is the usual case: others see no chip for them, they see their own.
    assertThat(chip(ana, benId).isDisplayed()).isFalse();
    assertThat(chip(ben, benId).isDisplayed()).isTrue();
    assertThat(chip(ben, anaId).getTagName()).as("Ben cannot change Ana's").isEqualTo("span");

    chip(ben, benId).click();
    awaitChip(ana, benId, "true", "à distance");
    awaitChip(host, benId, "true", "à distance");

    WebElement hostsChip = chip(host, anaId);
    assertThat(hostsChip.getTagName()).isEqualTo("button");
    assertThat(hostsChip.getDomAttribute("aria-label"))
        .isEqualTo("Indiquer que Ana est dans la salle");
    hostsChip.click();
    awaitChip(ana, anaId, "false", "dans la salle");
    assertThat(
            ana.script("return [...window.atelier.engine.arrangement().remote].sort().join(',');"))
        .isEqualTo(benId);

    // After a reload the join choice is not applied again: the facilitator's correction stays.
    ana.reload();
    awaitChip(ana, anaId, "false", "dans la salle");

    // RT1: "remote first" puts Ben, who arrived after Ana, at the front of the speaking order.
    host.openRoundTable();
    host.roundControl("round-remote-first").click();
    host.roundControl("round-order-arrival").click();
    host.awaitSharedOrder(List.of(benId, anaId), LONG);
    ben.awaitSharedOrder(List.of(benId, anaId), LONG);
    assertThat(host.panelOrder()).containsExactly(benId, anaId);
  }

  private static WebElement chip(AtelierPage page, String participantId) {
    return page.driver()
        .findElement(
            By.cssSelector(
                "[data-testid=participant][data-participant-id='"
                    + participantId
                    + "'] [data-testid=attendance]"));
  }

  private static void awaitChip(
      AtelierPage page, String participantId, String remote, String text) {
    page.await(
        LONG,
        participantId + " shows as remote=" + remote,
        d -> {
          WebElement chip = chip(page, participantId);
          return remote.equals(chip.getDomAttribute("data-remote"))
              && text.equals(chip.getDomProperty("textContent"));
        });
  }
}
