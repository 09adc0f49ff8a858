package io.atelier.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.atelier.domain.Access;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Change;
import io.atelier.domain.Checks;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.NoteColor;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Secrets;
import io.atelier.domain.SharedView;
import java.util.ArrayList;
import java.util.List;

/** Every message a browser may send (docs/protocol.md, "Messages"). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = ClientMessage.CreateNote.class, name = "create_note"),
  @JsonSubTypes.Type(value = ClientMessage.UpdateNote.class, name = "update_note"),
  @JsonSubTypes.Type(value = ClientMessage.DeleteNote.class, name = "delete_note"),
  @JsonSubTypes.Type(value = ClientMessage.BringNoteToFront.class, name = "bring_note_to_front"),
  @JsonSubTypes.Type(value = ClientMessage.CreateCanvas.class, name = "create_canvas"),
  @JsonSubTypes.Type(value = ClientMessage.RenameCanvas.class, name = "rename_canvas"),
  @JsonSubTypes.Type(value = ClientMessage.DeleteCanvas.class, name = "delete_canvas"),
  @JsonSubTypes.Type(value = ClientMessage.AssignGroup.class, name = "assign_group"),
  @JsonSubTypes.Type(value = ClientMessage.SetRole.class, name = "set_role"),
  @JsonSubTypes.Type(value = ClientMessage.SetAttendance.class, name = "set_attendance"),
  @JsonSubTypes.Type(value = ClientMessage.SetAccess.class, name = "set_access"),
  @JsonSubTypes.Type(value = ClientMessage.SetCanvasPrivacy.class, name = "set_canvas_privacy"),
  @JsonSubTypes.Type(value = ClientMessage.LockWorkshop.class, name = "lock_workshop"),
  @JsonSubTypes.Type(value = ClientMessage.SetPasscode.class, name = "set_passcode"),
  @JsonSubTypes.Type(value = ClientMessage.RemoveParticipant.class, name = "remove_participant"),
  @JsonSubTypes.Type(value = ClientMessage.SetAgenda.class, name = "set_agenda"),
  @JsonSubTypes.Type(value = ClientMessage.GoToStep.class, name = "go_to_step"),
  @JsonSubTypes.Type(value = ClientMessage.SetRoaming.class, name = "set_roaming"),
  @JsonSubTypes.Type(value = ClientMessage.FocusPillar.class, name = "focus_pillar"),
  @JsonSubTypes.Type(value = ClientMessage.CommandTimer.class, name = "command_timer"),
  @JsonSubTypes.Type(value = ClientMessage.SetSpeakingOrder.class, name = "set_speaking_order"),
  @JsonSubTypes.Type(value = ClientMessage.RaiseHand.class, name = "raise_hand"),
  @JsonSubTypes.Type(value = ClientMessage.LowerHand.class, name = "lower_hand"),
  @JsonSubTypes.Type(value = ClientMessage.AnswerHand.class, name = "answer_hand"),
  @JsonSubTypes.Type(value = ClientMessage.ConfigureRound.class, name = "configure_round"),
  @JsonSubTypes.Type(value = ClientMessage.StartRound.class, name = "start_round"),
  @JsonSubTypes.Type(value = ClientMessage.NextTurn.class, name = "next_turn"),
  @JsonSubTypes.Type(value = ClientMessage.PreviousTurn.class, name = "previous_turn"),
  @JsonSubTypes.Type(value = ClientMessage.PassTurn.class, name = "pass_turn"),
  @JsonSubTypes.Type(value = ClientMessage.EndTurn.class, name = "end_turn"),
  @JsonSubTypes.Type(value = ClientMessage.PauseRound.class, name = "pause_round"),
  @JsonSubTypes.Type(value = ClientMessage.ResumeRound.class, name = "resume_round"),
  @JsonSubTypes.Type(value = ClientMessage.AddTurnTime.class, name = "add_turn_time"),
  @JsonSubTypes.Type(value = ClientMessage.EndRound.class, name = "end_round"),
  @JsonSubTypes.Type(value = ClientMessage.OpenVote.class, name = "open_vote"),
  @JsonSubTypes.Type(value = ClientMessage.CloseVote.class, name = "close_vote"),
  @JsonSubTypes.Type(value = ClientMessage.ClearVote.class, name = "clear_vote"),
  @JsonSubTypes.Type(value = ClientMessage.PlaceDot.class, name = "place_dot"),
  @JsonSubTypes.Type(value = ClientMessage.RemoveDot.class, name = "remove_dot"),
  @JsonSubTypes.Type(value = ClientMessage.LockCanvas.class, name = "lock_canvas"),
  @JsonSubTypes.Type(value = ClientMessage.LockNote.class, name = "lock_note"),
  @JsonSubTypes.Type(value = ClientMessage.CreateCluster.class, name = "create_cluster"),
  @JsonSubTypes.Type(value = ClientMessage.RenameCluster.class, name = "rename_cluster"),
  @JsonSubTypes.Type(value = ClientMessage.AddToCluster.class, name = "add_to_cluster"),
  @JsonSubTypes.Type(value = ClientMessage.RemoveFromCluster.class, name = "remove_from_cluster"),
  @JsonSubTypes.Type(value = ClientMessage.DissolveCluster.class, name = "dissolve_cluster"),
  @JsonSubTypes.Type(value = ClientMessage.MoveCluster.class, name = "move_cluster"),
  @JsonSubTypes.Type(value = ClientMessage.Sync.class, name = "sync"),
  @JsonSubTypes.Type(value = ClientMessage.MoveCursor.class, name = "move_cursor"),
  @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
  @JsonSubTypes.Type(value = ClientMessage.Summon.class, name = "summon"),
  @JsonSubTypes.Type(value = ClientMessage.ShareView.class, name = "share_view")
})
public sealed interface ClientMessage {

  /** Checks what the record's types cannot say; the codec calls it on every decoded message. */
  default void validate() {}

  /** A message that changes shared state. */
  sealed interface ChangeMessage extends ClientMessage {
    Change toChange();

    @Override
    default void validate() {
      toChange();
    }
  }

  /**
   * HS1 to HS5, HS7 and HS8. {@code observe: true} joins read-only, as nobody (the projector): such
   * a hello carries no displayName; its token, facilitatorKey and passcode are only credentials
   * that let it past a lock or a passcode (HS9). {@code observe} left out or null is false, so
   * clients from before HS8 keep working.
   */
  record Hello(
      Integer protocol,
      String workshopId,
      String token,
      String displayName,
      Long lastRevision,
      String facilitatorKey,
      Boolean observe,
      String passcode)
      implements ClientMessage {
    /** A participant's or an observer's hello without a passcode (RO4). */
    public Hello(
        Integer protocol,
        String workshopId,
        String token,
        String displayName,
        Long lastRevision,
        String facilitatorKey,
        Boolean observe) {
      this(protocol, workshopId, token, displayName, lastRevision, facilitatorKey, observe, null);
    }

    /** A hello that does not claim to facilitate (HS7). */
    public Hello(
        Integer protocol, String workshopId, String token, String displayName, Long lastRevision) {
      this(protocol, workshopId, token, displayName, lastRevision, null);
    }

    /** A participant's hello (HS4, HS7). */
    public Hello(
        Integer protocol,
        String workshopId,
        String token,
        String displayName,
        Long lastRevision,
        String facilitatorKey) {
      this(protocol, workshopId, token, displayName, lastRevision, facilitatorKey, false);
    }

    /** An observer's hello (HS8). */
    public static Hello observer(String workshopId, Long lastRevision) {
      return new Hello(
          ProtocolCodec.PROTOCOL_VERSION, workshopId, null, null, lastRevision, null, true);
    }

    /** Secrets stay out of logs and error messages (issue 7): the key and passcode are masked. */
    @Override
    public String toString() {
      return "Hello[workshopId="
          + workshopId
          + ", token="
          + (token == null ? "none" : "***")
          + ", displayName="
          + displayName
          + ", lastRevision="
          + lastRevision
          + ", facilitatorKey="
          + (facilitatorKey == null ? "none" : "***")
          + ", observe="
          + observe
          + ", passcode="
          + (passcode == null ? "none" : "***")
          + "]";
    }

    /** Whether this hello joins read-only (HS8). */
    public boolean observing() {
      return Boolean.TRUE.equals(observe);
    }

    @Override
    public void validate() {
      require(protocol, "protocol");
      Checks.identifier(workshopId, "workshopId");
      if (lastRevision != null && lastRevision < 0) {
        throw new InvalidValueException("lastRevision may not be negative");
      }
      Secrets.bounded(token, "token");
      Secrets.bounded(facilitatorKey, "facilitatorKey");
      Secrets.bounded(passcode, "passcode");
      if (displayName != null) {
        Checks.label(displayName, Checks.MAX_NAME, "displayName"); // read or not, it is bounded
      }
      if (observing()) {
        if (displayName != null) {
          throw new InvalidValueException("an observer (observe: true) has no displayName");
        }
      } else if (token == null) {
        Checks.label(displayName, Checks.MAX_NAME, "displayName");
      }
    }
  }

  record CreateNote(
      String changeId,
      String noteId,
      String canvasId,
      Double x,
      Double y,
      Double width,
      Double height,
      String text,
      String color)
      implements ChangeMessage {
    /** A note on the workshop's first canvas: {@code canvasId} may be left out (NT7). */
    public CreateNote(
        String changeId,
        String noteId,
        Double x,
        Double y,
        Double width,
        Double height,
        String text,
        String color) {
      this(changeId, noteId, null, x, y, width, height, text, color);
    }

    @Override
    public Change toChange() {
      return new Change.CreateNote(
          changeId,
          noteId,
          canvasId == null ? Canvas.FIRST_ID : canvasId, // NT7
          require(x, "x"),
          require(y, "y"),
          require(width, "width"),
          require(height, "height"),
          require(text, "text"),
          NoteColor.fromCode(color));
    }
  }

  record UpdateNote(String changeId, String noteId, NoteProperties set) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.UpdateNote(changeId, noteId, require(set, "set").toPatch());
    }
  }

  record DeleteNote(String changeId, String noteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.DeleteNote(changeId, noteId);
    }
  }

  record BringNoteToFront(String changeId, String noteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.BringNoteToFront(changeId, noteId);
    }
  }

  record CreateCanvas(String changeId, String canvasId, String template, String name)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CreateCanvas(changeId, canvasId, require(template, "template"), name);
    }
  }

  record RenameCanvas(String changeId, String canvasId, String name) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.RenameCanvas(changeId, canvasId, name);
    }
  }

  record DeleteCanvas(String changeId, String canvasId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.DeleteCanvas(changeId, canvasId);
    }
  }

  record AssignGroup(String changeId, String participantId, String canvasId)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.AssignGroup(
          changeId, new ParticipantId(Checks.identifier(participantId, "participantId")), canvasId);
    }
  }

  record SetRole(String changeId, String pillar, String role) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.SetRole(changeId, Pillar.fromCode(require(pillar, "pillar")), role);
    }
  }

  record SetAttendance(String changeId, String participantId, Boolean remote)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.SetAttendance(
          changeId,
          new ParticipantId(Checks.identifier(participantId, "participantId")),
          require(remote, "remote"));
    }
  }

  record SetAccess(String changeId, String participantId, String access) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.SetAccess(
          changeId,
          new ParticipantId(Checks.identifier(participantId, "participantId")),
          Access.fromCode(require(access, "access")));
    }
  }

  record SetCanvasPrivacy(
      String changeId,
      String canvasId,
      @JsonProperty("private") Boolean privateMode,
      Boolean anonymous)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.SetCanvasPrivacy(
          changeId, canvasId, require(privateMode, "private"), anonymous != null && anonymous);
    }
  }

  record LockWorkshop(String changeId, Boolean locked) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.LockWorkshop(changeId, require(locked, "locked"));
    }
  }

  /** RO4: the passcode in clear, from the facilitator's socket only; never logged. */
  record SetPasscode(String changeId, String passcode) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.SetPasscode(changeId, passcode);
    }

    @Override
    public String toString() {
      return "SetPasscode[changeId="
          + changeId
          + ", passcode="
          + (passcode == null ? "none" : "***")
          + "]";
    }
  }

  record RemoveParticipant(String changeId, String participantId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.RemoveParticipant(
          changeId, new ParticipantId(Checks.identifier(participantId, "participantId")));
    }
  }

  record SetAgenda(String changeId, List<WireFacilitation.WireStep> steps)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      List<AgendaStep> agenda = new ArrayList<>();
      for (WireFacilitation.WireStep step : require(steps, "steps")) {
        try {
          agenda.add(require(step, "step").toStep());
        } catch (InvalidValueException e) {
          // ER1: the message names the step as well as its field.
          throw new InvalidValueException("steps[" + agenda.size() + "]: " + e.getMessage());
        }
      }
      return new Change.SetAgenda(changeId, agenda);
    }
  }

  record GoToStep(String changeId, String stepId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.GoToStep(changeId, stepId);
    }
  }

  record SetRoaming(String changeId, Boolean roaming) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.SetRoaming(changeId, require(roaming, "roaming"));
    }
  }

  record FocusPillar(String changeId, String pillar) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.FocusPillar(changeId, pillar == null ? null : Pillar.fromCode(pillar));
    }
  }

  record CommandTimer(String changeId, String action, Long seconds) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandTimer(
          changeId, Change.TimerAction.fromCode(require(action, "action")), seconds);
    }
  }

  /** RT1. */
  record SetSpeakingOrder(String changeId, List<String> participantIds) implements ChangeMessage {
    @Override
    public Change toChange() {
      List<ParticipantId> ids = new ArrayList<>();
      for (String id : require(participantIds, "participantIds")) {
        ids.add(new ParticipantId(Checks.identifier(id, "participantIds")));
      }
      return new Change.SetSpeakingOrder(changeId, ids);
    }
  }

  /** RT2. */
  record RaiseHand(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.RaiseHand(changeId);
    }
  }

  /** RT2. */
  record LowerHand(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.LowerHand(changeId);
    }
  }

  /** RT2. */
  record AnswerHand(String changeId, String participantId, Boolean accept)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.AnswerHand(
          changeId,
          new ParticipantId(Checks.identifier(participantId, "participantId")),
          require(accept, "accept"));
    }
  }

  /** RT3. */
  record ConfigureRound(String changeId, Integer turnSeconds, Integer warningSeconds)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.ConfigureRound(
          changeId, require(turnSeconds, "turnSeconds"), require(warningSeconds, "warningSeconds"));
    }
  }

  /** RT7. */
  record AddTurnTime(String changeId, Integer seconds) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.AddTurnTime(changeId, require(seconds, "seconds"));
    }
  }

  // RT4 to RT7: the steps of a round, one message type each.

  record StartRound(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.START_ROUND);
    }
  }

  record NextTurn(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.NEXT_TURN);
    }
  }

  record PreviousTurn(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.PREVIOUS_TURN);
    }
  }

  record PassTurn(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.PASS_TURN);
    }
  }

  record EndTurn(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.END_TURN);
    }
  }

  record PauseRound(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.PAUSE_ROUND);
    }
  }

  record ResumeRound(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.RESUME_ROUND);
    }
  }

  record EndRound(String changeId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CommandRound(changeId, Change.RoundAction.END_ROUND);
    }
  }

  // DV1 to DV3: dot voting. The server adds the templates' zones to open_vote (RoomSession).

  record OpenVote(
      String changeId,
      String voteId,
      String canvasId,
      String pillar,
      Integer dotsPerPerson,
      Integer maxPerNote,
      Boolean secret)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.OpenVote(
          changeId,
          voteId,
          canvasId,
          pillar == null ? null : Pillar.fromCode(pillar),
          require(dotsPerPerson, "dotsPerPerson"),
          maxPerNote,
          require(secret, "secret"),
          List.of());
    }
  }

  record CloseVote(String changeId, String voteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CloseVote(changeId, voteId);
    }
  }

  record ClearVote(String changeId, String voteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.ClearVote(changeId, voteId);
    }
  }

  record PlaceDot(String changeId, String voteId, String noteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CastDot(changeId, voteId, noteId, true);
    }
  }

  record RemoveDot(String changeId, String voteId, String noteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CastDot(changeId, voteId, noteId, false);
    }
  }

  // LK1, LK2: locks; CL1 to CL5: clusters of notes.

  record LockCanvas(String changeId, String canvasId, Boolean locked) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.LockCanvas(changeId, canvasId, require(locked, "locked"));
    }
  }

  record LockNote(String changeId, String noteId, Boolean locked) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.LockNote(changeId, noteId, require(locked, "locked"));
    }
  }

  record CreateCluster(
      String changeId, String clusterId, String canvasId, String title, List<String> noteIds)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CreateCluster(changeId, clusterId, canvasId, title, noteIds);
    }
  }

  record RenameCluster(String changeId, String clusterId, String title) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.RenameCluster(changeId, clusterId, title);
    }
  }

  record AddToCluster(String changeId, String clusterId, List<String> noteIds)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.AddToCluster(changeId, clusterId, noteIds);
    }
  }

  record RemoveFromCluster(String changeId, String clusterId, List<String> noteIds)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.RemoveFromCluster(changeId, clusterId, noteIds);
    }
  }

  record DissolveCluster(String changeId, String clusterId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.DissolveCluster(changeId, clusterId);
    }
  }

  record MoveCluster(String changeId, String clusterId, Double dx, Double dy)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.MoveCluster(changeId, clusterId, require(dx, "dx"), require(dy, "dy"));
    }
  }

  /** SY1. */
  record Sync(Long lastRevision) implements ClientMessage {
    @Override
    public void validate() {
      if (require(lastRevision, "lastRevision") < 0) {
        throw new InvalidValueException("lastRevision may not be negative");
      }
    }
  }

  /** CU1, CU2. */
  record MoveCursor(Double x, Double y, String editingNoteId, String canvasId)
      implements ClientMessage {
    /** A cursor on the workshop's first canvas: {@code canvasId} may be left out (CU3). */
    public MoveCursor(Double x, Double y, String editingNoteId) {
      this(x, y, editingNoteId, null);
    }

    /** The canvas the cursor is on (CU3). */
    public String canvas() {
      return canvasId == null ? Canvas.FIRST_ID : canvasId;
    }

    @Override
    public void validate() {
      Checks.coordinate(require(x, "x"), "x");
      Checks.coordinate(require(y, "y"), "y");
      if (editingNoteId != null) {
        Checks.identifier(editingNoteId, "editingNoteId");
      }
      if (canvasId != null) {
        Checks.identifier(canvasId, "canvasId");
      }
    }
  }

  /** ER2. */
  record Ping(Long clientTime) implements ClientMessage {
    @Override
    public void validate() {
      require(clientTime, "clientTime");
    }
  }

  /**
   * A facilitator's canvas and the world rectangle its screen shows (FS1, FS2): volatile, relayed
   * to the other screens, never stored, so not a change.
   */
  sealed interface ViewMessage extends ClientMessage {
    String canvasId();

    WireView view();

    /** The view as the domain holds it, with the author the session knows. */
    default SharedView toView(ParticipantId author) {
      WireView region = require(view(), "view");
      return new SharedView(
          author, canvasId(), region.x(), region.y(), region.width(), region.height());
    }

    @Override
    default void validate() {
      Checks.identifier(canvasId(), "canvasId");
      require(view(), "view").check();
    }
  }

  /** FS1: every other screen of the workshop comes to this canvas and view. */
  record Summon(String canvasId, WireView view) implements ViewMessage {}

  /** FS2: where the facilitator's screen is now, for the people who follow it. */
  record ShareView(String canvasId, WireView view) implements ViewMessage {}

  static <T> T require(T value, String field) {
    if (value == null) {
      throw new InvalidValueException(field + " is required");
    }
    return value;
  }
}
