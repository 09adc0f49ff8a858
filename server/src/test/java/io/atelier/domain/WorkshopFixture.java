package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.Outcome.Applied;
import io.atelier.domain.Outcome.Rejected;
import java.util.ArrayList;
import java.util.List;

/**
 * A workshop with a facilitator (host) and a participant (Ana), and every event it commits kept, so
 * that a test can replay them into a fresh workshop as a restart would.
 */
abstract class WorkshopFixture {
  static final long T0 = 1_764_147_600_000L;
  static final WorkshopFacts FACTS =
      new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, "hash", 7);

  final WorkshopState state = new WorkshopState(FACTS);
  final List<Event> events = new ArrayList<>();
  final ParticipantId host = admit("Hôte", "c1");
  final ParticipantId ana = admit("Ana", "c2");
  private int changes;

  private ParticipantId admit(String name, String connection) {
    var admission =
        (Admission.Admitted)
            state.enter(
                Secrets.hash("token-" + name),
                new WorkshopState.Newcomer(new ParticipantId("p-" + name.length()), name),
                connection);
    events.addAll(admission.events());
    return admission.participant().id();
  }

  String nextId() {
    return "c-" + ++changes;
  }

  Outcome byHost(Change change) {
    return keep(state.apply(host, change, true, T0));
  }

  Outcome byAna(Change change) {
    return keep(state.apply(ana, change, false, T0));
  }

  private Outcome keep(Outcome outcome) {
    if (outcome instanceof Applied applied) {
      events.add(applied.event());
    }
    return outcome;
  }

  static Event applied(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Applied.class);
    return ((Applied) outcome).event();
  }

  static RejectionCode refused(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Rejected.class);
    return ((Rejected) outcome).code();
  }

  /** A note at (x, y) on a canvas, created by the host. */
  String noteOn(String canvasId, String noteId, double x, double y) {
    applied(
        byHost(
            new Change.CreateNote(
                nextId(), noteId, canvasId, x, y, 200, 140, noteId, NoteColor.YELLOW)));
    return noteId;
  }

  Note note(String noteId) {
    return state.checkpoint().notes().stream()
        .filter(note -> note.id().equals(noteId))
        .findFirst()
        .orElseThrow();
  }

  Canvas canvas(String canvasId) {
    return state.checkpoint().facilitation().canvases().stream()
        .filter(canvas -> canvas.id().equals(canvasId))
        .findFirst()
        .orElseThrow();
  }

  List<Cluster> clusters() {
    return state.snapshot().facilitation().clusters();
  }

  static NotePatch moveTo(double x, double y) {
    return new NotePatch(x, y, null, null, null, null, null);
  }

  /** A fresh workshop rebuilt from the kept events, as after a restart without checkpoint. */
  WorkshopState replayed() {
    WorkshopState rebuilt = new WorkshopState(FACTS);
    events.forEach(rebuilt::replay);
    return rebuilt;
  }
}
