package io.atelier.testing;

import io.atelier.domain.Access;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.Event;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Membership;
import io.atelier.domain.Note;
import io.atelier.domain.NoteColor;
import io.atelier.domain.NotePatch;
import io.atelier.domain.NotePosition;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Privacy;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.RoundTable;
import io.atelier.domain.StepKind;
import io.atelier.domain.Timer;
import io.atelier.domain.Vote;
import io.atelier.domain.WorkshopContent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Events of every type the domain has, with their optional parts both present and absent, for tests
 * of what carries events (the feed's format, ADR 0002). {@link #missingTypes()} names the event
 * records the list lacks, read from the sealed interface: a new event type fails those tests until
 * it has a sample here.
 */
public final class EventSamples {
  private static final ParticipantId ANA = new ParticipantId("p-ana");
  private static final Note NOTE =
      new Note("n-1", -1.5, 2.25, 200, 140, "« é » 🌱", NoteColor.PINK, 3, ANA, false);

  private static final AgendaStep STEP =
      new AgendaStep("s-1", StepKind.TEXT, "Reconnaissance", "Nous sommes **ici**.", 5, null, null);
  private static final AgendaStep WALK =
      new AgendaStep("s-2", StepKind.CANVAS, "Exercice", "", 60, "msc", 10);
  private static final ParticipantId BO = new ParticipantId("p-bo");
  private static final RoundTable RUNNING_ROUND =
      new RoundTable(
          List.of(ANA, BO),
          List.of(new ParticipantId("p-cy")),
          90_000,
          10_000,
          100L,
          null,
          new RoundTable.Turn(BO, 200L, 90_000, 90_200L, null, 200L, 0, false),
          List.of(ANA),
          List.of(new RoundTable.SpokenTurn(ANA, 100L, 200L, 100, true, false)));
  private static final RoundTable PAUSED_ROUND =
      new RoundTable(
          List.of(ANA),
          List.of(),
          60_000,
          0,
          100L,
          null,
          new RoundTable.Turn(ANA, 100L, 90_000, null, -5_000L, null, 95_000, true),
          List.of(),
          List.of());
  private static final Cluster CLUSTER =
      new Cluster("k-1", "main", "Ce qui nous relie", List.of("n-1", "n-2"));
  private static final Vote CLOSED_VOTE =
      new Vote(
          "v-1",
          "main",
          Pillar.COMMUNITY,
          3,
          2,
          false,
          10L,
          20L,
          List.of("n-1", "n-2"),
          List.of(new Vote.Dots(ANA, "n-1", 2), new Vote.Dots(BO, "n-2", 1)),
          List.of(new Vote.Result("n-1", 2, 1, 1), new Vote.Result("n-2", 1, 1, 2)));
  private static final Vote OPEN_VOTE =
      Vote.opened("v-2", "c-b", null, 5, null, true, 30L, List.of("n-3"));
  private static final WorkshopContent CONTENT =
      new WorkshopContent(
          List.of(new Participant(ANA, "Ana", "#d9480f", "token-hash")),
          List.of(NOTE),
          new FacilitationState(
              List.of(
                  new Canvas("main", "Canevas MSC", "msc", 1L, false),
                  new Canvas("c-b", "Groupe B", "blank", 2L, true)),
              Map.of(ANA, "main"),
              List.of(new RoleMarker(ANA, Pillar.COMMUNITY, "")),
              List.of(STEP, WALK),
              new Progress("s-1", 3L, 3L, false, null),
              Timer.STOPPED,
              RUNNING_ROUND,
              List.of(ANA),
              new Membership(Map.of(ANA, Access.FACILITATOR), List.of(BO), true, "hash"),
              new Privacy(List.of("main"), List.of("c-b")),
              List.of(new Cluster("k-1", "main", "Ce qui nous relie", List.of("n-1"))),
              List.of(CLOSED_VOTE, OPEN_VOTE)));

  private EventSamples() {}

  public static List<Event> all() {
    return List.of(
        new Event.NoteCreated(1, "c-1", ANA, NOTE),
        new Event.NoteUpdated(
            2, "c-2", ANA, "n-1", new NotePatch(1.0, null, null, 300.0, "", null, null)),
        new Event.NoteUpdated(3, "c-3", ANA, "n-1", NotePatch.front(9)),
        new Event.NoteDeleted(4, "c-4", ANA, "n-1"),
        new Event.ParticipantJoined(5, new Participant(ANA, "Ana", "#d9480f", "token-hash")),
        new Event.PresenceChanged(6, ANA, false),
        new Event.CanvasCreated(
            7, "c-7", ANA, new Canvas("c-a", "Groupe A", "analyse-platform", 5L, false)),
        new Event.CanvasRenamed(8, "c-8", ANA, "c-a", "Groupe A · plateforme"),
        new Event.CanvasDeleted(9, "c-9", ANA, "c-a"),
        new Event.GroupAssigned(10, "c-10", ANA, ANA, "main"),
        new Event.GroupAssigned(11, "c-11", ANA, ANA, null),
        new Event.RoleSet(12, "c-12", ANA, Pillar.SHARING, "documente"),
        new Event.RoleSet(13, "c-13", ANA, Pillar.SHARING, null),
        new Event.AttendanceChanged(13, "c-13b", BO, ANA, true),
        new Event.AttendanceChanged(13, "c-13c", ANA, ANA, false),
        new Event.AccessChanged(13, "c-13d", ANA, BO, Access.FACILITATOR),
        new Event.AccessChanged(13, null, ANA, ANA, Access.OBSERVER),
        new Event.WorkshopLocked(13, "c-13e", ANA, true),
        new Event.PasscodeChanged(13, "c-13f", ANA, "hash-of-it"),
        new Event.PasscodeChanged(13, "c-13g", ANA, null),
        new Event.ParticipantRemoved(13, "c-13h", ANA, BO),
        new Event.CanvasPrivacyChanged(13, "c-13i", ANA, "main", true, false, List.of()),
        new Event.AgendaSet(14, "c-14", ANA, List.of(STEP, WALK)),
        new Event.ProgressChanged(
            15, "c-15", ANA, new Progress("s-2", 20L, 10L, true, Pillar.RESOURCES)),
        new Event.TimerChanged(16, "c-16", ANA, new Timer(Timer.Status.RUNNING, 600, 99L, null)),
        new Event.TimerChanged(17, "c-17", ANA, new Timer(Timer.Status.PAUSED, 600, null, 120L)),
        new Event.RoundTableChanged(18, "c-18", ANA, RUNNING_ROUND),
        new Event.RoundTableChanged(19, "c-19", BO, PAUSED_ROUND),
        new Event.RoundTableChanged(20, "c-20", ANA, RoundTable.EMPTY),
        new Event.ContentImported(21, CONTENT),
        new Event.CanvasLocked(22, "c-22", ANA, "main", true),
        new Event.NoteUpdated(23, "c-23", ANA, "n-1", NotePatch.lock(false)),
        new Event.ClusterChanged(24, "c-24", ANA, CLUSTER),
        new Event.ClusterMoved(
            25,
            "c-25",
            ANA,
            "k-1",
            10,
            -2.5,
            List.of(new NotePosition("n-1", 8.5, -0.25), new NotePosition("n-2", 10, 0))),
        new Event.ClusterDissolved(26, "c-26", ANA, "k-1"),
        new Event.VoteOpened(27, "c-27a", ANA, OPEN_VOTE),
        new Event.DotCast(27, "c-27b", BO, "c-b", "v-2", "n-3", true),
        new Event.DotCast(27, "c-27c", BO, "c-b", "v-2", "n-3", false),
        new Event.VoteClosed(27, "c-27d", ANA, "main", "v-1", 20L, CLOSED_VOTE.results()),
        new Event.VoteCleared(27, "c-27e", ANA, "main", "v-1"));
  }

  /** The event records of the domain that {@link #all()} has no sample of. */
  public static Set<String> missingTypes() {
    Set<Class<?>> sampled = new HashSet<>();
    all().forEach(event -> sampled.add(event.getClass()));
    return Arrays.stream(Event.class.getPermittedSubclasses())
        .filter(type -> !sampled.contains(type))
        .map(Class::getSimpleName)
        .collect(Collectors.toSet());
  }
}
