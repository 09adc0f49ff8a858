package io.atelier.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The part of a workshop's state that steers it: canvases, groups, the role map, the agenda, the
 * current step, the timer, the round table, who takes part from a distance, who may do what,
 * private writing, canvas locks, the clusters of notes and dot votes (protocol rules CV, RM, AT,
 * AG, TM, RT, RO, PW, LK1, CL and DV). {@link WorkshopState} owns one and hands it every change
 * that is not about a note; like its owner it is not thread safe.
 */
final class Facilitation implements Serializable {
  private final LinkedHashMap<String, Canvas> canvases = new LinkedHashMap<>();
  private final LinkedHashMap<ParticipantId, String> groups = new LinkedHashMap<>();
  private final LinkedHashMap<ParticipantId, EnumMap<Pillar, RoleMarker>> roles =
      new LinkedHashMap<>();

  /** Who takes part from a distance (AT1), in the order they said so. */
  private final LinkedHashSet<ParticipantId> remote = new LinkedHashSet<>();

  private List<AgendaStep> agenda = List.of();
  private Progress progress = Progress.NOT_STARTED;
  private Timer timer = Timer.STOPPED;
  private RoundTable roundTable = RoundTable.EMPTY;
  private Membership membership = Membership.OPEN;
  private final LinkedHashSet<String> privateCanvases = new LinkedHashSet<>();
  private final LinkedHashSet<String> anonymousCanvases = new LinkedHashSet<>();
  private final Clusters clusters = new Clusters();
  private final DotVoting votes = new DotVoting();

  /** A new workshop starts with one MSC canvas, named in its language (NT7). */
  static Facilitation startingWith(Language language, long createdAt) {
    Facilitation facilitation = new Facilitation();
    String name = language == Language.EN ? "Commons model canvas" : "Canevas MSC";
    facilitation.put(new Canvas(Canvas.FIRST_ID, name, "msc", createdAt, false));
    return facilitation;
  }

  static Facilitation restore(FacilitationState saved) {
    Facilitation facilitation = new Facilitation();
    facilitation.install(saved);
    return facilitation;
  }

  Membership membership() {
    return membership;
  }

  boolean isPrivate(String canvasId) {
    return privateCanvases.contains(canvasId);
  }

  boolean isAnonymous(String canvasId) {
    return anonymousCanvases.contains(canvasId);
  }

  /** Whether a note may be written on this canvas (NT7). */
  boolean isLiveCanvas(String canvasId) {
    Canvas canvas = canvases.get(canvasId);
    return canvas != null && !canvas.deleted();
  }

  /** LK1: whether the participants' note changes on this canvas are refused. */
  boolean isLockedCanvas(String canvasId) {
    Canvas canvas = canvases.get(canvasId);
    return canvas != null && canvas.locked();
  }

  /** Decides one cluster change (CL1 to CL5) with the workshop's notes, and applies it. */
  Event decideCluster(
      ParticipantId author, Change.ClusterChange change, long next, Function<String, Note> notes) {
    Event event = clusters.decide(author, change, next, notes, this::isLiveCanvas, this::isPrivate);
    replay(event);
    return event;
  }

  /**
   * Decides one change, already known not to be a duplicate, and applies it. Throws {@link Refusal}
   * when the model refuses it (CH3); nothing has changed then.
   */
  Event decide(
      ParticipantId author,
      Change change,
      long next,
      long now,
      boolean byFacilitator,
      Predicate<ParticipantId> isParticipant,
      Function<String, List<Note>> liveNotesOf) {
    String changeId = change.changeId();
    Event event;
    if (change instanceof Change.CreateCanvas c) {
      if (canvases.containsKey(c.canvasId())) {
        throw new Refusal(RejectionCode.CANVAS_EXISTS, "Canvas " + c.canvasId() + " exists.");
      }
      if (liveCanvasCount() >= Canvas.MAX_CANVASES) {
        throw new Refusal(
            RejectionCode.TOO_MANY_CANVASES,
            "A workshop holds at most " + Canvas.MAX_CANVASES + " canvases.");
      }
      Canvas canvas = new Canvas(c.canvasId(), c.name(), c.templateId(), now, false);
      event = new Event.CanvasCreated(next, changeId, author, canvas);
    } else if (change instanceof Change.RenameCanvas r) {
      liveCanvas(r.canvasId());
      event = new Event.CanvasRenamed(next, changeId, author, r.canvasId(), r.name());
    } else if (change instanceof Change.DeleteCanvas d) {
      if (liveCanvas(d.canvasId()).locked()) {
        // LK3: a lock keeps a canvas's notes; deleting it would throw them all away.
        throw new Refusal(RejectionCode.LOCKED, "Unlock canvas " + d.canvasId() + " first.");
      }
      if (liveCanvasCount() == 1) {
        throw new Refusal(RejectionCode.LAST_CANVAS, "A workshop keeps at least one canvas.");
      }
      event = new Event.CanvasDeleted(next, changeId, author, d.canvasId());
    } else if (change instanceof Change.LockCanvas l) {
      liveCanvas(l.canvasId());
      event = new Event.CanvasLocked(next, changeId, author, l.canvasId(), l.locked());
    } else if (change instanceof Change.AssignGroup a) {
      if (!isParticipant.test(a.participantId())) {
        throw new Refusal(
            RejectionCode.UNKNOWN_PARTICIPANT, "No participant " + a.participantId() + ".");
      }
      if (a.canvasId() != null) {
        liveCanvas(a.canvasId());
      }
      event = new Event.GroupAssigned(next, changeId, author, a.participantId(), a.canvasId());
    } else if (change instanceof Change.SetRole r) {
      event = new Event.RoleSet(next, changeId, author, r.pillar(), r.role());
    } else if (change instanceof Change.SetAttendance a) {
      if (!a.participantId().equals(author) && !byFacilitator) {
        throw new Refusal(
            RejectionCode.NOT_FACILITATOR, "Only the facilitator may say where others are.");
      }
      if (!isParticipant.test(a.participantId())) {
        throw new Refusal(
            RejectionCode.UNKNOWN_PARTICIPANT, "No participant " + a.participantId() + ".");
      }
      event = new Event.AttendanceChanged(next, changeId, author, a.participantId(), a.remote());
    } else if (change instanceof Change.SetAccess a) {
      event = decideAccess(author, a, next, isParticipant);
    } else if (change instanceof Change.LockWorkshop l) {
      event = new Event.WorkshopLocked(next, changeId, author, l.locked());
    } else if (change instanceof Change.SetPasscode p) {
      String hash = p.passcode() == null ? null : Secrets.hash(p.passcode());
      event = new Event.PasscodeChanged(next, changeId, author, hash);
    } else if (change instanceof Change.RemoveParticipant r) {
      if (r.participantId().equals(author)) {
        throw new Refusal(
            RejectionCode.CANNOT_REMOVE_SELF, "Hand over the facilitation before leaving.");
      }
      if (!isParticipant.test(r.participantId())) {
        throw new Refusal(
            RejectionCode.UNKNOWN_PARTICIPANT, "No participant " + r.participantId() + ".");
      }
      event = new Event.ParticipantRemoved(next, changeId, author, r.participantId());
    } else if (change instanceof Change.SetCanvasPrivacy p) {
      liveCanvas(p.canvasId());
      // PW2: anonymity once given stays; a reveal carries the notes readers were not sent.
      boolean anonymous = p.anonymous() || isAnonymous(p.canvasId());
      List<Note> revealed = p.privateMode() ? List.of() : liveNotesOf.apply(p.canvasId());
      event =
          new Event.CanvasPrivacyChanged(
              next, changeId, author, p.canvasId(), p.privateMode(), anonymous, revealed);
    } else if (change instanceof Change.VoteChange v) {
      event = votes.decide(author, v, next, now, this::liveCanvas, this::isPrivate, liveNotesOf);
    } else if (change instanceof Change.SetAgenda a) {
      event = new Event.AgendaSet(next, changeId, author, a.steps());
    } else if (change instanceof Change.GoToStep g) {
      if (g.stepId() != null && agenda.stream().noneMatch(s -> s.id().equals(g.stepId()))) {
        throw new Refusal(RejectionCode.UNKNOWN_STEP, "No step " + g.stepId() + ".");
      }
      event = new Event.ProgressChanged(next, changeId, author, progress.at(g.stepId(), now));
    } else if (change instanceof Change.SetRoaming r) {
      event = new Event.ProgressChanged(next, changeId, author, progress.roaming(r.roaming()));
    } else if (change instanceof Change.FocusPillar f) {
      event = new Event.ProgressChanged(next, changeId, author, progress.focus(f.pillar()));
    } else if (change instanceof Change.CommandTimer t) {
      event = new Event.TimerChanged(next, changeId, author, command(t, now));
    } else {
      RoundTable decided = decideRound(author, change, now, byFacilitator, isParticipant);
      event = new Event.RoundTableChanged(next, changeId, author, decided);
    }
    replay(event);
    return event;
  }

  /** RO1: a workshop keeps at least one facilitator among the people whose access was set. */
  private Event decideAccess(
      ParticipantId author,
      Change.SetAccess change,
      long next,
      Predicate<ParticipantId> isParticipant) {
    ParticipantId member = change.participantId();
    if (!isParticipant.test(member)) {
      throw new Refusal(RejectionCode.UNKNOWN_PARTICIPANT, "No participant " + member + ".");
    }
    if (membership.of(member) == Access.FACILITATOR
        && change.access() != Access.FACILITATOR
        && membership.facilitatorCount() == 1) {
      throw new Refusal(
          RejectionCode.LAST_FACILITATOR,
          "A workshop keeps a facilitator: promote someone before stepping down.");
    }
    return new Event.AccessChanged(next, change.changeId(), author, member, change.access());
  }

  private Timer command(Change.CommandTimer command, long now) {
    Long seconds = command.seconds();
    return switch (command.action()) {
      case START -> Timer.start(seconds * 1000, now);
      case PAUSE -> timer.pause(now);
      case RESUME -> timer.resume(now);
      case ADD -> timer.add(seconds * 1000, now);
      case STOP -> Timer.STOPPED;
    };
  }

  private RoundTable decideRound(
      ParticipantId author,
      Change change,
      long now,
      boolean byFacilitator,
      Predicate<ParticipantId> isParticipant) {
    if (change instanceof Change.SetSpeakingOrder o) {
      for (ParticipantId id : o.participantIds()) {
        if (!isParticipant.test(id)) {
          throw new Refusal(RejectionCode.UNKNOWN_PARTICIPANT, "No participant " + id + ".");
        }
      }
      return roundTable.withOrder(o.participantIds());
    }
    if (change instanceof Change.RaiseHand) {
      return roundTable.raiseHand(author);
    }
    if (change instanceof Change.LowerHand) {
      return roundTable.lowerHand(author);
    }
    if (change instanceof Change.AnswerHand a) {
      return roundTable.answerHand(a.participantId(), a.accept());
    }
    if (change instanceof Change.ConfigureRound c) {
      return roundTable.configure(c.turnSeconds() * 1000L, c.warningSeconds() * 1000L);
    }
    if (change instanceof Change.AddTurnTime a) {
      return roundTable.addTime(a.seconds() * 1000L, now);
    }
    Change.CommandRound command = (Change.CommandRound) change;
    return switch (command.action()) {
      case START_ROUND -> roundTable.start(now);
      case NEXT_TURN -> roundTable.next(now);
      case PREVIOUS_TURN -> roundTable.previous(now);
      case PASS_TURN -> speakerOrFacilitator(author, byFacilitator).pass(now);
      case END_TURN -> speakerOrFacilitator(author, byFacilitator).next(now);
      case PAUSE_ROUND -> roundTable.pause(now);
      case RESUME_ROUND -> roundTable.resume(now);
      case END_ROUND -> roundTable.end(now);
    };
  }

  /** RT6: the speaker may pass or end their own turn; anyone else needs the facilitator's role. */
  private RoundTable speakerOrFacilitator(ParticipantId author, boolean byFacilitator) {
    roundTable.requireRound();
    if (!byFacilitator && !roundTable.isSpeaker(author)) {
      throw new Refusal(RejectionCode.NOT_THE_SPEAKER, "Only the speaker may end their turn.");
    }
    return roundTable;
  }

  /** Applies a committed event: after {@link #decide}, and again when a journal is replayed. */
  void replay(Event event) {
    if (event instanceof Event.CanvasCreated e) {
      put(e.canvas());
    } else if (event instanceof Event.CanvasRenamed e) {
      Canvas canvas = canvases.get(e.canvasId());
      if (canvas != null) {
        put(canvas.renamed(e.name()));
      }
    } else if (event instanceof Event.CanvasDeleted e) {
      Canvas canvas = canvases.get(e.canvasId());
      if (canvas != null) {
        put(canvas.asTombstone());
      }
      groups.values().removeIf(e.canvasId()::equals);
      clusters.replay(e);
      votes.dropCanvas(e.canvasId());
    } else if (event instanceof Event.CanvasLocked e) {
      Canvas canvas = canvases.get(e.canvasId());
      if (canvas != null) {
        put(canvas.withLock(e.locked()));
      }
    } else if (event instanceof Event.GroupAssigned e) {
      if (e.canvasId() == null) {
        groups.remove(e.member());
      } else {
        groups.put(e.member(), e.canvasId());
      }
    } else if (event instanceof Event.RoleSet e) {
      setRole(e.participantId(), e.pillar(), e.role());
    } else if (event instanceof Event.AttendanceChanged e) {
      if (e.remote()) {
        remote.add(e.member());
      } else {
        remote.remove(e.member());
      }
    } else if (event instanceof Event.AccessChanged e) {
      membership = membership.with(e.member(), e.access());
    } else if (event instanceof Event.WorkshopLocked e) {
      membership = membership.locked(e.locked());
    } else if (event instanceof Event.PasscodeChanged e) {
      membership = membership.passcode(e.passcodeHash());
    } else if (event instanceof Event.ParticipantRemoved e) {
      forget(e.member());
    } else if (event instanceof Event.CanvasPrivacyChanged e) {
      if (e.privateMode()) {
        privateCanvases.add(e.canvasId());
      } else {
        privateCanvases.remove(e.canvasId());
      }
      if (e.anonymous()) {
        anonymousCanvases.add(e.canvasId());
      }
    } else if (event instanceof Event.AgendaSet e) {
      agenda = e.steps();
      if (progress.currentStepId() != null
          && agenda.stream().noneMatch(s -> s.id().equals(progress.currentStepId()))) {
        progress = progress.at(null, 0);
      }
    } else if (event instanceof Event.ProgressChanged e) {
      progress = e.progress();
    } else if (event instanceof Event.TimerChanged e) {
      timer = e.timer();
    } else if (event instanceof Event.RoundTableChanged e) {
      roundTable = e.roundTable();
    } else if (event instanceof Event.ContentImported e) {
      install(e.content().facilitation());
    } else {
      clusters.replay(event); // cluster events, and a deleted note leaving its cluster
      votes.replay(event); // DV: the vote events
    }
  }

  /** DV4: who may read a steering event as it is; only a secret vote's dots are not public. */
  Visibility visibilityOf(Event event) {
    return votes.visibilityOf(event);
  }

  FacilitationState state() {
    Map<ParticipantId, String> groupCopy = new HashMap<>(groups);
    List<RoleMarker> roleList = new ArrayList<>();
    roles.values().forEach(markers -> roleList.addAll(markers.values()));
    return new FacilitationState(
        List.copyOf(canvases.values()),
        groupCopy,
        roleList,
        agenda,
        progress,
        timer,
        roundTable,
        List.copyOf(remote),
        membership,
        new Privacy(List.copyOf(privateCanvases), List.copyOf(anonymousCanvases)),
        clusters.list(),
        votes.votes());
  }

  private void install(FacilitationState saved) {
    canvases.clear();
    groups.clear();
    roles.clear();
    remote.clear();
    saved.canvases().forEach(this::put);
    groups.putAll(saved.groups());
    saved
        .roles()
        .forEach(marker -> setRole(marker.participantId(), marker.pillar(), marker.role()));
    agenda = saved.agenda();
    progress = saved.progress();
    timer = saved.timer();
    roundTable = saved.roundTable();
    remote.addAll(saved.remote());
    membership = saved.membership();
    privateCanvases.clear();
    privateCanvases.addAll(saved.privacy().privateCanvases());
    anonymousCanvases.clear();
    anonymousCanvases.addAll(saved.privacy().anonymousCanvases());
    clusters.install(saved.clusters());
    votes.install(saved.votes());
  }

  /**
   * RO5: a removed person leaves every arrangement: their group, their markers, the remote list and
   * the speaking order (as RT1 removes someone: a current speaker finishes their turn).
   */
  private void forget(ParticipantId member) {
    membership = membership.without(member);
    groups.remove(member);
    roles.remove(member);
    remote.remove(member);
    roundTable = roundTable.without(member);
  }

  private void setRole(ParticipantId participant, Pillar pillar, String role) {
    if (role == null) {
      EnumMap<Pillar, RoleMarker> markers = roles.get(participant);
      if (markers != null) {
        markers.remove(pillar);
        if (markers.isEmpty()) {
          roles.remove(participant);
        }
      }
    } else {
      roles
          .computeIfAbsent(participant, id -> new EnumMap<>(Pillar.class))
          .put(pillar, new RoleMarker(participant, pillar, role));
    }
  }

  private void put(Canvas canvas) {
    canvases.put(canvas.id(), canvas);
  }

  private Canvas liveCanvas(String canvasId) {
    Canvas canvas = canvases.get(canvasId);
    if (canvas == null || canvas.deleted()) {
      throw new Refusal(RejectionCode.UNKNOWN_CANVAS, "No canvas " + canvasId + ".");
    }
    return canvas;
  }

  private long liveCanvasCount() {
    return canvases.values().stream().filter(canvas -> !canvas.deleted()).count();
  }

  /** A change the model refuses, with the code the author is told (CH3). */
  static final class Refusal extends RuntimeException {
    final RejectionCode code;

    Refusal(RejectionCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
