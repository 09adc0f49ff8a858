package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Locks on a canvas and on a note (LK1 to LK3), as the domain applies them. */
class LockTest extends WorkshopFixture {

  /** Every note change a participant may make, on the note {@code noteId} of {@code canvasId}. */
  private List<Change> everyNoteChange(String canvasId, String noteId) {
    return List.of(
        new Change.CreateNote(
            nextId(), "n-new-" + nextId(), canvasId, 0, 0, 200, 140, "", NoteColor.BLUE),
        new Change.UpdateNote(nextId(), noteId, moveTo(5, 5)),
        new Change.UpdateNote(
            nextId(), noteId, new NotePatch(null, null, null, null, "texte", null, null)),
        new Change.BringNoteToFront(nextId(), noteId),
        new Change.DeleteNote(nextId(), noteId));
  }

  @Test
  @DisplayName("LK1 on a locked canvas every note change of a participant is refused with locked")
  void lockedCanvasRefusesParticipants() {
    String note = noteOn("main", "n-1", 0, 0);
    Event locked = applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    assertThat(locked)
        .isEqualTo(new Event.CanvasLocked(locked.revision(), "c-2", host, "main", true));
    assertThat(state.snapshot().facilitation().canvases().get(0).locked()).isTrue();

    long before = state.revision();
    for (Change change : everyNoteChange("main", note)) {
      assertThat(refused(byAna(change))).as(change.toString()).isEqualTo(RejectionCode.LOCKED);
    }
    assertThat(state.revision()).isEqualTo(before);
    assertThat(note(note).x()).isZero();
  }

  @Test
  @DisplayName("LK1 the facilitator still changes the notes of a locked canvas")
  void facilitatorEditsALockedCanvas() {
    String note = noteOn("main", "n-1", 0, 0);
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    for (Change change : everyNoteChange("main", note)) {
      applied(byHost(change));
    }
    assertThat(note(note).deleted()).isTrue();
  }

  @Test
  @DisplayName("LK1 other canvases stay open; unlocking opens the canvas again")
  void unlock() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "blank", "Groupe A")));
    String onMain = noteOn("main", "n-1", 0, 0);
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    applied(
        byAna(new Change.CreateNote(nextId(), "n-a", "c-a", 0, 0, 200, 140, "", NoteColor.PINK)));
    assertThat(refused(byAna(new Change.UpdateNote(nextId(), onMain, moveTo(1, 1)))))
        .isEqualTo(RejectionCode.LOCKED);

    applied(byHost(new Change.LockCanvas(nextId(), "main", false)));
    assertThat(canvas("main").locked()).isFalse();
    for (Change change : everyNoteChange("main", onMain)) {
      applied(byAna(change));
    }
  }

  @Test
  @DisplayName("LK2 a locked note refuses a participant's update, front and delete; not others")
  void lockedNote() {
    String locked = noteOn("main", "n-1", 0, 0);
    String open = noteOn("main", "n-2", 300, 0);
    Event event = applied(byHost(new Change.LockNote(nextId(), locked, true)));
    assertThat(event)
        .isEqualTo(
            new Event.NoteUpdated(event.revision(), "c-3", host, locked, NotePatch.lock(true)));
    assertThat(note(locked).locked()).isTrue();
    assertThat(state.snapshot().notes())
        .filteredOn(Note::locked)
        .extracting(Note::id)
        .containsExactly(locked);

    List<Change> changes = everyNoteChange("main", locked).subList(1, 5);
    for (Change change : changes) {
      assertThat(refused(byAna(change))).as(change.toString()).isEqualTo(RejectionCode.LOCKED);
    }
    applied(byAna(new Change.UpdateNote(nextId(), open, moveTo(9, 9))));
    applied(byHost(new Change.UpdateNote(nextId(), locked, moveTo(9, 9))));
    assertThat(note(locked).locked()).as("a facilitator's move keeps the lock").isTrue();

    applied(byHost(new Change.LockNote(nextId(), locked, false)));
    applied(byAna(new Change.UpdateNote(nextId(), locked, moveTo(1, 1))));
  }

  @Test
  @DisplayName("FA1 LK1 LK2 locking and unlocking are the facilitator's")
  void onlyTheFacilitatorLocks() {
    String note = noteOn("main", "n-1", 0, 0);
    assertThat(refused(byAna(new Change.LockCanvas(nextId(), "main", true))))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(byAna(new Change.LockNote(nextId(), note, true))))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(canvas("main").locked()).isFalse();
    assertThat(note(note).locked()).isFalse();
  }

  @Test
  @DisplayName("LK1 LK2 an unknown canvas or note is named as such, before any lock")
  void unknownTargets() {
    String note = noteOn("main", "n-1", 0, 0);
    assertThat(refused(byHost(new Change.LockCanvas(nextId(), "c-ghost", true))))
        .isEqualTo(RejectionCode.UNKNOWN_CANVAS);
    assertThat(refused(byHost(new Change.LockNote(nextId(), "n-ghost", true))))
        .isEqualTo(RejectionCode.UNKNOWN_NOTE);
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    assertThat(refused(byAna(new Change.UpdateNote(nextId(), "n-ghost", moveTo(1, 1)))))
        .isEqualTo(RejectionCode.UNKNOWN_NOTE);
    applied(byHost(new Change.DeleteNote(nextId(), note)));
    assertThat(refused(byHost(new Change.LockNote(nextId(), note, true))))
        .isEqualTo(RejectionCode.NOTE_DELETED);
    assertThat(refused(byAna(new Change.DeleteNote(nextId(), note))))
        .isEqualTo(RejectionCode.NOTE_DELETED);
  }

  @Test
  @DisplayName("CH2 LK1 a change applied before the lock is acknowledged again, not refused")
  void duplicateBeforeLock() {
    String note = noteOn("main", "n-1", 0, 0);
    Change move = new Change.UpdateNote("ana-1", note, moveTo(4, 4));
    long revision = applied(byAna(move)).revision();
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    assertThat(byAna(move)).isEqualTo(new Outcome.Duplicate("ana-1", revision));
  }

  @Test
  @DisplayName("LK3 a locked canvas cannot be deleted until it is unlocked; it can be renamed")
  void lockedCanvasIsKept() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "blank", "Groupe A")));
    applied(byHost(new Change.LockCanvas(nextId(), "c-a", true)));
    assertThat(refused(byHost(new Change.DeleteCanvas(nextId(), "c-a"))))
        .isEqualTo(RejectionCode.LOCKED);
    applied(byHost(new Change.RenameCanvas(nextId(), "c-a", "Groupe A · final")));
    assertThat(canvas("c-a").locked()).as("renaming keeps the lock").isTrue();
    applied(byHost(new Change.LockCanvas(nextId(), "c-a", false)));
    applied(byHost(new Change.DeleteCanvas(nextId(), "c-a")));
  }

  @Test
  @DisplayName("LK2 update_note may not set locked: only lock_note does")
  void updateCannotLock() {
    assertThatThrownBy(
            () ->
                new Change.UpdateNote(
                    "c", "n-1", new NotePatch(null, null, null, null, null, null, null, true)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("lock_note");
  }

  @Test
  @DisplayName("LK1 LK2 locks survive a replay of the journal and a checkpoint")
  void locksAreRebuilt() {
    String note = noteOn("main", "n-1", 0, 0);
    applied(byHost(new Change.LockNote(nextId(), note, true)));
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    WorkshopState rebuilt = replayed();
    assertThat(rebuilt.checkpoint()).isEqualTo(state.checkpoint());
    WorkshopState restored = WorkshopState.restore(state.checkpoint());
    assertThat(restored.snapshot().notes()).isEqualTo(state.snapshot().notes());
    assertThat(restored.snapshot().notes().get(0).locked()).isTrue();
    assertThat(restored.snapshot().facilitation().canvases().get(0).locked()).isTrue();
  }

  @Test
  @DisplayName(
      "RO1 LK1 LK2 a lock holds back whoever does not steer now: promoted, Ana edits; stepped down, not")
  void locksFollowTheAccess() {
    String note = noteOn("main", "n-1", 0, 0);
    applied(byHost(new Change.LockNote(nextId(), note, true)));
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    applied(byHost(new Change.SetAccess(nextId(), host, Access.FACILITATOR)));
    applied(byHost(new Change.SetAccess(nextId(), ana, Access.FACILITATOR)));
    applied(byAna(new Change.UpdateNote(nextId(), note, moveTo(5, 5))));
    applied(byHost(new Change.SetAccess(nextId(), ana, Access.PARTICIPANT)));
    assertThat(refused(byAna(new Change.UpdateNote(nextId(), note, moveTo(9, 9)))))
        .isEqualTo(RejectionCode.LOCKED);
    assertThat(note(note).x()).isEqualTo(5);
  }

  @Test
  @DisplayName("PW1 LK2 another person's hidden note is unknown_note before any lock is looked at")
  void hiddenBeforeLocked() {
    String note = noteOn("main", "n-1", 0, 0);
    applied(byHost(new Change.LockNote(nextId(), note, true)));
    applied(byHost(new Change.SetCanvasPrivacy(nextId(), "main", true, false)));
    assertThat(refused(byAna(new Change.UpdateNote(nextId(), note, moveTo(1, 1)))))
        .isEqualTo(RejectionCode.UNKNOWN_NOTE);
  }
}
