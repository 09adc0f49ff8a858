package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a restart rebuilds: a state replayed from its journaled events, or restored from a
 * checkpoint plus the events after it, is the state that produced them (issue 3).
 */
class CheckpointAndReplayTest {
  private static final WorkshopFacts FACTS =
      new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, "hash", 0);
  private static final NoteColor[] COLORS = NoteColor.values();

  /** A workshop driven by three people with random changes; every event it emits is kept. */
  private static final class Recorded {
    final WorkshopState state = new WorkshopState(FACTS);
    final List<Event> events = new ArrayList<>();
    final List<ParticipantId> people = new ArrayList<>();

    Recorded(long seed, int changes) {
      Random random = new Random(seed);
      for (String name : List.of("Ana", "Ben", "Chloé")) {
        var admitted =
            (Admission.Admitted)
                state.enter(
                    Secrets.hash("token-" + name),
                    new WorkshopState.Newcomer(new ParticipantId("p-" + people.size()), name),
                    "c-" + name);
        events.addAll(admitted.events());
        people.add(admitted.participant().id());
      }
      events.addAll(state.leave(people.get(2), "c-Chloé"));
      for (int i = 0; i < changes; i++) {
        ParticipantId author = people.get(random.nextInt(people.size()));
        String noteId = "n-" + random.nextInt(Math.max(1, i / 3 + 1));
        Change change =
            switch (random.nextInt(5)) {
              case 0 ->
                  new Change.CreateNote(
                      "c" + i, noteId, i, -i, 200, 140, "texte " + i, COLORS[i % COLORS.length]);
              case 1 ->
                  new Change.UpdateNote(
                      "c" + i,
                      noteId,
                      new NotePatch((double) i, null, null, null, "t" + i, null, null));
              case 2 -> new Change.BringNoteToFront("c" + i, noteId);
              case 3 -> new Change.DeleteNote("c" + i, noteId);
              default ->
                  new Change.CreateNote("c" + i, "n-x" + i, 0, 0, 100, 100, "", NoteColor.BLUE);
            };
        if (state.apply(author, change) instanceof Outcome.Applied applied) {
          events.add(applied.event());
        }
      }
    }
  }

  private static WorkshopState replayed(List<Event> events) {
    WorkshopState state = new WorkshopState(FACTS);
    events.forEach(state::replay);
    return state;
  }

  @Test
  @DisplayName("replaying every event rebuilds notes, tombstones, participants, z and change ids")
  void replayRebuildsTheState() {
    Recorded recorded = new Recorded(7, 400);
    WorkshopState rebuilt = replayed(recorded.events);
    assertThat(rebuilt.checkpoint()).isEqualTo(recorded.state.checkpoint());
  }

  @Test
  @DisplayName("a checkpoint plus the events after it rebuilds the same state")
  void checkpointThenEvents() {
    Recorded recorded = new Recorded(11, 300);
    int cut = recorded.events.size() / 2;
    WorkshopState early = replayed(recorded.events.subList(0, cut));
    WorkshopState restored = WorkshopState.restore(early.checkpoint());
    recorded.events.subList(cut, recorded.events.size()).forEach(restored::replay);
    assertThat(restored.checkpoint()).isEqualTo(recorded.state.checkpoint());
  }

  @Test
  @DisplayName(
      "HS4 after a restore the same token enters as the same participant, offline until then")
  void identitiesSurvive() {
    Recorded recorded = new Recorded(3, 50);
    WorkshopState restored = WorkshopState.restore(recorded.state.checkpoint());
    assertThat(restored.snapshot().participants()).allMatch(p -> !p.online());
    var again = (Admission.Admitted) restored.enter(Secrets.hash("token-Ben"), null, "c-new");
    assertThat(again.participant().id()).isEqualTo(recorded.people.get(1));
    assertThat(again.events()).singleElement().isInstanceOf(Event.PresenceChanged.class);
    assertThat(again.events().get(0).revision()).isEqualTo(recorded.state.revision() + 1);
  }

  @Test
  @DisplayName(
      "CH2 a change resent after a restart is acknowledged as a duplicate, not applied again")
  void changeIdsSurvive() {
    Recorded recorded = new Recorded(5, 120);
    WorkshopState restored = WorkshopState.restore(recorded.state.checkpoint());
    Event last = recorded.events.get(recorded.events.size() - 1);
    Outcome again =
        restored.apply(
            recorded.people.get(0),
            new Change.CreateNote(last.changeId(), "n-new", 0, 0, 100, 100, "", NoteColor.PINK));
    assertThat(again).isEqualTo(new Outcome.Duplicate(last.changeId(), last.revision()));
  }

  @Test
  @DisplayName("HS5 a restored workshop keeps no history: every client catches up with a snapshot")
  void restoredStateAnswersWithSnapshots() {
    Recorded recorded = new Recorded(9, 40);
    WorkshopState restored = WorkshopState.restore(recorded.state.checkpoint());
    assertThat(restored.catchUp(restored.revision() - 1)).isInstanceOf(CatchUp.Snapshot.class);
    assertThat(restored.snapshot().notes()).isEqualTo(recorded.state.snapshot().notes());
  }

  @Test
  @DisplayName("a missing event (never made durable) is skipped; what followed still applies")
  void gapsAreSkipped() {
    Recorded recorded = new Recorded(13, 100);
    List<Event> withGap = new ArrayList<>(recorded.events);
    withGap.remove(withGap.size() / 2);
    WorkshopState rebuilt = replayed(withGap);
    assertThat(rebuilt.revision()).isEqualTo(recorded.state.revision());
    assertThatThrownBy(() -> rebuilt.replay(recorded.events.get(0)))
        .isInstanceOf(InvalidValueException.class);
  }
}
