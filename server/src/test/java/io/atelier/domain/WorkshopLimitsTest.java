package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.domain.Outcome.Applied;
import io.atelier.domain.Outcome.Rejected;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The limits the workshop's state applies itself (LM5, LM6), with no network. */
class WorkshopLimitsTest {
  private static final long T0 = 1_764_147_600_000L;
  private static final String KEY = "the-owners-key";
  private static final WorkshopLimits THREE_PEOPLE_TWO_NOTES = new WorkshopLimits(3, 2);

  private final WorkshopState state =
      new WorkshopState(
          new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, Secrets.hash(KEY), 7));
  private int changes;

  private Admission enter(String name, String key) {
    return state.enter(
        Secrets.hash("token-" + name),
        new WorkshopState.Newcomer(new ParticipantId("p-" + name), name),
        "c-" + name + "-" + ++changes,
        key == null ? null : Secrets.hash(key),
        null,
        THREE_PEOPLE_TWO_NOTES);
  }

  private ParticipantId admitted(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    return ((Admission.Admitted) admission).participant().id();
  }

  private Outcome by(ParticipantId author, boolean steers, Change change) {
    return state.apply(author, change, steers, T0, THREE_PEOPLE_TWO_NOTES);
  }

  private Change.CreateNote note(String noteId, String canvasId) {
    return new Change.CreateNote(
        "c-" + ++changes, noteId, canvasId, 0, 0, 200, 140, noteId, NoteColor.YELLOW);
  }

  private static RejectionCode refused(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Rejected.class);
    return ((Rejected) outcome).code();
  }

  @Test
  @DisplayName(
      "LM5 a full workshop refuses a newcomer; people who hold a token and the key's holder still"
          + " come in, and a removed person frees a seat")
  void fullWorkshop() {
    ParticipantId host = admitted(enter("Hote", KEY));
    ParticipantId ana = admitted(enter("Ana", null));
    admitted(enter("Ben", null));

    Admission refused = enter("Chloe", null);
    assertThat(refused).isEqualTo(new Admission.Full(3));
    assertThat(state.snapshot().participants()).hasSize(3); // nobody was created

    // Ana comes back in another tab with her token: she has a seat already.
    assertThat(
            state.enter(
                Secrets.hash("token-Ana"), null, "c-ana-2", null, null, THREE_PEOPLE_TWO_NOTES))
        .isInstanceOf(Admission.Admitted.class);
    // The owner of the workshop is never kept out of it (as with a lock, RO3).
    assertThat(enter("Proprio", KEY)).isInstanceOf(Admission.Admitted.class);

    // With four people now, the facilitator removes two (RO5): one seat is free again.
    assertThat(by(host, true, new Change.RemoveParticipant("c-rm-1", ana)))
        .isInstanceOf(Applied.class);
    assertThat(enter("Chloe", null)).isInstanceOf(Admission.Full.class);
    ParticipantId ben = new ParticipantId("p-Ben");
    assertThat(by(host, true, new Change.RemoveParticipant("c-rm-2", ben)))
        .isInstanceOf(Applied.class);
    admitted(enter("Chloe", null));
    assertThat(enter("Dario", null)).isInstanceOf(Admission.Full.class);
  }

  @Test
  @DisplayName(
      "LM6 a canvas holds at most so many live notes, for the facilitator too; another canvas is"
          + " not full, and a deleted note frees its place")
  void fullCanvas() {
    ParticipantId host = admitted(enter("Hote", KEY));
    ParticipantId ana = admitted(enter("Ana", null));
    assertThat(by(ana, false, note("n-1", "main"))).isInstanceOf(Applied.class);
    assertThat(by(host, true, note("n-2", "main"))).isInstanceOf(Applied.class);
    long revision = state.revision();

    Outcome tooMany = by(ana, false, note("n-3", "main"));
    assertThat(refused(tooMany)).isEqualTo(RejectionCode.TOO_MANY_NOTES);
    assertThat(((Rejected) tooMany).message()).contains("main").contains("2 notes");
    assertThat(refused(by(host, true, note("n-3", "main"))))
        .isEqualTo(RejectionCode.TOO_MANY_NOTES);
    assertThat(state.revision()).isEqualTo(revision); // nothing changed (CH3)
    assertThat(state.snapshot().notes()).extracting(Note::id).containsExactly("n-1", "n-2");

    assertThat(by(host, true, new Change.CreateCanvas("c-cv", "c-2", "blank", "Deux")))
        .isInstanceOf(Applied.class);
    assertThat(by(ana, false, note("n-4", "c-2"))).isInstanceOf(Applied.class);

    // Moving and editing the notes of a full canvas go on; deleting one frees its place.
    assertThat(
            by(
                ana,
                false,
                new Change.UpdateNote(
                    "c-up", "n-1", new NotePatch(5.0, null, null, null, "Encore", null, null))))
        .isInstanceOf(Applied.class);
    assertThat(by(ana, false, new Change.DeleteNote("c-del", "n-1"))).isInstanceOf(Applied.class);
    assertThat(by(ana, false, note("n-5", "main"))).isInstanceOf(Applied.class);
  }

  @Test
  @DisplayName(
      "LM6 a duplicate of a change applied before the canvas filled up is acknowledged again"
          + " (CH2), and a lock is said before fullness (LK1)")
  void fullCanvasAfterTheOtherRules() {
    ParticipantId host = admitted(enter("Hote", KEY));
    ParticipantId ana = admitted(enter("Ana", null));
    Change.CreateNote first = note("n-1", "main");
    assertThat(by(ana, false, first)).isInstanceOf(Applied.class);
    assertThat(by(ana, false, note("n-2", "main"))).isInstanceOf(Applied.class);

    assertThat(by(ana, false, first)).isInstanceOf(Outcome.Duplicate.class);
    assertThat(by(host, true, new Change.LockCanvas("c-lock", "main", true)))
        .isInstanceOf(Applied.class);
    assertThat(refused(by(ana, false, note("n-3", "main")))).isEqualTo(RejectionCode.LOCKED);
  }

  @Test
  @DisplayName("LM5 LM6 a limit below one is not a limit")
  void limitsAreAtLeastOne() {
    assertThatThrownBy(() -> new WorkshopLimits(0, 10)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new WorkshopLimits(10, 0)).isInstanceOf(InvalidValueException.class);
  }
}
