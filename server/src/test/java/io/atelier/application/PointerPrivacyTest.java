package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.Event;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Privacy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CU4: what one socket knows of the canvases that take no pointers, whatever order news comes in.
 */
class PointerPrivacyTest {
  private static final ParticipantId HOST = new ParticipantId("p-host");

  private static Event.CanvasPrivacyChanged event(
      long revision, String canvasId, boolean privateMode, boolean anonymous) {
    return new Event.CanvasPrivacyChanged(
        revision, "c-" + revision, HOST, canvasId, privateMode, anonymous, List.of());
  }

  @Test
  @DisplayName("CU4 before its reading arrives, a socket relays no pointer at all")
  void hidesEverythingUntilRead() {
    PointerPrivacy pointers = new PointerPrivacy();
    assertThat(pointers.hides("main")).isTrue();
    pointers.seed(10, Privacy.NONE);
    assertThat(pointers.hides("main")).isFalse();
  }

  @Test
  @DisplayName("CU4 the reading says which canvases are private or anonymous")
  void seeded() {
    PointerPrivacy pointers = new PointerPrivacy();
    pointers.seed(10, new Privacy(List.of("c-1"), List.of("c-2")));
    assertThat(pointers.hides("c-1")).isTrue();
    assertThat(pointers.hides("c-2")).isTrue();
    assertThat(pointers.hides("main")).isFalse();
  }

  @Test
  @DisplayName("CU4 events given before the reading count when newer than it, not when older")
  void earlyEvents() {
    PointerPrivacy pointers = new PointerPrivacy();
    pointers.changed(event(9, "c-old", true, false)); // already in the reading, which says public
    pointers.changed(event(12, "main", true, false));
    pointers.seed(10, Privacy.NONE);
    assertThat(pointers.hides("c-old")).isFalse();
    assertThat(pointers.hides("main")).isTrue();
  }

  @Test
  @DisplayName("CU4 events from other nodes out of order: the newest of each canvas decides")
  void outOfOrder() {
    PointerPrivacy pointers = new PointerPrivacy();
    pointers.seed(10, Privacy.NONE);
    pointers.changed(event(13, "main", false, false)); // the reveal overtook its private writing
    pointers.changed(event(11, "main", true, false));
    pointers.changed(event(12, "c-2", true, false)); // another canvas is not held back by 13
    assertThat(pointers.hides("main")).isFalse();
    assertThat(pointers.hides("c-2")).isTrue();
    pointers.changed(event(14, "c-2", false, true)); // revealed without names: anonymous for good
    assertThat(pointers.hides("c-2")).isTrue();
  }
}
