package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.Outcome.Applied;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Private writing and the reveal as the model decides them (PW1, PW2), with no network. */
class PrivateWritingTest {
  private static final String KEY = "key";
  private final WorkshopState state =
      new WorkshopState(
          new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, Secrets.hash(KEY), 7));
  private int changes;
  private final ParticipantId host = enter("p-host", KEY);
  private final ParticipantId ana = enter("p-ana", null);
  private final ParticipantId ben = enter("p-ben", null);

  private ParticipantId enter(String id, String key) {
    var admitted =
        (Admission.Admitted)
            state.enter(
                Secrets.hash("t-" + id),
                new WorkshopState.Newcomer(new ParticipantId(id), id),
                "c-" + id,
                key == null ? null : Secrets.hash(key),
                null);
    return admitted.participant().id();
  }

  private Applied apply(ParticipantId author, Change change) {
    Outcome outcome = state.apply(author, change, false, 1_000);
    assertThat(outcome).isInstanceOf(Applied.class);
    return (Applied) outcome;
  }

  private Applied write(ParticipantId author, String noteId, String text) {
    return apply(
        author,
        new Change.CreateNote(
            "c-" + ++changes, noteId, "main", 0, 0, 200, 140, text, NoteColor.YELLOW));
  }

  private Applied privacy(boolean privateMode, boolean anonymous) {
    return apply(
        host, new Change.SetCanvasPrivacy("c-" + ++changes, "main", privateMode, anonymous));
  }

  @Test
  @DisplayName("PW1 on a private canvas a note's events are the author's alone to read")
  void hiddenFromOthers() {
    Applied before = write(ana, "n-before", "écrit avant");
    assertThat(before.visibility()).isEqualTo(Visibility.PUBLIC);
    privacy(true, false);
    Applied secret = write(ana, "n-secret", "secret");
    assertThat(secret.visibility()).isEqualTo(Visibility.hidden(ana, "main", "created"));
    assertThat(secret.visibility().readableBy(ana)).isTrue();
    assertThat(secret.visibility().readableBy(ben)).isFalse();
    assertThat(secret.visibility().readableBy(host)).as("the facilitator too").isFalse();
    Applied moved =
        apply(
            ana,
            new Change.UpdateNote(
                "c-" + ++changes,
                "n-secret",
                new NotePatch(5.0, null, null, null, null, null, null)));
    assertThat(moved.visibility().change()).isEqualTo("updated");

    Outcome guessed =
        state.apply(ben, new Change.DeleteNote("c-" + ++changes, "n-secret"), true, 1_000);
    assertThat(guessed)
        .as("a hidden note does not exist for others, facilitator or not")
        .isInstanceOfSatisfying(
            Outcome.Rejected.class,
            r -> assertThat(r.code()).isEqualTo(RejectionCode.UNKNOWN_NOTE));

    CatchUp.Snapshot bens = state.snapshot(ben);
    assertThat(bens.notes()).isEmpty();
    assertThat(bens.hiddenNotes()).containsEntry("main", 2);
    assertThat(state.snapshot(ana).notes()).extracting(Note::id).contains("n-before", "n-secret");
    assertThat(state.snapshot().notes()).as("an observer owns nothing").isEmpty();

    CatchUp.Missed missed = (CatchUp.Missed) state.catchUp(before.event().revision(), ben);
    assertThat(missed.visibilities())
        .extracting(Visibility::kind)
        .containsExactly(Visibility.Kind.PUBLIC, Visibility.Kind.HIDDEN, Visibility.Kind.HIDDEN);
  }

  @Test
  @DisplayName("PW2 a reveal carries the canvas's notes; anonymity stays and reaches the exports")
  void revealAnonymously() {
    privacy(true, false);
    write(ana, "n-ana", "d'Ana");
    write(ben, "n-ben", "de Ben");
    Event reveal = privacy(false, true).event();
    assertThat(((Event.CanvasPrivacyChanged) reveal).revealed())
        .extracting(Note::id)
        .containsExactly("n-ana", "n-ben");

    Applied later = write(ana, "n-later", "après");
    assertThat(later.visibility()).isEqualTo(Visibility.anonymous(ana));
    assertThat(state.snapshot(ben).notes())
        .filteredOn(note -> !note.id().equals("n-ben"))
        .allSatisfy(note -> assertThat(note.createdBy()).isNull());
    assertThat(state.snapshot(ben).notes())
        .filteredOn(note -> note.id().equals("n-ben"))
        .singleElement()
        .satisfies(note -> assertThat(note.createdBy()).isEqualTo(ben));

    Event again = privacy(false, false).event();
    assertThat(((Event.CanvasPrivacyChanged) again).anonymous()).as("stays anonymous").isTrue();
    assertThat(state.content().notes()).allSatisfy(note -> assertThat(note.createdBy()).isNull());
    assertThat(state.content().requireConsistent()).isNotNull();

    WorkshopState restored = WorkshopState.restore(state.checkpoint());
    assertThat(restored.snapshot().facilitation().privacy())
        .isEqualTo(new Privacy(List.of(), List.of("main")));
  }
}
