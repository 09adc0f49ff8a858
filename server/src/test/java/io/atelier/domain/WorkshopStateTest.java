package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.domain.Outcome.Applied;
import io.atelier.domain.Outcome.Duplicate;
import io.atelier.domain.Outcome.Rejected;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkshopStateTest {
  private final WorkshopState state =
      new WorkshopState(new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, "hash", 0));
  private final ParticipantId ana = admit("Ana", "token-ana", "c1");
  private final ParticipantId ben = admit("Ben", "token-ben", "c2");

  private ParticipantId admit(String name, String token, String connection) {
    var admission =
        (Admission.Admitted)
            state.enter(
                Secrets.hash(token),
                new WorkshopState.Newcomer(new ParticipantId("p-" + name), name),
                connection);
    return admission.participant().id();
  }

  private static Change.CreateNote create(String changeId, String noteId) {
    return new Change.CreateNote(changeId, noteId, 10, 20, 200, 140, "texte", NoteColor.YELLOW);
  }

  private static Change.UpdateNote move(String changeId, String noteId, double x) {
    return new Change.UpdateNote(
        changeId, noteId, new NotePatch(x, null, null, null, null, null, null));
  }

  @Test
  @DisplayName("RV1 accepted changes get contiguous revisions in the order they are applied")
  void revisionsAreContiguous() {
    long before = state.revision();
    Applied first = (Applied) state.apply(ana, create("c-1", "n-1"));
    Applied second = (Applied) state.apply(ben, move("c-2", "n-1", 50));
    assertThat(first.event().revision()).isEqualTo(before + 1);
    assertThat(second.event().revision()).isEqualTo(before + 2);
    assertThat(state.revision()).isEqualTo(before + 2);
  }

  @Test
  @DisplayName("CH2 a change whose id was already applied is acknowledged again and applied once")
  void duplicateChangeIsAppliedOnce() {
    Applied first = (Applied) state.apply(ana, create("c-1", "n-1"));
    Outcome again = state.apply(ana, create("c-1", "n-1"));
    assertThat(again).isEqualTo(new Duplicate("c-1", first.event().revision()));
    assertThat(state.revision()).isEqualTo(first.event().revision());
    assertThat(state.snapshot().notes()).hasSize(1);
  }

  @Test
  @DisplayName("CH3 NT1 creating a note id that exists is refused and uses no revision")
  void createExistingNoteIsRejected() {
    state.apply(ana, create("c-1", "n-1"));
    long revision = state.revision();
    Outcome outcome = state.apply(ben, create("c-2", "n-1"));
    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).code()).isEqualTo(RejectionCode.NOTE_EXISTS);
    assertThat(state.revision()).isEqualTo(revision);
  }

  @Test
  @DisplayName("NT2 each property is last-writer-wins in server order; others are kept")
  void propertiesAreLastWriterWins() {
    state.apply(ana, create("c-1", "n-1"));
    state.apply(
        ana,
        new Change.UpdateNote(
            "c-2", "n-1", new NotePatch(null, null, null, null, "Ana's text", null, null)));
    state.apply(ben, move("c-3", "n-1", 300));
    state.apply(
        ben,
        new Change.UpdateNote(
            "c-4",
            "n-1",
            new NotePatch(null, null, null, null, "Ben's text", NoteColor.PINK, null)));
    Note note = state.snapshot().notes().get(0);
    assertThat(note.text()).isEqualTo("Ben's text");
    assertThat(note.x()).isEqualTo(300);
    assertThat(note.y()).isEqualTo(20);
    assertThat(note.color()).isEqualTo(NoteColor.PINK);
  }

  @Test
  @DisplayName(
      "NT3 a deleted note is a tombstone: later changes to it are refused, snapshots omit it")
  void deletionIsATombstone() {
    state.apply(ana, create("c-1", "n-1"));
    assertThat(state.apply(ben, new Change.DeleteNote("c-2", "n-1"))).isInstanceOf(Applied.class);
    Outcome late = state.apply(ana, move("c-3", "n-1", 5));
    assertThat(((Rejected) late).code()).isEqualTo(RejectionCode.NOTE_DELETED);
    assertThat(((Rejected) state.apply(ana, create("c-4", "n-1"))).code())
        .isEqualTo(RejectionCode.NOTE_EXISTS);
    assertThat(state.snapshot().notes()).isEmpty();
  }

  @Test
  @DisplayName("NT3 a change to a note never seen is refused with unknown_note")
  void unknownNoteIsRejected() {
    Outcome outcome = state.apply(ana, new Change.DeleteNote("c-1", "n-404"));
    assertThat(((Rejected) outcome).code()).isEqualTo(RejectionCode.UNKNOWN_NOTE);
  }

  @Test
  @DisplayName("NT4 bring to front puts the note above every other")
  void bringToFront() {
    state.apply(ana, create("c-1", "n-1"));
    state.apply(ana, create("c-2", "n-2"));
    Applied raised = (Applied) state.apply(ben, new Change.BringNoteToFront("c-3", "n-1"));
    var set = ((Event.NoteUpdated) raised.event()).set();
    List<Note> notes = state.snapshot().notes();
    assertThat(notes).extracting(Note::id).containsExactly("n-2", "n-1");
    assertThat(set.z()).isEqualTo(notes.get(1).z());
  }

  @Test
  @DisplayName("NT6 values out of range are refused when the change is built")
  void valuesAreChecked() {
    assertThatThrownBy(() -> new Change.CreateNote("c", "n", 1e9, 0, 200, 140, "", NoteColor.BLUE))
        .hasMessageContaining("x");
    assertThatThrownBy(() -> new Change.CreateNote("c", "n", 0, 0, 10, 140, "", NoteColor.BLUE))
        .hasMessageContaining("width");
    assertThatThrownBy(
            () -> new Change.CreateNote("c", "n", 0, 0, 200, 140, "x".repeat(2001), NoteColor.BLUE))
        .hasMessageContaining("text");
    assertThatThrownBy(() -> new NotePatch(Double.NaN, null, null, null, null, null, null))
        .hasMessageContaining("x");
    assertThatThrownBy(() -> new Change.UpdateNote("c", "n", NotePatch.front(3)))
        .hasMessageContaining("z");
  }

  @Test
  @DisplayName("HS5 a client within the kept history gets exactly the events it missed")
  void catchUpWithMissedEvents() {
    long start = state.revision();
    state.apply(ana, create("c-1", "n-1"));
    state.apply(ana, move("c-2", "n-1", 2));
    CatchUp catchUp = state.catchUp(start);
    assertThat(catchUp).isInstanceOf(CatchUp.Missed.class);
    assertThat(((CatchUp.Missed) catchUp).events())
        .extracting(Event::revision)
        .containsExactly(start + 1, start + 2);
    assertThat(((CatchUp.Missed) state.catchUp(state.revision())).events()).isEmpty();
  }

  @Test
  @DisplayName("HS5 a client too far behind, ahead, or new gets a snapshot")
  void catchUpWithSnapshot() {
    for (int i = 0; i < WorkshopState.HISTORY_LIMIT + 5; i++) {
      state.apply(ana, create("c-" + i, "n-" + i));
    }
    assertThat(state.catchUp(1L)).isInstanceOf(CatchUp.Snapshot.class);
    assertThat(state.catchUp(null)).isInstanceOf(CatchUp.Snapshot.class);
    assertThat(state.catchUp(state.revision() + 10)).isInstanceOf(CatchUp.Snapshot.class);
    assertThat(state.catchUp(state.revision() - 10)).isInstanceOf(CatchUp.Missed.class);
  }

  @Test
  @DisplayName("HS4 a known token resumes the same participant; an unknown one is refused")
  void tokensResumeParticipants() {
    var again = (Admission.Admitted) state.enter(Secrets.hash("token-ana"), null, "c3");
    assertThat(again.participant().id()).isEqualTo(ana);
    assertThat(again.events()).isEmpty(); // Ana was online already through c1.
    assertThat(state.enter(Secrets.hash("forged"), null, "c4"))
        .isInstanceOf(Admission.UnknownToken.class);
  }

  @Test
  @DisplayName("HS6 a participant goes offline with its last socket and back online with a new one")
  void presenceFollowsSockets() {
    state.enter(Secrets.hash("token-ana"), null, "c3");
    assertThat(state.leave(ana, "c1")).isEmpty();
    List<Event> offline = state.leave(ana, "c3");
    assertThat(offline)
        .singleElement()
        .isInstanceOfSatisfying(Event.PresenceChanged.class, e -> assertThat(e.online()).isFalse());
    var back = (Admission.Admitted) state.enter(Secrets.hash("token-ana"), null, "c5");
    assertThat(back.events())
        .singleElement()
        .isInstanceOfSatisfying(Event.PresenceChanged.class, e -> assertThat(e.online()).isTrue());
    assertThat(state.snapshot().participants())
        .extracting(ParticipantView::online)
        .containsExactly(true, true);
  }

  @Test
  @DisplayName("CH2 resent change ids are remembered for the last 10,000 changes")
  void changeIdsAreRememberedWithinBound() {
    state.apply(ana, create("first", "n-first"));
    for (int i = 0; i < WorkshopState.REMEMBERED_CHANGES; i++) {
      state.apply(ana, move("m-" + i, "n-first", i % 100));
    }
    assertThat(state.apply(ana, move("m-" + (WorkshopState.REMEMBERED_CHANGES - 1), "n-first", 1)))
        .isInstanceOf(Duplicate.class);
  }

  @Test
  @DisplayName("HS6 dropping a dead node's connections takes offline who had no other connection")
  void droppingANodesConnections() {
    ParticipantId chloe =
        ((Admission.Admitted)
                state.enter(
                    Secrets.hash("token-chloe"),
                    new WorkshopState.Newcomer(new ParticipantId("p-Chloe"), "Chloe"),
                    "node-b/1"))
            .participant()
            .id();
    state.enter(Secrets.hash("token-ana"), null, "node-b/2"); // Ana also on node b
    long before = state.revision();
    List<Event> events = state.dropConnectionsOf("node-b");
    assertThat(events).containsExactly(new Event.PresenceChanged(before + 1, chloe, false));
    assertThat(state.snapshot().participants())
        .filteredOn(p -> p.id().equals(ana))
        .singleElement()
        .matches(ParticipantView::online, "Ana is still connected through c1");
    assertThat(state.dropConnectionsOf("node-b")).isEmpty();
  }
}
