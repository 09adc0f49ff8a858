package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpeakingSummaryTest {
  /** The cases the browser's round-clock.js is tested on too: both sides give these figures. */
  private static final Path SHARED_CASES =
      Path.of("..", "docs", "protocol", "speaking-summary-cases.json");

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

  static Stream<Arguments> sharedCases() throws IOException {
    JsonNode root = new ObjectMapper().readTree(SHARED_CASES.toFile());
    List<Arguments> cases = new ArrayList<>();
    root.get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "RT9 shared case: {0}")
  @MethodSource("sharedCases")
  void sharedCase(String name, JsonNode c) {
    List<RoundTable.SpokenTurn> turns = new ArrayList<>();
    c.get("turns")
        .forEach(
            t ->
                turns.add(
                    turn(
                        new ParticipantId(t.get("participantId").asText()),
                        t.get("spokenMs").asLong(),
                        t.get("passed").asBoolean())));
    SpeakingSummary summary = SpeakingSummary.of(turns);
    JsonNode expected = c.get("expected");
    List<SpeakingSummary.PersonTime> people = new ArrayList<>();
    expected
        .get("people")
        .forEach(
            p ->
                people.add(
                    new SpeakingSummary.PersonTime(
                        new ParticipantId(p.get(0).asText()),
                        p.get(1).asLong(),
                        p.get(2).asInt(),
                        p.get(3).asBoolean())));
    assertThat(summary.people()).containsExactlyElementsOf(people);
    assertThat(summary.minMs()).isEqualTo(expected.get("minMs").asLong());
    assertThat(summary.maxMs()).isEqualTo(expected.get("maxMs").asLong());
    assertThat(summary.medianMs()).isEqualTo(expected.get("medianMs").asLong());
    if (expected.get("evenness").isNull()) {
      assertThat(summary.evenness()).isEmpty();
    } else {
      assertThat(summary.evenness().getAsDouble())
          .isCloseTo(expected.get("evenness").asDouble(), within(1e-9));
    }
  }
}
