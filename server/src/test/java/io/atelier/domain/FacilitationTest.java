package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.domain.Outcome.Applied;
import io.atelier.domain.Outcome.Rejected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Canvases, groups, roles, the agenda and the timer, as the domain applies them. */
class FacilitationTest {
  private static final long T0 = 1_764_147_600_000L;
  private final WorkshopState state =
      new WorkshopState(new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, "hash", 7));
  private final ParticipantId host = admit("Hôte", "token-host", "c1");
  private final ParticipantId ana = admit("Ana", "token-ana", "c2");
  private int changes;

  private ParticipantId admit(String name, String token, String connection) {
    var admission =
        (Admission.Admitted)
            state.enter(
                Secrets.hash(token),
                new WorkshopState.Newcomer(new ParticipantId("p-" + name.length()), name),
                connection);
    return admission.participant().id();
  }

  private String nextId() {
    return "c-" + ++changes;
  }

  private Outcome byHost(Change change, long now) {
    return state.apply(host, change, true, now);
  }

  private Event applied(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Applied.class);
    return ((Applied) outcome).event();
  }

  private RejectionCode refused(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Rejected.class);
    return ((Rejected) outcome).code();
  }

  private static AgendaStep step(String id, StepKind kind, int minutes) {
    return new AgendaStep(id, kind, "Étape " + id, "", minutes, null, null);
  }

  @Test
  @DisplayName("CV1 a new workshop has one MSC canvas, main, named in its language")
  void firstCanvas() {
    FacilitationState arranged = state.snapshot().facilitation();
    assertThat(arranged.canvases())
        .containsExactly(new Canvas("main", "Canevas MSC", "msc", 7, false));
    var english =
        new WorkshopState(new WorkshopFacts(new WorkshopId("w2"), "Workshop", Language.EN, "h", 0));
    assertThat(english.snapshot().facilitation().canvases().get(0).name())
        .isEqualTo("Commons model canvas");
  }

  @Test
  @DisplayName("FA1 a participant without the facilitator's role cannot steer, only note and mark")
  void facilitatorOnly() {
    List<Change> steering =
        List.of(
            new Change.CreateCanvas(nextId(), "c-a", "blank", "A"),
            new Change.RenameCanvas(nextId(), "main", "B"),
            new Change.DeleteCanvas(nextId(), "main"),
            new Change.AssignGroup(nextId(), ana, "main"),
            new Change.SetAgenda(nextId(), List.of()),
            new Change.GoToStep(nextId(), null),
            new Change.SetRoaming(nextId(), true),
            new Change.FocusPillar(nextId(), Pillar.SHARING),
            new Change.CommandTimer(nextId(), Change.TimerAction.START, 60L));
    long before = state.revision();
    for (Change change : steering) {
      assertThat(refused(state.apply(ana, change, false, T0)))
          .isEqualTo(RejectionCode.NOT_FACILITATOR);
    }
    assertThat(state.revision()).isEqualTo(before);
    applied(
        state.apply(ana, new Change.SetRole(nextId(), Pillar.SHARING, "Je documente"), false, T0));
    applied(
        state.apply(
            ana,
            new Change.CreateNote(nextId(), "n-1", 0, 0, 200, 140, "", NoteColor.BLUE),
            false,
            T0));
  }

  @Test
  @DisplayName("CV1 NT7 notes go on a live canvas and record when they were made")
  void notesOnCanvases() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "analyse-platform", "Groupe A"), T0));
    Event event =
        applied(
            state.apply(
                ana,
                new Change.CreateNote(nextId(), "n-1", "c-a", 0, 0, 200, 140, "x", NoteColor.PINK),
                false,
                T0 + 5));
    Note note = ((Event.NoteCreated) event).note();
    assertThat(note.canvasId()).isEqualTo("c-a");
    assertThat(note.createdAt()).isEqualTo(T0 + 5);
    var elsewhere =
        new Change.CreateNote(nextId(), "n-2", "c-zz", 0, 0, 200, 140, "", NoteColor.PINK);
    assertThat(refused(state.apply(ana, elsewhere, false, T0)))
        .isEqualTo(RejectionCode.UNKNOWN_CANVAS);
    assertThat(refused(byHost(new Change.CreateCanvas(nextId(), "c-a", "msc", "Encore"), T0)))
        .isEqualTo(RejectionCode.CANVAS_EXISTS);
  }

  @Test
  @DisplayName("CV3 a deleted canvas hides its notes, dissolves its group; the last one stays")
  void deleteCanvas() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "blank", "A"), T0));
    applied(
        state.apply(
            ana,
            new Change.CreateNote(nextId(), "n-1", "c-a", 0, 0, 200, 140, "", NoteColor.PINK),
            false,
            T0));
    applied(byHost(new Change.AssignGroup(nextId(), ana, "c-a"), T0));
    assertThat(state.snapshot().facilitation().groups()).isEqualTo(Map.of(ana, "c-a"));

    applied(byHost(new Change.DeleteCanvas(nextId(), "c-a"), T0));

    assertThat(state.snapshot().notes()).isEmpty();
    assertThat(state.content().notes()).isEmpty();
    assertThat(state.snapshot().facilitation().groups()).isEmpty();
    assertThat(state.snapshot().facilitation().canvases())
        .extracting(Canvas::id)
        .containsExactly("main");
    assertThat(refused(byHost(new Change.DeleteCanvas(nextId(), "main"), T0)))
        .isEqualTo(RejectionCode.LAST_CANVAS);
    assertThat(refused(byHost(new Change.CreateCanvas(nextId(), "c-a", "blank", "A"), T0)))
        .isEqualTo(RejectionCode.CANVAS_EXISTS);
    assertThat(refused(byHost(new Change.AssignGroup(nextId(), ana, "c-a"), T0)))
        .isEqualTo(RejectionCode.UNKNOWN_CANVAS);
    assertThat(
            refused(byHost(new Change.AssignGroup(nextId(), new ParticipantId("p-x"), null), T0)))
        .isEqualTo(RejectionCode.UNKNOWN_PARTICIPANT);
  }

  @Test
  @DisplayName("CV2 a canvas is renamed; CV1 at most 40 live canvases")
  void renameAndLimit() {
    applied(byHost(new Change.RenameCanvas(nextId(), "main", "Plénière"), T0));
    assertThat(state.snapshot().facilitation().canvases().get(0).name()).isEqualTo("Plénière");
    for (int i = 1; i < Canvas.MAX_CANVASES; i++) {
      applied(byHost(new Change.CreateCanvas(nextId(), "c-" + i, "blank", "G" + i), T0));
    }
    assertThat(refused(byHost(new Change.CreateCanvas(nextId(), "c-x", "blank", "X"), T0)))
        .isEqualTo(RejectionCode.TOO_MANY_CANVASES);
  }

  @Test
  @DisplayName("RM1 a participant sets and takes away only their own markers")
  void roles() {
    Event event =
        applied(
            state.apply(
                ana, new Change.SetRole(nextId(), Pillar.SHARING, "  Je forme "), false, T0));
    assertThat(event)
        .isEqualTo(new Event.RoleSet(event.revision(), "c-1", ana, Pillar.SHARING, "Je forme"));
    applied(state.apply(ana, new Change.SetRole(nextId(), Pillar.COMMUNITY, ""), false, T0));
    applied(
        state.apply(host, new Change.SetRole(nextId(), Pillar.COMMUNITY, "Animation"), true, T0));
    applied(state.apply(ana, new Change.SetRole(nextId(), Pillar.SHARING, null), false, T0));
    assertThat(state.snapshot().facilitation().roles())
        .containsExactlyInAnyOrder(
            new RoleMarker(ana, Pillar.COMMUNITY, ""),
            new RoleMarker(host, Pillar.COMMUNITY, "Animation"));
  }

  @Test
  @DisplayName("AT1 anyone says they are remote; only the facilitator says it of someone else")
  void attendance() {
    Event event =
        applied(state.apply(ana, new Change.SetAttendance(nextId(), ana, true), false, T0));
    assertThat(event)
        .isEqualTo(new Event.AttendanceChanged(event.revision(), "c-1", ana, ana, true));
    assertThat(refused(state.apply(ana, new Change.SetAttendance(nextId(), host, true), false, T0)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(
            refused(
                byHost(new Change.SetAttendance(nextId(), new ParticipantId("p-ghost"), true), T0)))
        .isEqualTo(RejectionCode.UNKNOWN_PARTICIPANT);
    applied(byHost(new Change.SetAttendance(nextId(), host, true), T0));
    assertThat(state.snapshot().facilitation().remote()).containsExactly(ana, host);
    applied(byHost(new Change.SetAttendance(nextId(), ana, false), T0));
    applied(byHost(new Change.SetAttendance(nextId(), ana, false), T0)); // twice changes nothing
    assertThat(state.snapshot().facilitation().remote()).containsExactly(host);
  }

  @Test
  @DisplayName("AG1 AG2 steps start at the server's time; the agenda's start is kept")
  void agendaProgress() {
    applied(
        byHost(
            new Change.SetAgenda(
                nextId(),
                List.of(step("s-1", StepKind.TEXT, 5), step("s-2", StepKind.ROUND_TABLE, 20))),
            T0));
    assertThat(refused(byHost(new Change.GoToStep(nextId(), "s-9"), T0)))
        .isEqualTo(RejectionCode.UNKNOWN_STEP);
    applied(byHost(new Change.GoToStep(nextId(), "s-1"), T0));
    applied(byHost(new Change.FocusPillar(nextId(), Pillar.COMMUNITY), T0 + 1));
    Event event = applied(byHost(new Change.GoToStep(nextId(), "s-2"), T0 + 300_000));
    assertThat(((Event.ProgressChanged) event).progress())
        .isEqualTo(new Progress("s-2", T0 + 300_000, T0, false, null));
    applied(byHost(new Change.SetRoaming(nextId(), true), T0 + 300_001));
    assertThat(state.snapshot().facilitation().progress().roaming()).isTrue();

    applied(byHost(new Change.SetAgenda(nextId(), List.of(step("s-1", StepKind.TEXT, 5))), T0));
    assertThat(state.snapshot().facilitation().progress().currentStepId())
        .as("AG1 the current step was removed")
        .isNull();
  }

  @Test
  @DisplayName("AG1 an agenda refuses two steps with one id, and options on a non-canvas step")
  void agendaChecks() {
    assertThatThrownBy(
            () ->
                new Change.SetAgenda(
                    "c", List.of(step("s", StepKind.TEXT, 1), step("s", StepKind.BREAK, 1))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("s");
    assertThatThrownBy(() -> new AgendaStep("s", StepKind.BREAK, "Pause", "", 15, "msc", null))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new AgendaStep("s", StepKind.TEXT, "Texte", "", 601, null, null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  @DisplayName("TM1 TM2 the timer is a deadline: start, pause, resume, add and stop")
  void timer() {
    Timer started = timerAfter(Change.TimerAction.START, 600L, T0);
    assertThat(started).isEqualTo(new Timer(Timer.Status.RUNNING, 600_000, T0 + 600_000, null));
    Timer paused = timerAfter(Change.TimerAction.PAUSE, null, T0 + 100_000);
    assertThat(paused).isEqualTo(new Timer(Timer.Status.PAUSED, 600_000, null, 500_000L));
    Timer more = timerAfter(Change.TimerAction.ADD, 60L, T0 + 200_000);
    assertThat(more).isEqualTo(new Timer(Timer.Status.PAUSED, 660_000, null, 560_000L));
    Timer resumed = timerAfter(Change.TimerAction.RESUME, null, T0 + 300_000);
    assertThat(resumed).isEqualTo(new Timer(Timer.Status.RUNNING, 660_000, T0 + 860_000, null));
    Timer again = timerAfter(Change.TimerAction.RESUME, null, T0 + 300_001);
    assertThat(again).as("resuming a running timer changes nothing").isEqualTo(resumed);
    assertThat(timerAfter(Change.TimerAction.STOP, null, T0)).isEqualTo(Timer.STOPPED);
    Timer restarted = timerAfter(Change.TimerAction.ADD, 60L, T0 + 900_000);
    assertThat(restarted)
        .as("adding to a stopped timer starts a countdown")
        .isEqualTo(new Timer(Timer.Status.RUNNING, 60_000, T0 + 960_000, null));
    Timer late = timerAfter(Change.TimerAction.ADD, 30L, T0 + 999_000);
    assertThat(late)
        .as("adding to a finished timer starts a new countdown")
        .isEqualTo(new Timer(Timer.Status.RUNNING, 30_000, T0 + 1_029_000, null));
    assertThatThrownBy(() -> new Change.CommandTimer("c", Change.TimerAction.START, null))
        .isInstanceOf(InvalidValueException.class);
  }

  private Timer timerAfter(Change.TimerAction action, Long seconds, long now) {
    Event event = applied(byHost(new Change.CommandTimer(nextId(), action, seconds), now));
    return ((Event.TimerChanged) event).timer();
  }

  @Test
  @DisplayName("checkpoint, restore and replay give back what the facilitator arranged")
  void checkpointAndReplay() {
    List<Event> events = new java.util.ArrayList<>();
    events.add(applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "msc", "A"), T0)));
    events.add(applied(byHost(new Change.AssignGroup(nextId(), ana, "c-a"), T0)));
    events.add(
        applied(
            state.apply(ana, new Change.SetRole(nextId(), Pillar.RESOURCES, "Dons"), false, T0)));
    events.add(
        applied(
            byHost(
                new Change.SetAgenda(
                    nextId(),
                    List.of(new AgendaStep("s-1", StepKind.CANVAS, "Exercice", "", 50, "msc", 10))),
                T0)));
    events.add(applied(byHost(new Change.GoToStep(nextId(), "s-1"), T0 + 1)));
    events.add(
        applied(byHost(new Change.CommandTimer(nextId(), Change.TimerAction.START, 90L), T0 + 2)));
    events.add(
        applied(state.apply(ana, new Change.SetAttendance(nextId(), ana, true), false, T0 + 3)));
    assertThat(state.snapshot().facilitation().remote()).containsExactly(ana);

    WorkshopState restored = WorkshopState.restore(state.checkpoint());
    assertThat(restored.snapshot().facilitation()).isEqualTo(state.snapshot().facilitation());

    // Participants' joins are left out: replay does not check who acts, only what happened.
    WorkshopState fromEvents = new WorkshopState(state.facts());
    events.forEach(fromEvents::replay);
    assertThat(fromEvents.snapshot().facilitation()).isEqualTo(state.snapshot().facilitation());
  }

  @Test
  @DisplayName("EX2 an import fills a new workshop with the content of another, as one event")
  void importContent() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "msc", "A"), T0));
    applied(
        state.apply(
            ana,
            new Change.CreateNote(nextId(), "n-1", "c-a", 10, 10, 200, 140, "x", NoteColor.PINK),
            false,
            T0));
    WorkshopContent content = state.content();

    WorkshopState copy =
        new WorkshopState(new WorkshopFacts(new WorkshopId("w9"), "Copie", Language.FR, "k", 1));
    Event event = copy.importContent(content);

    assertThat(event.revision()).isEqualTo(1);
    assertThat(copy.content()).isEqualTo(content);
    assertThat(copy.catchUp(0L)).isInstanceOf(CatchUp.Snapshot.class);
    WorkshopState replayed =
        new WorkshopState(new WorkshopFacts(new WorkshopId("w9"), "Copie", Language.FR, "k", 1));
    replayed.replay(event);
    assertThat(replayed.content()).isEqualTo(content);
    assertThatThrownBy(() -> copy.importContent(content)).isInstanceOf(InvalidValueException.class);
  }
}
