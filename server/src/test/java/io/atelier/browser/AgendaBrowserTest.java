package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static io.atelier.browser.AtelierPage.STAGE_CHIP;
import static io.atelier.browser.AtelierPage.STAGE_CLOSE;
import static io.atelier.browser.AtelierPage.STAGE_TITLE;
import static io.atelier.browser.AtelierPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.browser.AtelierPage.TimerReading;
import io.atelier.protocol.ServerMessage;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The agenda as a room lives it, in real browsers: the facilitator moves the room from step to step
 * and participants' stages follow (AG2, AG3), everyone's timer shows the same time left (TM1), and
 * the pillar walk-through shows each pillar's questions on every screen (AG5).
 */
class AgendaBrowserTest extends ServerWithChromium {
  /** The timer rule: every screen shows the same time left, within half a second (TM1). */
  private static final long SAME_TIME_MS = 500;

  /** Longer than the timer face's refresh period (250 ms): see {@link #impliedEnd}. */
  private static final long READ_WINDOW_MS = 400;

  private final List<TestClient> clients = new ArrayList<>();

  /** The socket clients this test opened; the browsers are closed by the base class. */
  @AfterEach
  void closeClients() {
    clients.forEach(TestClient::close);
    clients.clear();
  }

  private AtelierPage facilitator(JsonObject workshop) {
    AtelierPage page = browser("Fanny", workshop.getString("facilitatorUrl"));
    page.awaitFacilitator();
    return page;
  }

  // ---- AG2 AG3 -------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "AG2 AG3 the facilitator applies the MSC preset and moves the room along; a participant's"
          + " stage follows, in the participant's language, and may close only while roaming")
  void stageFollowsTheFacilitator() {
    JsonObject workshop = server.createWorkshop("Atelier MSC", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage paul = browser("Paul", workshop.getString("joinUrl"));
    paul.chooseLanguage("en");

    fanny.applyMscPreset();
    List<String> titles = fanny.agendaTitles();
    assertThat(titles.get(0)).isEqualTo("Reconnaissance territoriale");
    assertThat(titles.get(1)).isEqualTo("Tour de table");
    assertThat(fanny.driver().findElement(AtelierPage.NEXT_STEP).getText()).isEqualTo("Commencer");
    assertThat(paul.stageTitle()).as("no step yet, no stage").isNull();

    fanny.driver().findElement(AtelierPage.NEXT_STEP).click();
    paul.awaitStageTitle("Reconnaissance territoriale", LONG);
    fanny.await(
        LONG,
        "the start button becomes the next-step button",
        d -> "Étape suivante".equals(d.findElement(AtelierPage.NEXT_STEP).getText()));

    // The next step: the participant's stage follows; its own words are in its own language.
    fanny.driver().findElement(AtelierPage.NEXT_STEP).click();
    paul.awaitStageTitle("Tour de table", LONG);
    assertThat(paul.stageKind()).isEqualTo("Round table");
    assertThat(paul.driver().findElement(testId("stage")).getText()).contains("Step 2 of 9");
    assertThat(fanny.stageKind()).isEqualTo("Tour de table");

    // Roaming off: no way to put the stage away, not even Escape.
    assertThat(paul.shown(STAGE_CLOSE)).as("participant's minimise button").isFalse();
    paul.driver().findElement(STAGE_TITLE).sendKeys(Keys.ESCAPE);
    assertThat(paul.stageTitle()).isEqualTo("Tour de table");

    // Roaming on: the participant may close the stage; the chip in the top bar brings it back.
    fanny.openAgenda();
    fanny.driver().findElement(AtelierPage.ROAMING_TOGGLE).click();
    paul.awaitVisible(STAGE_CLOSE, LONG).click();
    paul.await(LONG, "the stage is closed", d -> paul.stageTitle() == null);
    WebElement chip = paul.awaitVisible(STAGE_CHIP, LONG);
    assertThat(chip.getText()).contains("Tour de table");
    chip.click();
    paul.awaitStageTitle("Tour de table", LONG);
    paul.driver().findElement(STAGE_TITLE).sendKeys(Keys.ESCAPE);
    paul.await(LONG, "Escape closes the stage", d -> paul.stageTitle() == null);

    // While roaming, a new step does not move the participant's screen; the chip names it.
    fanny.driver().findElement(AtelierPage.NEXT_STEP).click();
    paul.await(
        LONG,
        "the chip names the new step",
        d -> d.findElement(STAGE_CHIP).getText().contains("Mise en contexte"));
    assertThat(paul.stageTitle()).as("the closed stage stays closed").isNull();

    // Roaming off again: every participant's stage shows the current step.
    fanny.driver().findElement(AtelierPage.ROAMING_TOGGLE).click();
    paul.awaitStageTitle("Mise en contexte", LONG);
    assertThat(paul.shown(STAGE_CLOSE)).isFalse();
  }

  // ---- TM1 -----------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "TM1 TM2 two participants' timers show the same time left within half a second, after a"
          + " reload too, and the same frozen value when paused")
  void timersAgree() {
    JsonObject workshop = server.createWorkshop("Minuteur", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));

    fanny.startTimer(5);
    TimerReading first = ana.awaitTimerStatus("running", LONG);
    ben.awaitTimerStatus("running", LONG);
    assertThat(first.remainingMs()).isBetween(280_000L, 300_000L);
    assertThat(first.text()).matches("[45]:[0-5][0-9]");

    long anaEnd = impliedEnd(ana);
    long benEnd = impliedEnd(ben);
    assertThat(Math.abs(anaEnd - benEnd))
        .as("|end(Ana) - end(Ben)| in ms")
        .isLessThanOrEqualTo(SAME_TIME_MS);
    assertThat(Math.abs(impliedEnd(fanny) - anaEnd))
        .as("facilitator vs Ana")
        .isLessThanOrEqualTo(SAME_TIME_MS);

    // A reload is a new socket and a new clock estimate: the timer is still the same one.
    ben.reload();
    ben.awaitTimerStatus("running", LONG);
    long benAfterReload = impliedEnd(ben);
    long anaAgain = impliedEnd(ana);
    // A measurement for the record (docs/performance.md), not a timing assertion.
    System.out.printf(
        "timer agreement: Ana-Ben %d ms, facilitator-Ana %d ms, Ana-Ben after reload %d ms%n",
        Math.abs(anaEnd - benEnd),
        Math.abs(impliedEnd(fanny) - anaEnd),
        Math.abs(benAfterReload - anaAgain));
    assertThat(Math.abs(benAfterReload - anaAgain))
        .as("|end(Ana) - end(Ben after reload)| in ms")
        .isLessThanOrEqualTo(SAME_TIME_MS);

    // Paused: the value the server froze, the same on every screen, and it stays put.
    fanny.timerButton("timer-pause");
    TimerReading anaPaused = ana.awaitTimerStatus("paused", LONG);
    TimerReading benPaused = ben.awaitTimerStatus("paused", LONG);
    assertThat(benPaused.remainingMs()).isEqualTo(anaPaused.remainingMs());
    assertThat(benPaused.text()).isEqualTo(anaPaused.text());
    assertThat(anaPaused.remainingMs()).isBetween(1L, 300_000L);
    long frozenUntil = System.currentTimeMillis() + READ_WINDOW_MS;
    ana.await(LONG, "some time passes", d -> System.currentTimeMillis() >= frozenUntil);
    assertThat(ana.timer().remainingMs()).as("still frozen").isEqualTo(anaPaused.remainingMs());

    fanny.timerButton("timer-resume");
    ana.awaitTimerStatus("running", LONG);
    fanny.timerButton("timer-stop");
    ana.awaitTimerStatus("stopped", LONG);
    assertThat(ana.shown(AtelierPage.TIMER)).as("a stopped timer is not shown").isFalse();
  }

  /**
   * The instant (this machine's clock, which both browsers share) at which the page's timer says it
   * ends: the time of a read plus the time left it shows. The value shown may be up to one refresh
   * old, which only makes an end look later; so the page is read over a window longer than a
   * refresh, and the earliest end is the one read just after a refresh.
   */
  private static long impliedEnd(AtelierPage page) {
    long until = System.currentTimeMillis() + READ_WINDOW_MS;
    long earliest = Long.MAX_VALUE;
    int reads = 0;
    while (reads < 3 || System.currentTimeMillis() < until) {
      TimerReading reading = page.timer();
      assertThat(reading.status()).as("%s's timer", page.name()).isEqualTo("running");
      earliest = Math.min(earliest, reading.readAtMillis() + reading.remainingMs());
      reads++;
    }
    return earliest;
  }

  // ---- AG5 -----------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "AG5 the walk-through shows Community's questions, then Resources' after the next pillar,"
          + " each in the reader's language, with a timer per pillar")
  void walkThroughPillars() {
    JsonObject workshop = server.createWorkshop("Parcours", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage paul = browser("Paul", workshop.getString("joinUrl"));
    paul.chooseLanguage("en");
    JsonObject msc = mscTemplate();

    fanny.applyMscPreset();
    fanny.clickStepButton(6, "step-go"); // "Exercice 2 : le modèle de notre plateforme"
    paul.awaitStageTitle("Exercice 2 : le modèle de notre plateforme", LONG);
    assertThat(paul.stageKind()).isEqualTo("Canvas exercise");
    assertThat(paul.shown(AtelierPage.PILLAR_FOCUS)).isFalse();

    fanny.awaitVisible(testId("walk-start"), LONG).click();
    paul.awaitPillarFocus(pillar(msc, "community", "en"), LONG);
    fanny.awaitPillarFocus(pillar(msc, "community", "fr"), LONG);
    TimerReading pillarTimer = paul.awaitTimerStatus("running", LONG);
    assertThat(pillarTimer.remainingMs()).as("10 minutes per pillar").isBetween(590_000L, 600_000L);
    assertThat(paul.shown(testId("walk-next"))).as("only the facilitator steers").isFalse();

    fanny.driver().findElement(testId("walk-next")).click();
    paul.awaitPillarFocus(pillar(msc, "resources", "en"), LONG);
    fanny.awaitPillarFocus(pillar(msc, "resources", "fr"), LONG);

    // Co-production, sharing, co-governance; then the walk ends and the timer stops.
    for (String next : List.of("coproduction", "sharing", "cogovernance")) {
      fanny.driver().findElement(testId("walk-next")).click();
      paul.awaitPillarFocus(pillar(msc, next, "en"), LONG);
    }
    fanny.awaitVisible(testId("walk-end"), LONG).click();
    paul.await(LONG, "the banner is gone", d -> !paul.shown(AtelierPage.PILLAR_FOCUS));
    paul.awaitTimerStatus("stopped", LONG);
  }

  /** The pillar's name then its questions, from the template the browsers load. */
  private static List<String> pillar(JsonObject template, String pillar, String language) {
    JsonObject zone =
        template.getJsonArray("zones").stream()
            .map(JsonObject.class::cast)
            .filter(z -> pillar.equals(z.getString("pillar")))
            .findFirst()
            .orElseThrow();
    List<String> shown = new ArrayList<>();
    shown.add(zone.getJsonObject("name").getString(language));
    zone.getJsonObject("questions").getJsonArray(language).forEach(q -> shown.add((String) q));
    return shown;
  }

  private static JsonObject mscTemplate() {
    try (InputStream in =
        AgendaBrowserTest.class
            .getClassLoader()
            .getResourceAsStream("webroot/templates/msc.json")) {
      if (in == null) {
        throw new AssertionError("webroot/templates/msc.json is not on the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- AG1 -----------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "AG1 a title being typed survives an agenda set from another tab meanwhile, and both edits"
          + " reach the participant; Alt+ArrowUp moves a step")
  void editBeingTypedSurvivesRemoteAgenda() {
    JsonObject workshop = server.createWorkshop("Édition", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage paul = browser("Paul", workshop.getString("joinUrl"));
    fanny.applyMscPreset();
    paul.openAgenda();
    paul.awaitAgendaTitles(fanny.agendaTitles(), LONG);
    JsonArray before =
        new JsonArray(
            (String)
                fanny.script("return JSON.stringify(window.atelier.engine.arrangement().agenda);"));

    // Fanny types a new title for step 2 and stays in the field; a pause in typing saves it.
    fanny.clickStepButton(1, "step-edit");
    WebElement title = fanny.agendaStep(1).findElement(testId("step-title"));
    title.click();
    title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Tour de parole");
    fanny.await(
        LONG,
        "the typed title is saved",
        d -> "Tour de parole".equals(fanny.agendaTitles().get(1)));

    // Then another facilitator tab, which never saw that edit, sends its agenda with step 3
    // renamed: on the server, step 2 has its old title again.
    JsonArray fromElsewhere = before.copy();
    fromElsewhere.getJsonObject(2).put("title", "Contexte");
    facilitatorTab(workshop)
        .sendRaw(
            new JsonObject()
                .put("type", "set_agenda")
                .put("changeId", "other-tab-1")
                .put("steps", fromElsewhere)
                .encode());
    fanny.await(
        LONG,
        "Fanny's agenda shows the other tab's agenda",
        d -> List.of("Tour de table", "Contexte").equals(fanny.agendaTitles().subList(1, 3)));
    assertThat(title.getDomProperty("value"))
        .as("the field being typed in")
        .isEqualTo("Tour de parole");
    assertThat(fanny.focused()).isEqualTo(title);

    // Leaving the field keeps what was typed, over the other tab's agenda.
    title.sendKeys(Keys.TAB);
    List<String> expected = new ArrayList<>(fanny.agendaTitles());
    expected.set(1, "Tour de parole");
    expected.set(2, "Contexte");
    paul.awaitAgendaTitles(expected, LONG);
    fanny.awaitAgendaTitles(expected, LONG);

    // Alt+ArrowUp on a step's row moves it up, for everyone.
    WebElement edit = fanny.agendaStep(2).findElement(testId("step-edit"));
    edit.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
    List<String> moved = new ArrayList<>(expected);
    moved.set(1, "Contexte");
    moved.set(2, "Tour de parole");
    paul.awaitAgendaTitles(moved, LONG);
    assertThat(fanny.focused().getDomAttribute("data-testid"))
        .as("focus stays on the moved step's button")
        .isEqualTo("step-edit");
  }

  /** A second facilitator socket on the workshop, as another tab would open (HS7). */
  private TestClient facilitatorTab(JsonObject workshop) {
    TestClient client = server.connect();
    clients.add(client);
    client.sendRaw(
        new JsonObject()
            .put("type", "hello")
            .put("protocol", 1)
            .put("workshopId", workshop.getString("id"))
            .putNull("token")
            .put("displayName", "Autre onglet")
            .putNull("lastRevision")
            .put("facilitatorKey", workshop.getString("facilitatorKey"))
            .encode());
    client.await(ServerMessage.Synced.class);
    return client;
  }

  @Test
  @DisplayName(
      "ER1 AG1 an agenda too large for one message is not sent: the page says so and the text"
          + " stays in the editor until it is shortened")
  void agendaTooLargeToSend() {
    JsonObject workshop = server.createWorkshop("Long déroulement", "fr");
    AtelierPage fanny = browser("Fanny", workshop.getString("facilitatorUrl"));
    fanny.awaitFacilitator();
    int first = fanny.addStep("text");
    typeBody(fanny, first, "’".repeat(12_000)); // 36,000 bytes in UTF-8: fits
    awaitSavedBodyLength(fanny, first, 12_000);
    int second = fanny.addStep("text");
    typeBody(fanny, second, "’".repeat(12_000)); // both together: over 64 KiB

    fanny.awaitToast("trop long pour être envoyé", LONG);
    assertThat(savedBodyLength(fanny, second)).as("nothing sent").isZero();
    assertThat(fanny.stepBodyValue(second)).as("nothing lost").hasSize(12_000);
    assertThat(fanny.connectionState()).isEqualTo("connected");

    typeBody(fanny, second, "’".repeat(2_000));
    awaitSavedBodyLength(fanny, second, 2_000);
    assertThat(savedBodyLength(fanny, first)).isEqualTo(12_000);
  }

  /** Sets a step's body as a paste would (typing 12,000 characters one by one takes minutes). */
  private static void typeBody(AtelierPage page, int index, String text) {
    page.script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        page.stepBody(index),
        text);
  }

  private static long savedBodyLength(AtelierPage page, int index) {
    return (Long)
        page.script(
            "const step = window.atelier.engine.arrangement().agenda[arguments[0]];"
                + " return step ? step.body.length : -1;",
            index);
  }

  private static void awaitSavedBodyLength(AtelierPage page, int index, long length) {
    page.await(
        LONG,
        "step " + index + "'s body of " + length + " characters is in the shared agenda",
        d -> savedBodyLength(page, index) == length && page.unsent() == 0);
  }
}
