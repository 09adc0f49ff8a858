package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpeakingSummaryTest {
  private static final ParticipantId ANA = new ParticipantId("p-ana");
  private static final ParticipantId BO = new ParticipantId("p-bo");
  private static final ParticipantId CY = new ParticipantId("p-cy");

  private static RoundTable.SpokenTurn turn(ParticipantId who, long ms, boolean passed) {
    return new RoundTable.SpokenTurn(who, 0, ms, ms, passed, false);
  }

  @Test
  @DisplayName("RT9 totals per person, min, max and median over the people who spoke")
  void figures() {
    var summary =
        SpeakingSummary.of(
            List.of(
                turn(ANA, 60_000, false),
                turn(BO, 30_000, false),
                turn(CY, 2_000, true),
                turn(ANA, 30_000, false)));
    assertThat(summary.people())
        .containsExactly(
            new SpeakingSummary.PersonTime(ANA, 90_000, 2, true),
            new SpeakingSummary.PersonTime(BO, 30_000, 1, true),
            new SpeakingSummary.PersonTime(CY, 2_000, 1, false));
    assertThat(summary.minMs()).isEqualTo(30_000);
    assertThat(summary.maxMs()).isEqualTo(90_000);
    assertThat(summary.medianMs()).isEqualTo(60_000); // two speakers: the mean of the middle two
  }

  @Test
  @DisplayName("RT9 evenness is 1 for equal shares, lower as one person takes more, none alone")
  void evenness() {
    var equal = SpeakingSummary.of(List.of(turn(ANA, 60_000, false), turn(BO, 60_000, false)));
    assertThat(equal.evenness().getAsDouble()).isCloseTo(1.0, within(1e-9));
    var uneven =
        SpeakingSummary.of(
            List.of(turn(ANA, 300_000, false), turn(BO, 10_000, false), turn(CY, 10_000, false)));
    assertThat(uneven.evenness().getAsDouble()).isBetween(0.0, 0.5);
    assertThat(uneven.medianMs()).isEqualTo(10_000);
    assertThat(SpeakingSummary.of(List.of(turn(ANA, 1, false))).evenness()).isEmpty();
    assertThat(SpeakingSummary.of(List.of()).people()).isEmpty();
  }
}
