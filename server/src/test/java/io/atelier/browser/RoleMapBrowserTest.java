package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.ROLE_MAP_TOGGLE;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.atelier.browser.AtelierPage.RoleMarker;
import io.atelier.browser.AtelierPage.RolePillar;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The role map as people use it: each places their own markers on the pillars, with a role text,
 * and everyone sees who contributes where, live.
 */
class RoleMapBrowserTest extends ServerWithChromium {
  private static final List<String> PILLARS =
      List.of("community", "resources", "coproduction", "sharing", "cogovernance");

  @Test
  @DisplayName("RM1 markers and role texts reach everyone live; a removed marker goes away")
  void markersReachEveryone() {
    String joinUrl = server.createWorkshop("Rôles", "fr").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    AtelierPage ben = browser("Ben", joinUrl);
    String anaId = ana.participantId();
    String benId = ben.participantId();

    ana.openRoleMap();
    assertThat(ana.rolePillars())
        .extracting(RolePillar::pillar, RolePillar::name, RolePillar::count)
        .containsExactly(
            tuple("community", "Communauté", 0),
            tuple("resources", "Ressources", 0),
            tuple("coproduction", "Co-production", 0),
            tuple("sharing", "Partage", 0),
            tuple("cogovernance", "Co-gouvernance", 0));
    assertThat(ana.driver().findElement(testId("role-map-empty")).isDisplayed()).isTrue();

    ana.placeRole("sharing", "Je documente");
    ben.openRoleMap();
    ben.awaitRoleMarkers("sharing", List.of(anaId), LONG);
    ben.placeRole("sharing", "Je traduis");
    ben.placeRole("community", "");

    for (AtelierPage page : List.of(ana, ben)) {
      RolePillar sharing = page.awaitRoleMarkers("sharing", List.of(anaId, benId), LONG);
      assertThat(sharing.markers())
          .extracting(RoleMarker::role)
          .as("%s: role texts in the Sharing summary", page.name())
          .containsExactly("Je documente", "Je traduis");
      assertThat(sharing.markers().get(0).name()).startsWith("Ana");
      assertThat(sharing.markers().get(1).name()).startsWith("Ben");
      RolePillar community = page.awaitRoleMarkers("community", List.of(benId), LONG);
      assertThat(community.markers().get(0).role()).isEmpty();
      assertThat(page.rolePillar("resources").count()).isZero();
      assertThat(page.driver().findElement(testId("role-map-empty")).isDisplayed()).isFalse();
    }
    assertThat(ana.rolePillar("sharing").markers().get(0).name()).isEqualTo("Ana (vous)");
    assertThat(ben.rolePillar("sharing").markers().get(0).name()).isEqualTo("Ana");

    ana.removeRole("sharing");
    RolePillar after = ben.awaitRoleMarkers("sharing", List.of(benId), LONG);
    assertThat(after.count()).isEqualTo(1);
    ana.awaitRoleMarkers("sharing", List.of(benId), LONG);
    assertThat(ana.roleControl("sharing", "role-contribute").isSelected()).isFalse();
  }

  @Test
  @DisplayName("RM1 a role being typed is never overwritten by an update, and is saved once typed")
  void typingIsNotOverwritten() {
    String joinUrl = server.createWorkshop("Rôles en cours", "fr").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    AtelierPage ben = browser("Ben", joinUrl);
    String anaId = ana.participantId();
    ana.openRoleMap();
    ben.openRoleMap();

    WebElement input = ana.roleControl("sharing", "role-input");
    input.sendKeys("Je documente nos pratique");
    // The same participant's marker changes under the field (as from another tab of Ana's).
    ana.script(
        "var room = window.atelier.room;"
            + "room.connection.send({type: 'set_role', changeId: room.ids.changeId(),"
            + " pillar: 'sharing', role: 'Autre chose'});");
    ben.await(
        LONG,
        "Ben sees a marker of Ana's on Sharing",
        d -> !ben.rolePillar("sharing").markers().isEmpty());
    assertThat(input.getDomProperty("value")).isEqualTo("Je documente nos pratique");
    input.sendKeys("s");

    // The typed role is saved after a pause, with the field still focused, and wins.
    ben.await(
        LONG,
        "Ben sees Ana's typed role",
        d ->
            ben.rolePillar("sharing").markers().stream()
                .anyMatch(
                    m ->
                        anaId.equals(m.participantId())
                            && "Je documente nos pratiques".equals(m.role())));
    assertThat(ana.focused()).isEqualTo(input);
    assertThat(input.getDomProperty("value")).isEqualTo("Je documente nos pratiques");
  }

  @Test
  @DisplayName(
      "RM1 on a 360 px phone the role map is in the top bar's menu and its pillars stack; the"
          + " keyboard opens it, ticks and closes")
  void phoneAndKeyboard() {
    String joinUrl = server.createWorkshop("Rôles au téléphone", "en").getString("joinUrl");
    AtelierPage ana = browser("Ana", joinUrl);
    ana.driver().manage().window().setSize(new Dimension(360, 740));
    int viewport = ((Number) ana.script("return document.documentElement.clientWidth;")).intValue();

    // On a phone the top bar folds its tools into the "⋯" menu; the keyboard gets there.
    ana.await(LONG, "the tools are folded", d -> !ana.shown(ROLE_MAP_TOGGLE));
    Object overflow =
        ana.script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("the page is no wider than the phone").isZero();
    ana.script("arguments[0].focus();", ana.driver().findElement(AtelierPage.MORE_MENU));
    ana.press(Keys.ENTER);
    ana.await(LONG, "the menu opens on its first item", d -> isFocused(ana, "agenda-toggle"));
    ana.press(Keys.ARROW_DOWN);
    ana.await(LONG, "Down moves to the role map", d -> isFocused(ana, "role-map-toggle"));
    WebElement toggle = ana.focused();
    assertThat(toggle.getText()).isEqualTo("Role map");
    assertThat(toggle.getDomAttribute("aria-label")).isEqualTo("Role map");
    assertThat(toggle.getDomAttribute("role")).isEqualTo("menuitem");
    ana.press(Keys.ENTER);
    WebElement dialog = ana.awaitVisible(AtelierPage.ROLE_MAP, LONG);
    assertThat(ana.moreMenuOpen()).as("the menu closed behind the dialog").isFalse();
    assertThat(dialog.getRect().getWidth()).isLessThanOrEqualTo(viewport);

    List<WebElement> cards = ana.driver().findElements(testId("role-pillar"));
    assertThat(cards).hasSize(PILLARS.size());
    for (int i = 0; i < cards.size(); i++) {
      Rectangle box = cards.get(i).getRect();
      assertThat(box.getX()).as("pillar %d starts inside the screen", i).isGreaterThanOrEqualTo(0);
      assertThat(box.getX() + box.getWidth()).as("pillar %d fits", i).isLessThanOrEqualTo(viewport);
      if (i > 0) {
        Rectangle above = cards.get(i - 1).getRect();
        assertThat(box.getX()).isEqualTo(above.getX());
        assertThat(box.getY()).isGreaterThanOrEqualTo(above.getY() + above.getHeight());
      }
    }
    assertThat(ana.rolePillar("community").name()).isEqualTo("Community");

    // Space ticks "I contribute here" on Community; the own marker shows at once.
    WebElement checkbox = ana.roleControl("community", "role-contribute");
    ana.script("arguments[0].focus();", checkbox);
    ana.press(Keys.SPACE);
    ana.awaitRoleMarkers("community", List.of(ana.participantId()), LONG);
    assertThat(ana.rolePillar("community").markers().get(0).name()).isEqualTo("Ana (you)");

    ana.press(Keys.ESCAPE);
    ana.await(LONG, "the role map is closed", d -> !ana.roleMapOpen());
    ana.await(
        LONG,
        "the focus is back on the menu that held role-map-toggle",
        d -> isFocused(ana, "more-menu"));
  }

  private static boolean isFocused(AtelierPage page, String testId) {
    return testId.equals(page.focused().getDomAttribute("data-testid"));
  }
}
