package io.atelier.protocol;

import io.atelier.domain.AgendaStep;
import io.atelier.domain.CatchUp;
import io.atelier.domain.Event;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Membership;
import io.atelier.domain.Outcome;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Visibility;
import io.atelier.protocol.WireFacilitation.WireCanvas;
import io.atelier.protocol.WireFacilitation.WireCluster;
import io.atelier.protocol.WireFacilitation.WirePosition;
import io.atelier.protocol.WireFacilitation.WireProgress;
import io.atelier.protocol.WireFacilitation.WireRole;
import io.atelier.protocol.WireFacilitation.WireRoundTable;
import io.atelier.protocol.WireFacilitation.WireStep;
import io.atelier.protocol.WireFacilitation.WireTimer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** From domain facts to server messages: the one place that knows both shapes. */
public final class WireMapping {
  private WireMapping() {}

  /**
   * The event as {@code reader} may read it (PW1, PW2): as it is, or for anyone but the note's
   * author a {@code hidden} placeholder (private writing) or the event without its authors.
   */
  public static ServerMessage.RevisionedMessage toMessage(
      Event event, Visibility visibility, ParticipantId reader) {
    return visibility.readableBy(reader) ? toMessage(event) : forOthers(event, visibility);
  }

  /** What every reader but the note's author gets (PW1, PW2); the same for all of them. */
  public static ServerMessage.RevisionedMessage forOthers(Event event, Visibility visibility) {
    if (visibility.kind() == Visibility.Kind.HIDDEN) {
      return new ServerMessage.Hidden(event.revision(), visibility.canvasId(), visibility.change());
    }
    if (visibility.kind() == Visibility.Kind.PUBLIC) {
      return toMessage(event);
    }
    if (event instanceof Event.NoteCreated e) {
      return new ServerMessage.NoteCreated(
          e.revision(), e.changeId(), null, WireNote.of(e.note().withoutAuthor()));
    }
    if (event instanceof Event.NoteUpdated e) {
      return new ServerMessage.NoteUpdated(
          e.revision(), e.changeId(), null, e.noteId(), NoteProperties.of(e.set()));
    }
    Event.NoteDeleted e = (Event.NoteDeleted) event;
    return new ServerMessage.NoteDeleted(e.revision(), e.changeId(), null, e.noteId());
  }

  public static ServerMessage.RevisionedMessage toMessage(Event event) {
    if (event instanceof Event.NoteCreated e) {
      return new ServerMessage.NoteCreated(
          e.revision(), e.changeId(), e.participantId().value(), WireNote.of(e.note()));
    }
    if (event instanceof Event.NoteUpdated e) {
      return new ServerMessage.NoteUpdated(
          e.revision(),
          e.changeId(),
          e.participantId().value(),
          e.noteId(),
          NoteProperties.of(e.set()));
    }
    if (event instanceof Event.NoteDeleted e) {
      return new ServerMessage.NoteDeleted(
          e.revision(), e.changeId(), e.participantId().value(), e.noteId());
    }
    if (event instanceof Event.ParticipantJoined e) {
      return new ServerMessage.ParticipantJoined(
          e.revision(), WireParticipant.of(e.participant().view(true)));
    }
    if (event instanceof Event.PresenceChanged e) {
      return new ServerMessage.PresenceChanged(e.revision(), e.participantId().value(), e.online());
    }
    return facilitationMessage(event);
  }

  private static ServerMessage.RevisionedMessage facilitationMessage(Event event) {
    long revision = event.revision();
    String changeId = event.changeId();
    if (event instanceof Event.CanvasCreated e) {
      return new ServerMessage.CanvasCreated(
          revision, changeId, author(e.participantId()), WireCanvas.of(e.canvas()));
    }
    if (event instanceof Event.CanvasRenamed e) {
      return new ServerMessage.CanvasRenamed(
          revision, changeId, author(e.participantId()), e.canvasId(), e.name());
    }
    if (event instanceof Event.CanvasDeleted e) {
      return new ServerMessage.CanvasDeleted(
          revision, changeId, author(e.participantId()), e.canvasId());
    }
    if (event instanceof Event.CanvasLocked e) {
      return new ServerMessage.CanvasLocked(
          revision, changeId, author(e.participantId()), e.canvasId(), e.locked());
    }
    if (event instanceof Event.ClusterChanged e) {
      return new ServerMessage.ClusterChanged(
          revision, changeId, author(e.participantId()), WireCluster.of(e.cluster()));
    }
    if (event instanceof Event.ClusterDissolved e) {
      return new ServerMessage.ClusterDissolved(
          revision, changeId, author(e.participantId()), e.clusterId());
    }
    if (event instanceof Event.ClusterMoved e) {
      return new ServerMessage.ClusterMoved(
          revision,
          changeId,
          author(e.participantId()),
          e.clusterId(),
          e.dx(),
          e.dy(),
          e.positions().stream().map(WirePosition::of).toList());
    }
    if (event instanceof Event.GroupAssigned e) {
      return new ServerMessage.GroupAssigned(
          revision, changeId, author(e.participantId()), e.member().value(), e.canvasId());
    }
    if (event instanceof Event.RoleSet e) {
      return new ServerMessage.RoleSet(
          revision, changeId, author(e.participantId()), e.pillar().code(), e.role());
    }
    if (event instanceof Event.AttendanceChanged e) {
      return new ServerMessage.AttendanceChanged(
          revision, changeId, author(e.participantId()), e.member().value(), e.remote());
    }
    if (event instanceof Event.AccessChanged e) {
      return new ServerMessage.AccessChanged(
          revision, changeId, author(e.participantId()), e.member().value(), e.access().code());
    }
    if (event instanceof Event.WorkshopLocked e) {
      return new ServerMessage.WorkshopLocked(
          revision, changeId, author(e.participantId()), e.locked());
    }
    if (event instanceof Event.PasscodeChanged e) {
      return new ServerMessage.PasscodeChanged(
          revision, changeId, author(e.participantId()), e.passcodeHash() != null);
    }
    if (event instanceof Event.ParticipantRemoved e) {
      return new ServerMessage.ParticipantRemoved(
          revision, changeId, author(e.participantId()), e.member().value());
    }
    if (event instanceof Event.CanvasPrivacyChanged e) {
      List<WireNote> revealed =
          e.revealed().stream()
              .map(note -> WireNote.of(e.anonymous() ? note.withoutAuthor() : note))
              .toList();
      return new ServerMessage.CanvasPrivacyChanged(
          revision,
          changeId,
          author(e.participantId()),
          e.canvasId(),
          e.privateMode(),
          e.anonymous(),
          revealed);
    }
    if (event instanceof Event.AgendaSet e) {
      return new ServerMessage.AgendaSet(
          revision, changeId, author(e.participantId()), steps(e.steps()));
    }
    if (event instanceof Event.ProgressChanged e) {
      return new ServerMessage.ProgressChanged(
          revision, changeId, author(e.participantId()), WireProgress.of(e.progress()));
    }
    if (event instanceof Event.TimerChanged e) {
      return new ServerMessage.TimerChanged(
          revision, changeId, author(e.participantId()), WireTimer.of(e.timer()));
    }
    if (event instanceof Event.RoundTableChanged e) {
      return new ServerMessage.RoundTableChanged(
          revision, changeId, author(e.participantId()), WireRoundTable.of(e.roundTable()));
    }
    if (event instanceof Event.VoteOpened
        || event instanceof Event.DotCast
        || event instanceof Event.VoteClosed
        || event instanceof Event.VoteCleared) {
      return voteMessage(event);
    }
    // An import fills a workshop nobody has joined yet; later comers get a snapshot (HS5).
    throw new IllegalArgumentException("not sent to clients: " + event.getClass().getSimpleName());
  }

  public static ServerMessage.Snapshot toMessage(CatchUp.Snapshot snapshot) {
    FacilitationState facilitation = snapshot.facilitation();
    Map<String, String> groups = new TreeMap<>();
    facilitation.groups().forEach((member, canvas) -> groups.put(member.value(), canvas));
    return new ServerMessage.Snapshot(
        snapshot.revision(),
        snapshot.notes().stream().map(WireNote::of).toList(),
        snapshot.participants().stream().map(WireParticipant::of).toList(),
        facilitation.canvases().stream().map(WireCanvas::of).toList(),
        groups,
        facilitation.roles().stream().map(WireRole::of).toList(),
        steps(facilitation.agenda()),
        WireProgress.of(facilitation.progress()),
        WireTimer.of(facilitation.timer()),
        WireRoundTable.of(facilitation.roundTable()),
        facilitation.remote().stream().map(ParticipantId::value).toList(),
        access(facilitation.membership()),
        facilitation.membership().locked(),
        facilitation.membership().passcodeRequired(),
        facilitation.privacy().privateCanvases(),
        facilitation.privacy().anonymousCanvases(),
        snapshot.hiddenNotes(),
        facilitation.clusters().stream().map(WireCluster::of).toList(),
        facilitation.votes().stream().map(WireVote::of).toList());
  }

  /** DV1 to DV3; a secret vote's dots reach others as {@code hidden} (see forOthers). */
  private static ServerMessage.RevisionedMessage voteMessage(Event event) {
    long revision = event.revision();
    String changeId = event.changeId();
    if (event instanceof Event.VoteOpened e) {
      return new ServerMessage.VoteOpened(
          revision, changeId, author(e.participantId()), WireVote.of(e.vote()));
    }
    if (event instanceof Event.DotCast e) {
      String voter = author(e.participantId());
      return e.placed()
          ? new ServerMessage.DotPlaced(
              revision, changeId, voter, e.canvasId(), e.voteId(), e.noteId())
          : new ServerMessage.DotRemoved(
              revision, changeId, voter, e.canvasId(), e.voteId(), e.noteId());
    }
    if (event instanceof Event.VoteClosed e) {
      return new ServerMessage.VoteClosed(
          revision,
          changeId,
          author(e.participantId()),
          e.canvasId(),
          e.voteId(),
          e.closedAt(),
          WireVote.results(e.results()));
    }
    Event.VoteCleared e = (Event.VoteCleared) event;
    return new ServerMessage.VoteCleared(
        revision, changeId, author(e.participantId()), e.canvasId(), e.voteId());
  }

  /** RO1: who has which access, sorted so that two snapshots of one state read the same. */
  private static Map<String, String> access(Membership membership) {
    Map<String, String> access = new TreeMap<>();
    membership.access().forEach((id, granted) -> access.put(id.value(), granted.code()));
    return access;
  }

  private static List<WireStep> steps(List<AgendaStep> steps) {
    return steps.stream().map(WireStep::of).toList();
  }

  private static String author(ParticipantId id) {
    return id == null ? null : id.value();
  }

  /** The answer to the author of a change (CH1 to CH3). */
  public static ServerMessage toReply(Outcome outcome) {
    if (outcome instanceof Outcome.Applied applied) {
      return new ServerMessage.Ack(applied.changeId(), applied.event().revision(), false);
    }
    if (outcome instanceof Outcome.Duplicate duplicate) {
      return new ServerMessage.Ack(duplicate.changeId(), duplicate.revision(), true);
    }
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    return new ServerMessage.Error(rejected.code().code(), rejected.message(), rejected.changeId());
  }
}
