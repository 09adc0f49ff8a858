package io.atelier.benchmarks;

import io.atelier.domain.Change;
import io.atelier.domain.Language;
import io.atelier.domain.NoteColor;
import io.atelier.domain.Outcome;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopState;

/**
 * A workshop as the domain brief describes the big ones: 70 people, 500 notes of 40 characters on
 * the first canvas, each note written by one of them. Built through the same domain calls as a real
 * session (enter, then create_note), so its state holds what a real one holds: participants with
 * presence, a history of events, remembered change ids.
 */
final class RealisticWorkshop {
  static final int PARTICIPANTS = 70;
  static final int NOTES = 500;
  static final String TEXT = "Qui prend soin du commun aujourd'hui ? .";
  private static final NoteColor[] COLOURS = NoteColor.values();

  private RealisticWorkshop() {}

  static WorkshopState build() {
    return build(NOTES);
  }

  /** The same people, with {@code notes} notes (issue 8's join scenario has 2,000). */
  static WorkshopState build(int notes) {
    WorkshopState state =
        new WorkshopState(
            new WorkshopFacts(
                new WorkshopId("atelier-bench"),
                "Atelier MSC : nos plateformes",
                Language.FR,
                Secrets.hash("facilitator-key"),
                0));
    for (int p = 0; p < PARTICIPANTS; p++) {
      state.enter(
          Secrets.hash("token-" + p),
          new WorkshopState.Newcomer(person(p), "Personne " + p),
          "connection-" + p);
    }
    for (int n = 0; n < notes; n++) {
      Outcome outcome =
          state.apply(
              authorOf(n),
              new Change.CreateNote(
                  "seed-" + n,
                  noteId(n),
                  "main",
                  (n % 25) * 220.0,
                  (n / 25) * 160.0,
                  200,
                  140,
                  TEXT,
                  COLOURS[n % COLOURS.length]),
              false,
              1_700_000_000_000L + n);
      if (!(outcome instanceof Outcome.Applied)) {
        throw new IllegalStateException("seeding refused: " + outcome);
      }
    }
    return state;
  }

  static ParticipantId person(int p) {
    return new ParticipantId("p-" + p);
  }

  /** Who wrote note {@code n}: people edit their own notes, as in a brainstorm. */
  static ParticipantId authorOf(int n) {
    return person(n % PARTICIPANTS);
  }

  static String noteId(int n) {
    return "note-" + n;
  }

  static String colour(int n) {
    return COLOURS[n % COLOURS.length].code();
  }
}
