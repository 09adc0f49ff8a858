package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A fact the server has committed to a workshop, with the revision that orders it (RV1). The same
 * event object goes to every socket of the workshop (RV2) and into the catch-up history.
 */
public sealed interface Event extends Serializable {
  long revision();

  /** Events caused by a participant's change carry its id; presence events carry none. */
  default String changeId() {
    return null;
  }

  record NoteCreated(long revision, String changeId, ParticipantId participantId, Note note)
      implements Event {}

  record NoteUpdated(
      long revision, String changeId, ParticipantId participantId, String noteId, NotePatch set)
      implements Event {}

  record NoteDeleted(long revision, String changeId, ParticipantId participantId, String noteId)
      implements Event {}

  /**
   * A first entry. It carries the whole participant, token hash included, because the journal
   * rebuilds identities from events after a restart; what goes to browsers is only its view.
   */
  record ParticipantJoined(long revision, Participant participant) implements Event {}

  record PresenceChanged(long revision, ParticipantId participantId, boolean online)
      implements Event {}

  record CanvasCreated(long revision, String changeId, ParticipantId participantId, Canvas canvas)
      implements Event {}

  record CanvasRenamed(
      long revision, String changeId, ParticipantId participantId, String canvasId, String name)
      implements Event {}

  record CanvasDeleted(long revision, String changeId, ParticipantId participantId, String canvasId)
      implements Event {}

  /** LK1: the canvas is read-only for the participants ({@code locked}) or writable again. */
  record CanvasLocked(
      long revision, String changeId, ParticipantId participantId, String canvasId, boolean locked)
      implements Event {}

  /** {@code member} joins the group of {@code canvasId} (or of none, when null). */
  record GroupAssigned(
      long revision,
      String changeId,
      ParticipantId participantId,
      ParticipantId member,
      String canvasId)
      implements Event {}

  /** The author's marker on a pillar; a null role means the marker was taken away. */
  record RoleSet(
      long revision, String changeId, ParticipantId participantId, Pillar pillar, String role)
      implements Event {}

  /** AT1: {@code member} takes part from a distance ({@code remote}) or in the room. */
  record AttendanceChanged(
      long revision,
      String changeId,
      ParticipantId participantId,
      ParticipantId member,
      boolean remote)
      implements Event {}

  /** RO1: {@code member}'s access; a null changeId when a facilitator key claimed it (HS7). */
  record AccessChanged(
      long revision,
      String changeId,
      ParticipantId participantId,
      ParticipantId member,
      Access access)
      implements Event {}

  /** RO3. */
  record WorkshopLocked(long revision, String changeId, ParticipantId participantId, boolean locked)
      implements Event {}

  /** RO4: only the hash is kept and journaled; clients learn whether one is required. */
  record PasscodeChanged(
      long revision, String changeId, ParticipantId participantId, String passcodeHash)
      implements Event {}

  /** RO5. */
  record ParticipantRemoved(
      long revision, String changeId, ParticipantId participantId, ParticipantId member)
      implements Event {}

  /**
   * PW1 PW2: a canvas enters private writing, or is revealed; a reveal carries the canvas's live
   * notes (the ones readers did not have), which the journal need not keep: they are in the state.
   */
  record CanvasPrivacyChanged(
      long revision,
      String changeId,
      ParticipantId participantId,
      String canvasId,
      boolean privateMode,
      boolean anonymous,
      List<Note> revealed)
      implements Event {
    public CanvasPrivacyChanged {
      revealed = List.copyOf(revealed);
    }
  }

  record AgendaSet(
      long revision, String changeId, ParticipantId participantId, List<AgendaStep> steps)
      implements Event {
    public AgendaSet {
      steps = List.copyOf(steps);
    }
  }

  record ProgressChanged(
      long revision, String changeId, ParticipantId participantId, Progress progress)
      implements Event {}

  record TimerChanged(long revision, String changeId, ParticipantId participantId, Timer timer)
      implements Event {}

  /** The whole round table after a change (RT): order, hands, the running turn, spoken turns. */
  record RoundTableChanged(
      long revision, String changeId, ParticipantId participantId, RoundTable roundTable)
      implements Event {}

  /** DV1: a vote opened on a canvas, with its ballot and no dot yet. */
  record VoteOpened(long revision, String changeId, ParticipantId participantId, Vote vote)
      implements Event {}

  /**
   * DV2: a dot placed ({@code placed}) or taken back by {@code participantId} on a note. In a
   * secret vote only the voter reads it (DV4).
   */
  record DotCast(
      long revision,
      String changeId,
      ParticipantId participantId,
      String canvasId,
      String voteId,
      String noteId,
      boolean placed)
      implements Event {}

  /** DV3: the vote closed; its ranked results go to everyone. */
  record VoteClosed(
      long revision,
      String changeId,
      ParticipantId participantId,
      String canvasId,
      String voteId,
      long closedAt,
      List<Vote.Result> results)
      implements Event {
    public VoteClosed {
      results = List.copyOf(results);
    }
  }

  /** DV3: the vote and its results taken off the canvas. */
  record VoteCleared(
      long revision, String changeId, ParticipantId participantId, String canvasId, String voteId)
      implements Event {}

  /**
   * CL1 to CL3: the whole cluster after a change. Its notes leave any other cluster, and a cluster
   * left without notes is gone.
   */
  record ClusterChanged(
      long revision, String changeId, ParticipantId participantId, Cluster cluster)
      implements Event {}

  /** CL3, CL4: the cluster is gone; its notes stay. */
  record ClusterDissolved(
      long revision, String changeId, ParticipantId participantId, String clusterId)
      implements Event {}

  /** CL5: the cluster moved by (dx, dy); {@code positions} are where its notes now are. */
  record ClusterMoved(
      long revision,
      String changeId,
      ParticipantId participantId,
      String clusterId,
      double dx,
      double dy,
      List<NotePosition> positions)
      implements Event {
    public ClusterMoved {
      positions = List.copyOf(positions);
    }
  }

  /**
   * The whole content of an exported workshop, put into a new one (EX2). It is one event so that
   * the journal rebuilds the copy like any other workshop.
   */
  record ContentImported(long revision, WorkshopContent content) implements Event {}
}
