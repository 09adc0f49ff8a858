package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * A secret dot vote as a room runs it (DV1 to DV4): the facilitator opens it, two participants
 * vote, one with the mouse and one with the keyboard, neither sees the other's dots nor any total
 * until the facilitator closes it; then both see the same ranking, on a laptop and on a phone.
 */
class VotingBrowserTest extends ServerWithChromium {

  @Test
  @DisplayName(
      "DV1 to DV4 a secret vote from two participants: own dots only, no totals, then the same"
          + " ranking for both once closed")
  void secretVoteFromTwoParticipants() {
    JsonObject workshop = server.createWorkshop("Vote", "fr");
    AtelierPage host = browser("Animatrice", workshop.getString("facilitatorUrl"));
    host.awaitFacilitator();
    host.await(LONG, "the zones", d -> !host.zones().isEmpty());
    String garden = host.createNoteInZone("community", "Jardin partagé");
    String kitchen = host.createNoteInZone("resources", "Cuisine collective");
    String bikes = host.createNoteInZone("cogovernance", "Atelier vélo");
    AtelierPage ana = browser("Ana", workshop.getString("joinUrl"));
    AtelierPage ben = browser("Ben", workshop.getString("joinUrl"));
    String anaId = ana.participantId();
    String benId = ben.participantId();
    for (AtelierPage page : List.of(ana, ben)) {
      page.awaitNoteText(bikes, "Atelier vélo", LONG);
      assertThat(page.shown(AtelierPage.VOTE_TOGGLE)).as("only the facilitator opens").isFalse();
    }

    host.openVote(null, 3, 2, true);
    for (AtelierPage page : List.of(ana, ben)) {
      page.awaitDotsLeft("Il vous reste 3 points sur 3.", LONG);
    }

    // Ana with the mouse: two dots on the garden (the limit), one on the kitchen.
    ana.voteButton(garden, "vote-add").click();
    ana.awaitOwnDots(garden, 1, LONG);
    ana.voteButton(garden, "vote-add").click();
    ana.awaitOwnDots(garden, 2, LONG);
    assertThat(ana.voteMark(garden).canAdd()).as("at most 2 a note").isFalse();
    ana.voteButton(kitchen, "vote-add").click();
    ana.awaitDotsLeft("Vous avez donné tous vos points.", LONG);
    assertThat(ana.voteMark(bikes).canAdd()).isFalse();

    // Ben with the keyboard: V gives, Shift+V takes back.
    ben.focusNote(kitchen);
    ben.press("v");
    ben.awaitOwnDots(kitchen, 1, LONG);
    ben.focusNote(bikes);
    ben.press("v", "v");
    ben.awaitOwnDots(bikes, 2, LONG);
    ben.pressWithShift("v");
    ben.awaitOwnDots(bikes, 1, LONG);
    ben.focusNote(garden);
    ben.press("v");
    ben.awaitDotsLeft("Vous avez donné tous vos points.", LONG);
    for (AtelierPage page : List.of(host, ana, ben)) {
      page.awaitNothingUnsent(LONG);
    }

    // DV4: nobody sees another person's dots, nor any total, before the vote closes.
    assertThat(ben.voteMark(garden)).isEqualTo(new AtelierPage.VoteMarkView(1, null, null, false));
    assertThat(ana.voteMark(garden)).isEqualTo(new AtelierPage.VoteMarkView(2, null, null, false));
    assertThat(host.voteMark(garden).total()).isNull();
    assertThat(dotsOf(ben)).allMatch(benId::equals).hasSize(3);
    assertThat(dotsOf(ana)).allMatch(anaId::equals).hasSize(3);
    assertThat(dotsOf(host)).isEmpty();
    assertThat(ben.shown(AtelierPage.VOTE_RESULTS)).isFalse();

    host.awaitVisible(AtelierPage.VOTE_CLOSE, LONG).click();
    // Garden 3 dots (2 people), kitchen 2 (2 people), bikes 1.
    List<String> expected = List.of("1 " + garden, "2 " + kitchen, "3 " + bikes);
    for (AtelierPage page : List.of(host, ana, ben)) {
      page.awaitRanking(expected, LONG);
    }
    for (AtelierPage page : List.of(ana, ben)) {
      page.await(LONG, "totals on the notes", d -> "3".equals(page.voteMark(garden).total()));
      assertThat(page.voteMark(garden).rank()).isEqualTo("#1");
      assertThat(page.voteMark(bikes).total()).isEqualTo("1");
    }
    assertThat(dotsOf(ben)).as("who gave which dot stays secret").allMatch(benId::equals);

    // The same ranking on a phone, within the screen's width.
    ben.driver().manage().window().setSize(new Dimension(360, 740));
    ben.await(
        LONG,
        "a 360 px page without sideways scrolling",
        d ->
            ((Number) ben.script("return innerWidth;")).intValue() <= 360
                && ((Number) ben.script("return document.documentElement.scrollWidth;")).intValue()
                    <= ((Number) ben.script("return innerWidth;")).intValue());
    assertThat(ben.ranking()).isEqualTo(expected);
    assertThat(
            (Boolean)
                ben.script(
                    "var r = document.querySelector('[data-testid=vote-banner]')"
                        + ".getBoundingClientRect(); return r.right <= innerWidth + 0.5;"))
        .isTrue();
  }

  /** The voters of the dots this page holds for the canvas shown. */
  @SuppressWarnings("unchecked")
  private static List<String> dotsOf(AtelierPage page) {
    return (List<String>)
        page.script(
            "var v = window.atelier.engine.arrangement().votes.get('main');"
                + "return v.dots.flatMap(function (d) {"
                + "  return Array(d.count).fill(d.participantId); });");
  }
}
