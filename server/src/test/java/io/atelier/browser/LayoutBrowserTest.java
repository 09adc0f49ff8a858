package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The workshop page as a layout, with everything in the top bar at once (a long title, the step
 * chip, a running timer, the facilitator's tools): one row at a laptop's width without anything
 * overlapping, and on a 360 px phone no sideways scrolling and every control within reach.
 */
class LayoutBrowserTest extends ServerWithChromium {
  private static final String LONG_TITLE = "Soutenabilité de nos plateformes numériques communes";

  /** The controls of the top bar that everyone has, and those only the facilitator has. */
  private static final List<String> EVERYONE =
      List.of("agenda-toggle", "role-map-toggle", "share-button", "language-toggle", "timer-menu");

  private static final List<String> FACILITATOR_ONLY =
      List.of("round-table-toggle", "export-menu", "delete-workshop");

  /** One row: the bar is no taller than this (it is 3 to 3.25 rem; two rows would be 5 and up). */
  private static final int ONE_ROW_PX = 64;

  /** A room in full swing: the MSC agenda on its canvas exercise, and a timer running. */
  private List<AtelierPage> busyRoom() {
    JsonObject workshop = server.createWorkshop(LONG_TITLE, "fr");
    AtelierPage fanny = browser("Fanny Tremblay", workshop.getString("facilitatorUrl"));
    fanny.awaitFacilitator();
    AtelierPage paul = browser("Paul-Émile Gagnon", workshop.getString("joinUrl"));
    fanny.applyMscPreset();
    fanny.clickStepButton(6, "step-go");
    paul.awaitStageTitle("Exercice 2 : le modèle de notre plateforme", LONG);
    fanny.startTimer(10);
    paul.awaitTimerStatus("running", LONG);
    fanny.press(Keys.ESCAPE); // the timer's popover
    fanny.driver().findElement(testId("agenda-close")).click();
    fanny.await(LONG, "the agenda closed", d -> !fanny.shown(AtelierPage.AGENDA_PANEL));
    return List.of(fanny, paul);
  }

  @Test
  @DisplayName(
      "at 1280 px the facilitator's top bar is one row, nothing overlaps, and every control is"
          + " there or in the ⋯ menu")
  void laptopTopBar() {
    List<AtelierPage> pages = busyRoom();
    for (AtelierPage page : pages) {
      page.driver().manage().window().setSize(new Dimension(1280, 800));
      assertTopBar(page, pages.get(0) == page, 160);
    }
  }

  @Test
  @DisplayName(
      "on a 360 px phone, for the facilitator and a participant: no sideways scrolling, a one-row"
          + " top bar, every header control reachable, the canvas tools and people one tap away")
  void phone() {
    List<AtelierPage> pages = busyRoom();
    AtelierPage fanny = pages.get(0);
    AtelierPage paul = pages.get(1);
    for (AtelierPage page : pages) {
      page.driver().manage().window().setSize(new Dimension(360, 740));
      page.await(
          LONG,
          "a 360 px wide page (now " + page.script("return innerWidth;") + ")",
          d -> ((Number) page.script("return innerWidth;")).intValue() <= 360);
      assertThat(page.script("return document.documentElement.scrollWidth <= innerWidth;"))
          .as("%s: the page does not scroll sideways", page.name())
          .isEqualTo(true);
      assertTopBar(page, page == fanny, 64);

      // The canvas bar is one line, with its tools behind ⋯ (print for everyone).
      WebElement print = page.canvasTool(testId("print-canvas"));
      assertWithinScreen(page, print, "print-canvas");
      page.press(Keys.ESCAPE);
      page.await(LONG, "the canvas tools closed", d -> !page.shown(testId("print-canvas")));

      // The people fold into one line at the bottom that says how many are here.
      WebElement people = page.driver().findElement(testId("people-toggle"));
      assertThat(people.getText()).contains("Personnes").contains("2 en ligne");
      assertThat(page.shown(AtelierPage.PARTICIPANT)).isFalse();
      people.click();
      page.await(LONG, "the list opens", d -> page.participantsNamed("Paul-Émile") == 1);
      assertThat(page.participantsNamed("Fanny")).isEqualTo(1);
      assertThat(page.script("return document.documentElement.scrollWidth <= innerWidth;"))
          .as("%s: still no sideways scrolling with the list open", page.name())
          .isEqualTo(true);
    }
    assertThat(fanny.canvasTool(testId("new-canvases")).getText()).isEqualTo("Nouveaux canevas");
    fanny.press(Keys.ESCAPE);
    assertThat(
            paul.driver().findElements(testId("new-canvases")).stream()
                .noneMatch(WebElement::isDisplayed))
        .isTrue();
  }

  @Test
  @DisplayName(
      "the ⋯ menu works by keyboard: Enter opens it on its first item, arrows move and wrap,"
          + " Escape closes it and gives the focus back")
  void moreMenuByKeyboard() {
    JsonObject workshop = server.createWorkshop(LONG_TITLE, "fr");
    AtelierPage fanny = browser("Fanny", workshop.getString("facilitatorUrl"));
    fanny.awaitFacilitator();
    fanny.driver().manage().window().setSize(new Dimension(360, 740));
    WebElement more = fanny.awaitVisible(AtelierPage.MORE_MENU, LONG);
    assertThat(more.getDomAttribute("aria-haspopup")).isEqualTo("menu");
    assertThat(more.getDomAttribute("aria-label")).isEqualTo("Plus d’options");

    fanny.script("arguments[0].focus();", more);
    fanny.press(Keys.ENTER);
    fanny.await(LONG, "the first item has the focus", d -> focused(fanny, "agenda-toggle"));
    assertThat(more.getDomAttribute("aria-expanded")).isEqualTo("true");
    fanny.press(Keys.ARROW_DOWN);
    fanny.await(LONG, "the role map", d -> focused(fanny, "role-map-toggle"));
    fanny.press(Keys.ARROW_UP, Keys.ARROW_UP);
    fanny.await(LONG, "Up wraps to the last item", d -> focused(fanny, "delete-workshop"));
    fanny.press(Keys.HOME);
    fanny.await(LONG, "Home", d -> focused(fanny, "agenda-toggle"));

    // The export formats are the export item's own menu: Right opens it, Left closes it.
    while (!focused(fanny, "export-menu")) {
      fanny.press(Keys.ARROW_DOWN);
    }
    fanny.press(Keys.ARROW_RIGHT);
    fanny.await(LONG, "the first format", d -> focused(fanny, "export-md"));
    fanny.press(Keys.ARROW_LEFT);
    fanny.await(LONG, "back on the export item", d -> focused(fanny, "export-menu"));
    assertThat(fanny.shown(AtelierPage.exportItem("md"))).isFalse();

    fanny.press(Keys.ESCAPE);
    fanny.await(LONG, "closed, the focus on ⋯", d -> focused(fanny, "more-menu"));
    assertThat(fanny.moreMenuOpen()).isFalse();
    assertThat(more.getDomAttribute("aria-expanded")).isEqualTo("false");

    // Choosing an item closes the menu: the agenda opens, and closing it comes back to ⋯.
    fanny.press(Keys.ARROW_DOWN);
    fanny.await(LONG, "opened by Down", d -> focused(fanny, "agenda-toggle"));
    fanny.press(Keys.ENTER);
    fanny.awaitVisible(AtelierPage.AGENDA_PANEL, LONG);
    assertThat(fanny.moreMenuOpen()).isFalse();
    fanny.press(Keys.ESCAPE);
    fanny.await(LONG, "the agenda closed, focus on ⋯", d -> focused(fanny, "more-menu"));
  }

  /**
   * The bar is one row inside the window; the title keeps room to be read; the bar's parts do not
   * overlap; and each control is shown in it or in the ⋯ menu, inside the window.
   */
  private static void assertTopBar(AtelierPage page, boolean facilitator, int minTitlePx) {
    WebElement bar = page.driver().findElement(AtelierPage.TOP_BAR);
    page.await(
        LONG,
        page.name() + "'s top bar is one row (now " + bar.getRect().getHeight() + " px)",
        d -> bar.getRect().getHeight() <= ONE_ROW_PX);
    Number title =
        (Number)
            page.script(
                "var t = document.querySelector('[data-testid=workshop-title]');"
                    + "return t.clientWidth - Math.min(t.scrollWidth, arguments[0]);",
                minTitlePx);
    assertThat(title.intValue())
        .as("%s: the title keeps %d px to be read", page.name(), minTitlePx)
        .isGreaterThanOrEqualTo(0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> parts =
        (List<Map<String, Object>>)
            page.script(
                "return [...arguments[0].children].filter(e => e.getClientRects().length > 0)"
                    + ".filter(e => !e.classList.contains('spacer')).map(e => {"
                    + "  var r = e.getBoundingClientRect();"
                    + "  return {name: e.id || e.className, left: r.left, right: r.right}; });",
                bar);
    int width = ((Number) page.script("return innerWidth;")).intValue();
    for (int i = 0; i < parts.size(); i++) {
      Map<String, Object> part = parts.get(i);
      double left = ((Number) part.get("left")).doubleValue();
      double right = ((Number) part.get("right")).doubleValue();
      assertThat(left)
          .as("%s: %s starts inside the window", page.name(), part)
          .isGreaterThanOrEqualTo(0);
      assertThat(right)
          .as("%s: %s ends inside the window", page.name(), part)
          .isLessThanOrEqualTo(width);
      if (i > 0) {
        double previousRight = ((Number) parts.get(i - 1).get("right")).doubleValue();
        assertThat(left)
            .as("%s: %s does not overlap %s", page.name(), part, parts.get(i - 1))
            .isGreaterThanOrEqualTo(previousRight - 0.5);
      }
    }
    List<String> controls = new ArrayList<>(EVERYONE);
    if (facilitator) {
      controls.addAll(FACILITATOR_ONLY);
    }
    for (String control : controls) {
      WebElement shown = page.headerControl(testId(control));
      assertWithinScreen(page, shown, control);
      if (page.moreMenuOpen()) {
        page.press(Keys.ESCAPE);
        page.await(LONG, "the ⋯ menu closed", d -> !page.moreMenuOpen());
      }
    }
    if (!facilitator) {
      for (String control : FACILITATOR_ONLY) {
        By locator = testId(control);
        assertThat(page.driver().findElements(locator).stream().noneMatch(WebElement::isDisplayed))
            .as("%s sees no %s", page.name(), control)
            .isTrue();
      }
    }
  }

  private static void assertWithinScreen(AtelierPage page, WebElement element, String what) {
    int width = ((Number) page.script("return innerWidth;")).intValue();
    int height = ((Number) page.script("return innerHeight;")).intValue();
    var box = element.getRect();
    assertThat(box.getX()).as("%s: %s left edge", page.name(), what).isGreaterThanOrEqualTo(0);
    assertThat(box.getX() + box.getWidth())
        .as("%s: %s right edge", page.name(), what)
        .isLessThanOrEqualTo(width);
    assertThat(box.getY() + box.getHeight())
        .as("%s: %s bottom edge", page.name(), what)
        .isLessThanOrEqualTo(height);
  }

  private static boolean focused(AtelierPage page, String testId) {
    return testId.equals(page.focused().getDomAttribute("data-testid"));
  }
}
