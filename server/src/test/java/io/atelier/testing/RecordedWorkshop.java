package io.atelier.testing;

import io.atelier.domain.Admission;
import io.atelier.domain.Change;
import io.atelier.domain.Event;
import io.atelier.domain.Language;
import io.atelier.domain.NoteColor;
import io.atelier.domain.NotePatch;
import io.atelier.domain.Outcome;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real {@link WorkshopState} driven through the domain's own operations, keeping every event it
 * commits in order, as a journaling store would append them. Tests compare what a journal gives
 * back with these events and with {@link WorkshopState#checkpoint()}.
 */
public final class RecordedWorkshop {
  private final WorkshopFacts facts;
  private final WorkshopState state;
  private final List<Event> events = new ArrayList<>();
  private int taken;

  public RecordedWorkshop(String title) {
    WorkshopId id = new WorkshopId("w-" + UUID.randomUUID());
    this.facts =
        new WorkshopFacts(
            id, title, Language.FR, Secrets.hash("key-" + id), System.currentTimeMillis());
    this.state = new WorkshopState(facts);
  }

  public WorkshopId id() {
    return facts.id();
  }

  public WorkshopFacts facts() {
    return facts;
  }

  public WorkshopState state() {
    return state;
  }

  /** A person enters with the token of their name: joined the first time, online after that. */
  public ParticipantId enter(String name) {
    Admission.Admitted admitted =
        (Admission.Admitted)
            state.enter(
                Secrets.hash("token-" + name),
                new WorkshopState.Newcomer(new ParticipantId("p-" + name), name),
                "c-" + name);
    events.addAll(admitted.events());
    return admitted.participant().id();
  }

  public void leave(ParticipantId participant, String name) {
    events.addAll(state.leave(participant, "c-" + name));
  }

  /** Applies a change that must apply, and returns its event. */
  public Event apply(ParticipantId author, Change change) {
    Outcome outcome = state.apply(author, change);
    if (!(outcome instanceof Outcome.Applied applied)) {
      throw new AssertionError("not applied: " + outcome);
    }
    events.add(applied.event());
    return applied.event();
  }

  /** Every event so far, in revision order. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The events not taken yet by an earlier call: what the next append carries. */
  public List<Event> take() {
    List<Event> next = List.copyOf(events.subList(taken, events.size()));
    taken = events.size();
    return next;
  }

  /** Two people, notes created, edited, brought to front and deleted, a leave and a return. */
  public void playEveryKindOfEvent() {
    ParticipantId ana = enter("Ana");
    ParticipantId ben = enter("Ben");
    apply(ana, new Change.CreateNote("a-1", "n-1", -120.5, 40.25, 200, 140, "", NoteColor.YELLOW));
    apply(ben, new Change.CreateNote("b-1", "n-2", 300, 0, 220, 160, "Communs", NoteColor.BLUE));
    String text = "Règles « partagées » \"quoted\" \\ 🌱\nligne 2";
    apply(
        ana,
        new Change.UpdateNote(
            "a-2", "n-1", new NotePatch(1.5, -2.75, 240.0, 180.0, text, NoteColor.PINK, null)));
    apply(
        ben,
        new Change.UpdateNote(
            "b-2", "n-2", new NotePatch(null, null, null, null, "x", null, null)));
    apply(ben, new Change.BringNoteToFront("b-3", "n-1"));
    apply(ana, new Change.DeleteNote("a-3", "n-2"));
    leave(ben, "Ben");
    enter("Ben");
  }
}
