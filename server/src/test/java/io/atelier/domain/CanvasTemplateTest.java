package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: a note belongs to the zone it sits in; the canvas shows how balanced the pillars are.
 */
class CanvasTemplateTest {
  private static final ParticipantId ANA = new ParticipantId("p-ana");
  private static final CanvasTemplate TWO_ZONES =
      new CanvasTemplate(
          "test",
          List.of(
              new Zone("core", Optional.empty(), 0, 0, 100, 100),
              new Zone("left", Optional.of(Pillar.SHARING), -500, -500, 1000, 1000),
              new Zone("right", Optional.of(Pillar.COGOVERNANCE), 500, -500, 500, 1000)));

  private static Note noteAt(String id, double centreX, double centreY) {
    return new Note(id, centreX - 100, centreY - 70, 200, 140, "", NoteColor.YELLOW, 1, ANA, false);
  }

  @Test
  @DisplayName("a note belongs to the zone that holds its centre; the first listed zone wins")
  void zoneOfANote() {
    assertThat(TWO_ZONES.zoneOf(noteAt("a", 50, 50)).map(Zone::id)).contains("core");
    assertThat(TWO_ZONES.zoneOf(noteAt("b", -200, 0)).map(Zone::id)).contains("left");
    // Right on the shared edge: the right-hand zone's left edge is inside it.
    assertThat(TWO_ZONES.zoneOf(noteAt("c", 500, 0)).map(Zone::id)).contains("right");
    assertThat(TWO_ZONES.zoneOf(noteAt("d", 5000, 0))).isEmpty();
  }

  @Test
  @DisplayName("each pillar counts its live notes; deleted notes and notes outside count for none")
  void pillarCounts() {
    Note deleted = new Note("x", -300, 0, 200, 140, "", NoteColor.PINK, 2, ANA, true);
    PillarBalance balance =
        TWO_ZONES.balance(
            List.of(
                noteAt("a", -200, 0),
                noteAt("b", -100, 300),
                noteAt("c", 700, 0),
                noteAt("core", 50, 50),
                noteAt("out", 9000, 0),
                deleted));
    assertThat(balance.counts())
        .containsExactlyInAnyOrderEntriesOf(Map.of(Pillar.SHARING, 2, Pillar.COGOVERNANCE, 1));
    assertThat(balance.total()).isEqualTo(3);
  }

  @Test
  @DisplayName("evenness is 1 for an even spread, 0 for one pillar, unknown without notes")
  void evenness() {
    assertThat(balance(3, 3, 3, 3, 3).evenness().getAsDouble()).isCloseTo(1.0, within(1e-9));
    assertThat(balance(9, 0, 0, 0, 0).evenness().getAsDouble()).isCloseTo(0.0, within(1e-9));
    double uneven = balance(6, 1, 1, 1, 1).evenness().getAsDouble();
    assertThat(uneven).isStrictlyBetween(0.0, 1.0);
    assertThat(balance(12, 2, 2, 2, 2).evenness().getAsDouble()).isCloseTo(uneven, within(1e-9));
    assertThat(balance(0, 0, 0, 0, 0).evenness()).isEmpty();
  }

  @Test
  @DisplayName("a template refuses two zones with one id, and a zone without a size")
  void validation() {
    Zone zone = new Zone("z", Optional.empty(), 0, 0, 10, 10);
    assertThatThrownBy(() -> new CanvasTemplate("t", List.of(zone, zone)))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Zone("z", Optional.empty(), 0, 0, 0, 10))
        .isInstanceOf(InvalidValueException.class);
  }

  private static PillarBalance balance(int... counts) {
    Map<Pillar, Integer> map = new EnumMap<>(Pillar.class);
    for (int i = 0; i < counts.length; i++) {
      map.put(Pillar.DISCUSSION_ORDER.get(i), counts[i]);
    }
    return new PillarBalance(map);
  }
}
