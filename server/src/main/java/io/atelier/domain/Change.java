package io.atelier.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A modification of shared state asked for by a participant. Each carries the client-chosen {@code
 * changeId} that makes a resend after a reconnect safe (CH1, CH2).
 */
public sealed interface Change extends Serializable {
  String changeId();

  /** Changes that steer the workshop are the facilitator's alone (FA1). */
  default boolean facilitatorOnly() {
    return true;
  }

  /** A change of one note: anyone in the workshop may make it. */
  sealed interface NoteChange extends Change {
    String noteId();

    @Override
    default boolean facilitatorOnly() {
      return false;
    }
  }

  /** NT1, NT7. */
  record CreateNote(
      String changeId,
      String noteId,
      String canvasId,
      double x,
      double y,
      double width,
      double height,
      String text,
      NoteColor color)
      implements NoteChange {
    public CreateNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
      Checks.identifier(canvasId, "canvasId");
      Checks.coordinate(x, "x");
      Checks.coordinate(y, "y");
      Checks.size(width, "width");
      Checks.size(height, "height");
      Checks.text(text, Checks.MAX_NOTE_TEXT, "text");
      if (color == null) {
        throw new InvalidValueException("color is required");
      }
    }

    /** A note on the workshop's first canvas (NT7). */
    public CreateNote(
        String changeId,
        String noteId,
        double x,
        double y,
        double width,
        double height,
        String text,
        NoteColor color) {
      this(changeId, noteId, Canvas.FIRST_ID, x, y, width, height, text, color);
    }
  }

  /** NT2. */
  record UpdateNote(String changeId, String noteId, NotePatch set) implements NoteChange {
    public UpdateNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
      if (set == null) {
        throw new InvalidValueException("set is required");
      }
      if (set.z() != null) {
        throw new InvalidValueException("set may not hold z: use bring_note_to_front");
      }
      if (set.locked() != null) {
        throw new InvalidValueException("set may not hold locked: use lock_note");
      }
    }
  }

  /** NT3. */
  record DeleteNote(String changeId, String noteId) implements NoteChange {
    public DeleteNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
    }
  }

  /** NT4. */
  record BringNoteToFront(String changeId, String noteId) implements NoteChange {
    public BringNoteToFront {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
    }
  }

  /** LK2: the facilitator locks or unlocks one note. */
  record LockNote(String changeId, String noteId, boolean locked) implements NoteChange {
    public LockNote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(noteId, "noteId");
    }

    @Override
    public boolean facilitatorOnly() {
      return true;
    }
  }

  /** CV1: a canvas drawn from a template. */
  record CreateCanvas(String changeId, String canvasId, String templateId, String name)
      implements Change {
    public CreateCanvas {
      Checks.identifier(changeId, "changeId");
      new Canvas(canvasId, name, templateId, 0, false); // the canvas's own checks
      name = name.strip();
    }
  }

  /** CV2. */
  record RenameCanvas(String changeId, String canvasId, String name) implements Change {
    public RenameCanvas {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(canvasId, "canvasId");
      name = Checks.label(name, Checks.MAX_TITLE, "name");
    }
  }

  /** CV3. */
  record DeleteCanvas(String changeId, String canvasId) implements Change {
    public DeleteCanvas {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(canvasId, "canvasId");
    }
  }

  /** LK1: the facilitator makes a canvas read-only for the participants, or writable again. */
  record LockCanvas(String changeId, String canvasId, boolean locked) implements Change {
    public LockCanvas {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(canvasId, "canvasId");
    }
  }

  /** CV4: puts a participant in the group of a canvas, or in none ({@code canvasId} null). */
  record AssignGroup(String changeId, ParticipantId participantId, String canvasId)
      implements Change {
    public AssignGroup {
      Checks.identifier(changeId, "changeId");
      if (participantId == null) {
        throw new InvalidValueException("participantId is required");
      }
      if (canvasId != null) {
        Checks.identifier(canvasId, "canvasId");
      }
    }
  }

  /** RM1: the author's own marker on a pillar; a null role takes it away. */
  record SetRole(String changeId, Pillar pillar, String role) implements Change {
    public SetRole {
      Checks.identifier(changeId, "changeId");
      if (pillar == null) {
        throw new InvalidValueException("pillar is required");
      }
      if (role != null) {
        role = Checks.text(role, RoleMarker.MAX_ROLE, "role").strip();
      }
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  /**
   * AT1: whether a person takes part from a distance. Anyone may say it of themselves; saying it of
   * someone else is the facilitator's (checked by the model, which knows the author).
   */
  record SetAttendance(String changeId, ParticipantId participantId, boolean remote)
      implements Change {
    public SetAttendance {
      Checks.identifier(changeId, "changeId");
      if (participantId == null) {
        throw new InvalidValueException("participantId is required");
      }
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  /** RO1: promote to facilitator, make an observer, or back to participant; the facilitator's. */
  record SetAccess(String changeId, ParticipantId participantId, Access access) implements Change {
    public SetAccess {
      Checks.identifier(changeId, "changeId");
      if (participantId == null || access == null) {
        throw new InvalidValueException("participantId and access are required");
      }
    }
  }

  /** RO3: a locked workshop takes nobody new; the people already in it come and go. */
  record LockWorkshop(String changeId, boolean locked) implements Change {
    public LockWorkshop {
      Checks.identifier(changeId, "changeId");
    }
  }

  /**
   * RO4: the passcode newcomers must give, or null for none. The change carries it in clear from
   * the facilitator's socket; the model keeps and journals only its hash.
   */
  record SetPasscode(String changeId, String passcode) implements Change {
    public SetPasscode {
      Checks.identifier(changeId, "changeId");
      if (passcode != null) {
        passcode = passcode.strip();
        if (passcode.length() < Membership.MIN_PASSCODE
            || passcode.length() > Membership.MAX_PASSCODE) {
          throw new InvalidValueException(
              "passcode must be "
                  + Membership.MIN_PASSCODE
                  + " to "
                  + Membership.MAX_PASSCODE
                  + " characters");
        }
      }
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

  /** RO5: the person's token stops working at once; their notes stay. */
  record RemoveParticipant(String changeId, ParticipantId participantId) implements Change {
    public RemoveParticipant {
      Checks.identifier(changeId, "changeId");
      if (participantId == null) {
        throw new InvalidValueException("participantId is required");
      }
    }
  }

  /**
   * PW1 PW2: {@code privateMode} true starts private writing on a canvas; false reveals it, with
   * its authors left out when {@code anonymous}. The facilitator's.
   */
  record SetCanvasPrivacy(String changeId, String canvasId, boolean privateMode, boolean anonymous)
      implements Change {
    public SetCanvasPrivacy {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(canvasId, "canvasId");
    }
  }

  /** AG1: the whole agenda at once, so adding, removing, reordering and renaming are one rule. */
  record SetAgenda(String changeId, List<AgendaStep> steps) implements Change {
    public static final int MAX_STEPS = 60;

    public SetAgenda {
      Checks.identifier(changeId, "changeId");
      if (steps == null) {
        throw new InvalidValueException("steps is required");
      }
      if (steps.size() > MAX_STEPS) {
        throw new InvalidValueException("an agenda holds at most " + MAX_STEPS + " steps");
      }
      steps = List.copyOf(steps);
      Set<String> ids = new HashSet<>();
      for (AgendaStep step : steps) {
        if (!ids.add(step.id())) {
          throw new InvalidValueException("two steps have the id " + step.id());
        }
      }
    }
  }

  /** AG2: moves everyone to a step ({@code null}: no current step). */
  record GoToStep(String changeId, String stepId) implements Change {
    public GoToStep {
      Checks.identifier(changeId, "changeId");
      if (stepId != null) {
        Checks.identifier(stepId, "stepId");
      }
    }
  }

  /** AG3. */
  record SetRoaming(String changeId, boolean roaming) implements Change {
    public SetRoaming {
      Checks.identifier(changeId, "changeId");
    }
  }

  /** AG5: the pillar the walk-through highlights now, or none. */
  record FocusPillar(String changeId, Pillar pillar) implements Change {
    public FocusPillar {
      Checks.identifier(changeId, "changeId");
    }
  }

  /** TM2: one command on the countdown; {@code seconds} is needed to start and to add. */
  record CommandTimer(String changeId, TimerAction action, Long seconds) implements Change {
    public CommandTimer {
      Checks.identifier(changeId, "changeId");
      if (action == null) {
        throw new InvalidValueException("action is required");
      }
      boolean needsSeconds = action == TimerAction.START || action == TimerAction.ADD;
      // Compared in seconds: seconds * 1000 would overflow for a huge value and slip through.
      if (needsSeconds && (seconds == null || seconds < 1 || seconds > Timer.MAX_MS / 1000)) {
        throw new InvalidValueException("seconds must be between 1 and 36000 to " + action.code());
      }
    }
  }

  /** RT1: the whole speaking order at once; removing or reordering people is a new order. */
  record SetSpeakingOrder(String changeId, List<ParticipantId> participantIds) implements Change {
    public SetSpeakingOrder {
      Checks.identifier(changeId, "changeId");
      if (participantIds == null || participantIds.stream().anyMatch(id -> id == null)) {
        throw new InvalidValueException("participantIds is required");
      }
      if (participantIds.size() > RoundTable.MAX_ORDER) {
        throw new InvalidValueException(
            "participantIds names at most " + RoundTable.MAX_ORDER + " people");
      }
      participantIds = List.copyOf(participantIds);
      if (new HashSet<>(participantIds).size() != participantIds.size()) {
        throw new InvalidValueException("a person appears twice in participantIds");
      }
    }
  }

  /** RT2: the author asks to be added to the order. */
  record RaiseHand(String changeId) implements Change {
    public RaiseHand {
      Checks.identifier(changeId, "changeId");
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  /** RT2: the author takes their request back. */
  record LowerHand(String changeId) implements Change {
    public LowerHand {
      Checks.identifier(changeId, "changeId");
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  /** RT2: the facilitator adds a raised hand to the end of the order, or declines it. */
  record AnswerHand(String changeId, ParticipantId participantId, boolean accept)
      implements Change {
    public AnswerHand {
      Checks.identifier(changeId, "changeId");
      if (participantId == null) {
        throw new InvalidValueException("participantId is required");
      }
    }
  }

  /** RT3: how long the next turns last, and when the warning shows. */
  record ConfigureRound(String changeId, int turnSeconds, int warningSeconds) implements Change {
    public ConfigureRound {
      Checks.identifier(changeId, "changeId");
      if (turnSeconds < RoundTable.MIN_TURN_SECONDS || turnSeconds > RoundTable.MAX_TURN_SECONDS) {
        throw new InvalidValueException("turnSeconds must be between 10 and 1800");
      }
      if (warningSeconds < 0 || warningSeconds > RoundTable.MAX_WARNING_SECONDS) {
        throw new InvalidValueException("warningSeconds must be between 0 and 300");
      }
    }
  }

  /** RT4 to RT7: one step of the round; passing and ending a turn are also the speaker's. */
  record CommandRound(String changeId, RoundAction action) implements Change {
    public CommandRound {
      Checks.identifier(changeId, "changeId");
      if (action == null) {
        throw new InvalidValueException("action is required");
      }
    }

    @Override
    public boolean facilitatorOnly() {
      return action != RoundAction.PASS_TURN && action != RoundAction.END_TURN;
    }
  }

  /** RT7: more time for the current turn. */
  record AddTurnTime(String changeId, int seconds) implements Change {
    public AddTurnTime {
      Checks.identifier(changeId, "changeId");
      if (seconds < 1 || seconds > RoundTable.MAX_ADDED_SECONDS) {
        throw new InvalidValueException("seconds must be between 1 and 1800");
      }
    }
  }

  // Dot voting (DV1 to DV4): opening, closing and clearing are the facilitator's; anyone votes.

  /** A change of a dot vote; the vote is named by its client-chosen id. */
  sealed interface VoteChange extends Change {
    String voteId();
  }

  /**
   * DV1: opens a vote on a canvas, or on one pillar of it. {@code layouts}: the templates' zones,
   * given by the node that received the change (as it gives its clock), never by the client.
   */
  record OpenVote(
      String changeId,
      String voteId,
      String canvasId,
      Pillar pillar,
      int dotsPerPerson,
      Integer maxPerNote,
      boolean secret,
      List<CanvasTemplate> layouts)
      implements VoteChange {
    public OpenVote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(voteId, "voteId");
      Checks.identifier(canvasId, "canvasId");
      Vote.checkSettings(dotsPerPerson, maxPerNote);
      layouts = layouts == null ? List.of() : List.copyOf(layouts);
    }

    public OpenVote withLayouts(List<CanvasTemplate> known) {
      return new OpenVote(
          changeId, voteId, canvasId, pillar, dotsPerPerson, maxPerNote, secret, known);
    }
  }

  /** DV3: closes the vote and ranks its notes. */
  record CloseVote(String changeId, String voteId) implements VoteChange {
    public CloseVote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(voteId, "voteId");
    }
  }

  /** DV3: takes the vote, open or closed, and its results off the canvas. */
  record ClearVote(String changeId, String voteId) implements VoteChange {
    public ClearVote {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(voteId, "voteId");
    }
  }

  /** DV2: one dot of the author on a note, or one taken back ({@code placed} false). */
  record CastDot(String changeId, String voteId, String noteId, boolean placed)
      implements VoteChange {
    public CastDot {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(voteId, "voteId");
      Checks.identifier(noteId, "noteId");
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  /** A change of a cluster (CL1 to CL5): the facilitator's, decided with the notes at hand. */
  sealed interface ClusterChange extends Change {
    String clusterId();
  }

  /** CL1: a new cluster of notes of one canvas, with a title. */
  record CreateCluster(
      String changeId, String clusterId, String canvasId, String title, List<String> noteIds)
      implements ClusterChange {
    public CreateCluster {
      Checks.identifier(changeId, "changeId");
      noteIds = Cluster.changeNoteIds(noteIds);
      title = new Cluster(clusterId, canvasId, title, noteIds).title(); // the cluster's checks
    }
  }

  /** CL2. */
  record RenameCluster(String changeId, String clusterId, String title) implements ClusterChange {
    public RenameCluster {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(clusterId, "clusterId");
      title = Checks.label(title, Checks.MAX_TITLE, "title");
    }
  }

  /** CL3: notes join the cluster, leaving any other. */
  record AddToCluster(String changeId, String clusterId, List<String> noteIds)
      implements ClusterChange {
    public AddToCluster {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(clusterId, "clusterId");
      noteIds = Cluster.changeNoteIds(noteIds);
    }
  }

  /** CL3: notes leave the cluster; a cluster left without notes is dissolved. */
  record RemoveFromCluster(String changeId, String clusterId, List<String> noteIds)
      implements ClusterChange {
    public RemoveFromCluster {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(clusterId, "clusterId");
      noteIds = Cluster.changeNoteIds(noteIds);
    }
  }

  /** CL4: the cluster is gone; its notes stay where they are. */
  record DissolveCluster(String changeId, String clusterId) implements ClusterChange {
    public DissolveCluster {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(clusterId, "clusterId");
    }
  }

  /** CL5: every note of the cluster moves by the same offset, at once. */
  record MoveCluster(String changeId, String clusterId, double dx, double dy)
      implements ClusterChange {
    /** An offset may cross the whole canvas, from one edge to the other (NT6). */
    public static final double MAX_OFFSET = 2 * Checks.MAX_COORDINATE;

    public MoveCluster {
      Checks.identifier(changeId, "changeId");
      Checks.identifier(clusterId, "clusterId");
      for (double offset : new double[] {dx, dy}) {
        if (!Double.isFinite(offset) || Math.abs(offset) > MAX_OFFSET) {
          throw new InvalidValueException("dx and dy must be finite numbers within ±200000");
        }
      }
    }
  }

  enum RoundAction {
    START_ROUND,
    NEXT_TURN,
    PREVIOUS_TURN,
    PASS_TURN,
    END_TURN,
    PAUSE_ROUND,
    RESUME_ROUND,
    END_ROUND
  }

  enum TimerAction {
    START,
    PAUSE,
    RESUME,
    ADD,
    STOP;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static TimerAction fromCode(String code) {
      for (TimerAction action : values()) {
        if (action.code().equals(code)) {
          return action;
        }
      }
      throw new InvalidValueException(
          "action must be one of "
              + Arrays.stream(values()).map(TimerAction::code).collect(Collectors.joining(", ")));
    }
  }
}
