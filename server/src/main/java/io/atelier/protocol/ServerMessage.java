package io.atelier.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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

/** Every message the server sends (docs/protocol.md, "Messages"). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
  @JsonSubTypes.Type(value = ServerMessage.Snapshot.class, name = "snapshot"),
  @JsonSubTypes.Type(value = ServerMessage.Synced.class, name = "synced"),
  @JsonSubTypes.Type(value = ServerMessage.NoteCreated.class, name = "note_created"),
  @JsonSubTypes.Type(value = ServerMessage.NoteUpdated.class, name = "note_updated"),
  @JsonSubTypes.Type(value = ServerMessage.NoteDeleted.class, name = "note_deleted"),
  @JsonSubTypes.Type(value = ServerMessage.ParticipantJoined.class, name = "participant_joined"),
  @JsonSubTypes.Type(value = ServerMessage.PresenceChanged.class, name = "presence_changed"),
  @JsonSubTypes.Type(value = ServerMessage.CanvasCreated.class, name = "canvas_created"),
  @JsonSubTypes.Type(value = ServerMessage.CanvasRenamed.class, name = "canvas_renamed"),
  @JsonSubTypes.Type(value = ServerMessage.CanvasDeleted.class, name = "canvas_deleted"),
  @JsonSubTypes.Type(value = ServerMessage.GroupAssigned.class, name = "group_assigned"),
  @JsonSubTypes.Type(value = ServerMessage.RoleSet.class, name = "role_set"),
  @JsonSubTypes.Type(value = ServerMessage.AttendanceChanged.class, name = "attendance_changed"),
  @JsonSubTypes.Type(value = ServerMessage.AccessChanged.class, name = "access_changed"),
  @JsonSubTypes.Type(
      value = ServerMessage.CanvasPrivacyChanged.class,
      name = "canvas_privacy_changed"),
  @JsonSubTypes.Type(value = ServerMessage.Hidden.class, name = "hidden"),
  @JsonSubTypes.Type(value = ServerMessage.WorkshopLocked.class, name = "workshop_locked"),
  @JsonSubTypes.Type(value = ServerMessage.PasscodeChanged.class, name = "passcode_changed"),
  @JsonSubTypes.Type(value = ServerMessage.ParticipantRemoved.class, name = "participant_removed"),
  @JsonSubTypes.Type(value = ServerMessage.AgendaSet.class, name = "agenda_set"),
  @JsonSubTypes.Type(value = ServerMessage.ProgressChanged.class, name = "progress_changed"),
  @JsonSubTypes.Type(value = ServerMessage.TimerChanged.class, name = "timer_changed"),
  @JsonSubTypes.Type(value = ServerMessage.RoundTableChanged.class, name = "round_table_changed"),
  @JsonSubTypes.Type(value = ServerMessage.CanvasLocked.class, name = "canvas_locked"),
  @JsonSubTypes.Type(value = ServerMessage.ClusterChanged.class, name = "cluster_changed"),
  @JsonSubTypes.Type(value = ServerMessage.ClusterDissolved.class, name = "cluster_dissolved"),
  @JsonSubTypes.Type(value = ServerMessage.ClusterMoved.class, name = "cluster_moved"),
  @JsonSubTypes.Type(value = ServerMessage.VoteOpened.class, name = "vote_opened"),
  @JsonSubTypes.Type(value = ServerMessage.DotPlaced.class, name = "dot_placed"),
  @JsonSubTypes.Type(value = ServerMessage.DotRemoved.class, name = "dot_removed"),
  @JsonSubTypes.Type(value = ServerMessage.VoteClosed.class, name = "vote_closed"),
  @JsonSubTypes.Type(value = ServerMessage.VoteCleared.class, name = "vote_cleared"),
  @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = "ack"),
  @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
  @JsonSubTypes.Type(value = ServerMessage.CursorMoved.class, name = "cursor_moved"),
  @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
  @JsonSubTypes.Type(value = ServerMessage.Summoned.class, name = "summoned"),
  @JsonSubTypes.Type(value = ServerMessage.FacilitatorView.class, name = "facilitator_view")
})
public sealed interface ServerMessage {

  /** A message carrying a revision (RV1). */
  sealed interface RevisionedMessage extends ServerMessage {
    long revision();
  }

  record WorkshopInfo(String id, String title, String language) {}

  /**
   * HS4, HS7, HS8. An observer's welcome has {@code participant} and {@code token} null, {@code
   * facilitator} false and {@code observer} true.
   */
  record Welcome(
      int protocol,
      WorkshopInfo workshop,
      WireParticipant participant,
      String token,
      long revision,
      boolean facilitator,
      boolean observer)
      implements ServerMessage {
    /** A welcome for a participant who does not facilitate (HS7). */
    public Welcome(
        int protocol,
        WorkshopInfo workshop,
        WireParticipant participant,
        String token,
        long revision) {
      this(protocol, workshop, participant, token, revision, false);
    }

    /** A welcome for a participant (HS4, HS7). */
    public Welcome(
        int protocol,
        WorkshopInfo workshop,
        WireParticipant participant,
        String token,
        long revision,
        boolean facilitator) {
      this(protocol, workshop, participant, token, revision, facilitator, false);
    }

    /** A welcome for an observer (HS8): nobody, read-only. */
    public static Welcome observer(WorkshopInfo workshop, long revision) {
      return new Welcome(
          ProtocolCodec.PROTOCOL_VERSION, workshop, null, null, revision, false, true);
    }
  }

  record Snapshot(
      long revision,
      List<WireNote> notes,
      List<WireParticipant> participants,
      List<WireCanvas> canvases,
      Map<String, String> groups,
      List<WireRole> roles,
      List<WireStep> agenda,
      WireProgress progress,
      WireTimer timer,
      WireRoundTable roundTable,
      List<String> remote,
      Map<String, String> access,
      boolean locked,
      boolean passcodeRequired,
      List<String> privateCanvases,
      List<String> anonymousCanvases,
      Map<String, Integer> hiddenNotes,
      List<WireCluster> clusters,
      List<WireVote> votes)
      implements ServerMessage {}

  record Synced(long revision) implements ServerMessage {}

  record NoteCreated(long revision, String changeId, String participantId, WireNote note)
      implements RevisionedMessage {}

  record NoteUpdated(
      long revision, String changeId, String participantId, String noteId, NoteProperties set)
      implements RevisionedMessage {}

  record NoteDeleted(long revision, String changeId, String participantId, String noteId)
      implements RevisionedMessage {}

  record ParticipantJoined(long revision, WireParticipant participant)
      implements RevisionedMessage {}

  record PresenceChanged(long revision, String participantId, boolean online)
      implements RevisionedMessage {}

  record CanvasCreated(long revision, String changeId, String participantId, WireCanvas canvas)
      implements RevisionedMessage {}

  record CanvasRenamed(
      long revision, String changeId, String participantId, String canvasId, String name)
      implements RevisionedMessage {}

  record CanvasDeleted(long revision, String changeId, String participantId, String canvasId)
      implements RevisionedMessage {}

  record GroupAssigned(
      long revision, String changeId, String participantId, String member, String canvasId)
      implements RevisionedMessage {}

  record RoleSet(long revision, String changeId, String participantId, String pillar, String role)
      implements RevisionedMessage {}

  record AttendanceChanged(
      long revision, String changeId, String participantId, String member, boolean remote)
      implements RevisionedMessage {}

  record AccessChanged(
      long revision, String changeId, String participantId, String member, String access)
      implements RevisionedMessage {}

  record WorkshopLocked(long revision, String changeId, String participantId, boolean locked)
      implements RevisionedMessage {}

  /** RO4: whether newcomers need a passcode; the passcode and its hash never leave the server. */
  record PasscodeChanged(long revision, String changeId, String participantId, boolean required)
      implements RevisionedMessage {}

  record ParticipantRemoved(long revision, String changeId, String participantId, String member)
      implements RevisionedMessage {}

  /** PW1 PW2: private writing on or off; a reveal brings the canvas's notes. */
  record CanvasPrivacyChanged(
      long revision,
      String changeId,
      String participantId,
      String canvasId,
      @JsonProperty("private") boolean privateMode,
      boolean anonymous,
      List<WireNote> notes)
      implements RevisionedMessage {}

  /**
   * PW1: a revision whose event this reader may not read (another person's note on a canvas in
   * private writing): its canvas and what happened (created, updated, deleted), no content.
   */
  record Hidden(long revision, String canvasId, String change) implements RevisionedMessage {}

  record AgendaSet(long revision, String changeId, String participantId, List<WireStep> steps)
      implements RevisionedMessage {}

  record ProgressChanged(
      long revision, String changeId, String participantId, WireProgress progress)
      implements RevisionedMessage {}

  record TimerChanged(long revision, String changeId, String participantId, WireTimer timer)
      implements RevisionedMessage {}

  record RoundTableChanged(
      long revision, String changeId, String participantId, WireRoundTable roundTable)
      implements RevisionedMessage {}

  /** LK1. */
  record CanvasLocked(
      long revision, String changeId, String participantId, String canvasId, boolean locked)
      implements RevisionedMessage {}

  /** CL1 to CL3: the whole cluster after the change. */
  record ClusterChanged(long revision, String changeId, String participantId, WireCluster cluster)
      implements RevisionedMessage {}

  /** CL3, CL4. */
  record ClusterDissolved(long revision, String changeId, String participantId, String clusterId)
      implements RevisionedMessage {}

  /** CL5: the offset asked for, and where each note of the cluster now is. */
  record ClusterMoved(
      long revision,
      String changeId,
      String participantId,
      String clusterId,
      double dx,
      double dy,
      List<WirePosition> positions)
      implements RevisionedMessage {}

  // DV1 to DV4: dot voting. A dot of a secret vote reaches others as hidden {change: "vote"}.

  record VoteOpened(long revision, String changeId, String participantId, WireVote vote)
      implements RevisionedMessage {}

  record DotPlaced(
      long revision,
      String changeId,
      String participantId,
      String canvasId,
      String voteId,
      String noteId)
      implements RevisionedMessage {}

  record DotRemoved(
      long revision,
      String changeId,
      String participantId,
      String canvasId,
      String voteId,
      String noteId)
      implements RevisionedMessage {}

  record VoteClosed(
      long revision,
      String changeId,
      String participantId,
      String canvasId,
      String voteId,
      long closedAt,
      List<WireVote.WireResult> results)
      implements RevisionedMessage {}

  record VoteCleared(
      long revision, String changeId, String participantId, String canvasId, String voteId)
      implements RevisionedMessage {}

  record Ack(String changeId, long revision, boolean duplicate) implements ServerMessage {}

  /** {@code retryAfterMs}: only with {@code rate_limited} (LM1), left out of the JSON otherwise. */
  record Error(
      String code,
      String message,
      String changeId,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfterMs)
      implements ServerMessage {
    public Error(String code, String message, String changeId) {
      this(code, message, changeId, null);
    }
  }

  record CursorMoved(
      String participantId, String canvasId, double x, double y, String editingNoteId)
      implements ServerMessage {}

  record Pong(long clientTime, long serverTime) implements ServerMessage {}

  /** FS1: a facilitator brings this screen to its canvas and view. Volatile. */
  record Summoned(String participantId, String canvasId, WireView view) implements ServerMessage {}

  /** FS2: where a facilitator's screen is now; followers show it. Volatile. */
  record FacilitatorView(String participantId, String canvasId, WireView view)
      implements ServerMessage {}
}
