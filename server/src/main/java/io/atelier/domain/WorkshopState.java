package io.atelier.domain;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shared state of one workshop and the only place its rules are applied. It is not thread safe
 * on purpose: every store runs one operation at a time per workshop (a Hazelcast entry processor on
 * the owning partition, or a lock in memory), which is what gives one total order of revisions
 * (RV1) without any lock in here.
 */
public final class WorkshopState implements Serializable {
  /** How many recent events are kept for catch-up (HS5); older clients get a snapshot. */
  public static final int HISTORY_LIMIT = 1_000;

  /** How many change ids are remembered to answer a resend with a duplicate ack (CH2). */
  public static final int REMEMBERED_CHANGES = 10_000;

  private static final String[] PARTICIPANT_COLORS = {
    "#d9480f", "#1971c2", "#2f9e44", "#ae3ec9", "#e8590c", "#0c8599",
    "#c2255c", "#5f3dc4", "#66a80f", "#f08c00", "#1864ab", "#862e9c"
  };

  private final WorkshopFacts facts;
  private long revision;
  private long highestZ;
  private final LinkedHashMap<String, Note> notes = new LinkedHashMap<>();
  private final LinkedHashMap<ParticipantId, Participant> participants = new LinkedHashMap<>();
  private final HashMap<ParticipantId, Set<String>> openConnections = new HashMap<>();
  private final ArrayDeque<Recorded> history = new ArrayDeque<>();
  private final RecentChanges appliedChanges = new RecentChanges(REMEMBERED_CHANGES);
  private final Facilitation facilitation;

  public WorkshopState(WorkshopFacts facts) {
    this(facts, Facilitation.startingWith(facts.language(), facts.createdAt()));
  }

  private WorkshopState(WorkshopFacts facts, Facilitation facilitation) {
    this.facts = facts;
    this.facilitation = facilitation;
  }

  public WorkshopFacts facts() {
    return facts;
  }

  public long revision() {
    return revision;
  }

  /** Which canvases are in private writing or anonymous now (PW1, PW2), for the cursors (CU4). */
  public Privacy privacy() {
    return facilitation.state().privacy();
  }

  /** A participant's change made without the facilitator's role, at an unknown time. */
  public Outcome apply(ParticipantId author, Change change) {
    return apply(author, change, false, 0);
  }

  /**
   * Applies one change, once (CH2), or says why it cannot (CH3). {@code byFacilitator} says whether
   * the author's socket holds the facilitator's role (HS7, FA1); {@code now} is the server's clock,
   * which timers, steps and notes record.
   */
  public Outcome apply(ParticipantId author, Change change, boolean byFacilitator, long now) {
    return apply(author, change, byFacilitator, now, WorkshopLimits.NONE);
  }

  /** As {@link #apply(ParticipantId, Change, boolean, long)}, within the server's limits (LM6). */
  public Outcome apply(
      ParticipantId author, Change change, boolean byFacilitator, long now, WorkshopLimits limits) {
    if (!participants.containsKey(author)) {
      throw new InvalidValueException("unknown participant " + author);
    }
    Long appliedAt = appliedChanges.revisionOf(change.changeId());
    if (appliedAt != null) {
      return new Outcome.Duplicate(change.changeId(), appliedAt);
    }
    Membership membership = facilitation.membership();
    if (membership.isRemoved(author)) {
      // RO5: a change already on its way when the facilitator removed its author.
      return reject(change, RejectionCode.UNKNOWN_PARTICIPANT, "You were removed.");
    }
    if (membership.of(author) == Access.OBSERVER) {
      return reject(change, RejectionCode.READ_ONLY, "Observers change nothing (RO1).");
    }
    boolean steers = membership.steers(author, byFacilitator);
    if (change.facilitatorOnly() && !steers) {
      return reject(change, RejectionCode.NOT_FACILITATOR, "Only the facilitator may do this.");
    }
    long next = revision + 1;
    Event event;
    Visibility visibility = Visibility.PUBLIC;
    if (change instanceof Change.NoteChange noteChange) {
      Outcome.Rejected refused = refusal(author, noteChange, steers, limits);
      if (refused != null) {
        return refused;
      }
      event = commit(author, noteChange, notes.get(noteChange.noteId()), next, now);
      visibility = visibilityOf(notes.get(noteChange.noteId()), event);
    } else {
      try {
        event =
            change instanceof Change.ClusterChange clusterChange
                ? facilitation.decideCluster(author, clusterChange, next, notes::get)
                : facilitation.decide(
                    author, change, next, now, steers, this::isParticipant, this::liveNotesOn);
      } catch (Facilitation.Refusal refusal) {
        return reject(change, refusal.code, refusal.getMessage());
      }
      if (event instanceof Event.ClusterMoved moved) {
        moveNotes(moved);
      }
      visibility = facilitation.visibilityOf(event); // DV4: a secret vote's dots
    }
    if (event instanceof Event.ParticipantRemoved removed) {
      openConnections.remove(removed.member()); // RO5: their sockets are closed on every node
    }
    appliedChanges.remember(change.changeId(), next);
    return new Outcome.Applied(record(event, visibility), visibility);
  }

  /**
   * PW1 PW2: who may read a note's event as it is, from its canvas's state now: only its author on
   * a canvas in private writing; anyone, without the authors, on an anonymous one.
   */
  private Visibility visibilityOf(Note note, Event event) {
    if (facilitation.isPrivate(note.canvasId())) {
      String change =
          event instanceof Event.NoteCreated
              ? "created"
              : event instanceof Event.NoteDeleted ? "deleted" : "updated";
      return Visibility.hidden(note.createdBy(), note.canvasId(), change);
    }
    if (facilitation.isAnonymous(note.canvasId())) {
      return Visibility.anonymous(note.createdBy());
    }
    return Visibility.PUBLIC;
  }

  private List<Note> liveNotesOn(String canvasId) {
    return liveNotes()
        .filter(note -> note.canvasId().equals(canvasId))
        .sorted(Comparator.comparingLong(Note::z))
        .toList();
  }

  private boolean hiddenFrom(ParticipantId author, Note note) {
    return facilitation.isPrivate(note.canvasId()) && !author.equals(note.createdBy());
  }

  /**
   * CH3 for a note change, in this order: an unknown, hidden (PW1) or deleted note, then a lock
   * (LK1, LK2) unless the author {@code steers} (RO1), then a full canvas (LM6), for everyone.
   */
  private Outcome.Rejected refusal(
      ParticipantId author, Change.NoteChange change, boolean steers, WorkshopLimits limits) {
    Note existing = notes.get(change.noteId());
    if (change instanceof Change.CreateNote create) {
      if (existing != null) {
        return reject(change, RejectionCode.NOTE_EXISTS, "Note " + change.noteId() + " exists.");
      }
      if (!facilitation.isLiveCanvas(create.canvasId())) {
        return reject(change, RejectionCode.UNKNOWN_CANVAS, "No canvas " + create.canvasId() + ".");
      }
    } else if (existing == null || hiddenFrom(author, existing)) {
      // PW1: another person's note on a private canvas does not exist for this author.
      return reject(change, RejectionCode.UNKNOWN_NOTE, "No note " + change.noteId() + ".");
    } else if (existing.deleted()) {
      return reject(
          change, RejectionCode.NOTE_DELETED, "Note " + change.noteId() + " was deleted.");
    }
    Outcome.Rejected locked = steers ? null : lockRefusal(change, existing);
    return locked != null ? locked : fullCanvasRefusal(change, limits);
  }

  /** LM6: a canvas holds at most so many live notes; hidden ones (PW1) count, tombstones not. */
  private Outcome.Rejected fullCanvasRefusal(Change.NoteChange change, WorkshopLimits limits) {
    if (!(change instanceof Change.CreateNote create)) {
      return null;
    }
    long live =
        notes.values().stream()
            .filter(note -> !note.deleted() && note.canvasId().equals(create.canvasId()))
            .count();
    if (live < limits.notesPerCanvas()) {
      return null;
    }
    return reject(
        change,
        RejectionCode.TOO_MANY_NOTES,
        "Canvas "
            + create.canvasId()
            + " holds "
            + limits.notesPerCanvas()
            + " notes, the most this server allows: delete or move some to another canvas first.");
  }

  /** LK1, LK2: a lock holds back every note change but the facilitator's. */
  private Outcome.Rejected lockRefusal(Change.NoteChange change, Note existing) {
    String canvasId =
        existing == null ? ((Change.CreateNote) change).canvasId() : existing.canvasId();
    if (facilitation.isLockedCanvas(canvasId)) {
      return reject(
          change,
          RejectionCode.LOCKED,
          "Canvas " + canvasId + " is locked: only the facilitator may change its notes.");
    }
    if (existing != null && existing.locked()) {
      return reject(change, RejectionCode.LOCKED, "Note " + existing.id() + " is locked.");
    }
    return null;
  }

  // Java 17 has no pattern switch; the chain below is exhaustive over the sealed Change.
  private Event commit(
      ParticipantId author, Change.NoteChange change, Note existing, long next, long now) {
    if (change instanceof Change.CreateNote c) {
      Note note =
          new Note(
              c.noteId(),
              c.canvasId(),
              c.x(),
              c.y(),
              c.width(),
              c.height(),
              c.text(),
              c.color(),
              ++highestZ,
              author,
              now,
              false);
      notes.put(note.id(), note);
      return new Event.NoteCreated(next, c.changeId(), author, note);
    }
    if (change instanceof Change.UpdateNote u) {
      notes.put(existing.id(), existing.with(u.set()));
      return new Event.NoteUpdated(next, u.changeId(), author, u.noteId(), u.set());
    }
    if (change instanceof Change.LockNote l) {
      NotePatch lock = NotePatch.lock(l.locked());
      notes.put(existing.id(), existing.with(lock));
      return new Event.NoteUpdated(next, l.changeId(), author, l.noteId(), lock);
    }
    if (change instanceof Change.BringNoteToFront b) {
      NotePatch front = NotePatch.front(++highestZ);
      notes.put(existing.id(), existing.with(front));
      return new Event.NoteUpdated(next, b.changeId(), author, b.noteId(), front);
    }
    Change.DeleteNote d = (Change.DeleteNote) change;
    notes.put(existing.id(), existing.asTombstone());
    Event deleted = new Event.NoteDeleted(next, d.changeId(), author, d.noteId());
    facilitation.replay(deleted); // CL4: the note leaves its cluster
    return deleted;
  }

  /** CL5: a moved cluster's notes, all at once. */
  private void moveNotes(Event.ClusterMoved moved) {
    for (NotePosition position : moved.positions()) {
      Note note = notes.get(position.noteId());
      if (note != null) {
        notes.put(note.id(), note.movedTo(position.x(), position.y()));
      }
    }
  }

  /**
   * Lets a person in with a socket (HS4, HS6): the holder of a known token, or a newcomer. Refuses
   * a token the workshop does not know.
   */
  public Admission enter(String tokenHash, Newcomer newcomer, String connectionId) {
    return enter(tokenHash, newcomer, connectionId, null, null);
  }

  /**
   * HS9: whether an observer (HS8) may read the workshop. An observer reads everything, so a lock
   * and a passcode hold for it as for a newcomer, unless it proves it is already in: the workshop's
   * key, or the token of one of its people (the projector opened from a facilitator's browser). It
   * changes nothing: an observer is nobody. Hashes as in {@link #enter}; any may be null.
   */
  public Admission admitObserver(String tokenHash, String keyHash, String passcodeHash) {
    Membership membership = facilitation.membership();
    if (keyHash != null && Secrets.constantTimeEquals(keyHash, facts.facilitatorKeyHash())) {
      return new Admission.Observing();
    }
    if (tokenHash != null) {
      Participant participant = findByTokenHash(tokenHash).orElse(null);
      if (participant == null) {
        return new Admission.UnknownToken();
      }
      return membership.isRemoved(participant.id())
          ? new Admission.Removed()
          : new Admission.Observing();
    }
    if (membership.locked()) {
      return new Admission.Locked();
    }
    if (membership.passcodeRequired()
        && (passcodeHash == null
            || !Secrets.constantTimeEquals(passcodeHash, membership.passcodeHash()))) {
      return new Admission.PasscodeRefused(passcodeHash != null);
    }
    return new Admission.Observing();
  }

  /**
   * Lets a person in (HS4, HS6, HS7, RO3 to RO5). {@code keyHash} is the hash of the facilitator
   * key the socket presented (or null): its holder always gets in and is recorded as a facilitator.
   * {@code passcodeHash} is the hash of the passcode a newcomer typed (or null).
   */
  public Admission enter(
      String tokenHash,
      Newcomer newcomer,
      String connectionId,
      String keyHash,
      String passcodeHash) {
    return enter(tokenHash, newcomer, connectionId, keyHash, passcodeHash, WorkshopLimits.NONE);
  }

  /**
   * As {@link #enter(String, Newcomer, String, String, String)}, within the server's limits: a
   * newcomer is refused when the workshop holds as many people as it may (LM5). People removed by
   * the facilitator (RO5) free their seat; the holder of the key always gets in, as for RO3.
   */
  public Admission enter(
      String tokenHash,
      Newcomer newcomer,
      String connectionId,
      String keyHash,
      String passcodeHash,
      WorkshopLimits limits) {
    List<Event> events = new ArrayList<>();
    Membership membership = facilitation.membership();
    boolean keyHolder =
        keyHash != null && Secrets.constantTimeEquals(keyHash, facts.facilitatorKeyHash());
    Participant participant = findByTokenHash(tokenHash).orElse(null);
    if (participant != null && membership.isRemoved(participant.id())) {
      return new Admission.Removed();
    }
    if (participant == null) {
      if (newcomer == null) {
        return new Admission.UnknownToken();
      }
      if (!keyHolder && membership.locked()) {
        return new Admission.Locked();
      }
      if (!keyHolder
          && participants.keySet().stream().filter(this::isParticipant).count()
              >= limits.participants()) {
        return new Admission.Full(limits.participants());
      }
      if (!keyHolder
          && membership.passcodeRequired()
          && (passcodeHash == null
              || !Secrets.constantTimeEquals(passcodeHash, membership.passcodeHash()))) {
        return new Admission.PasscodeRefused(passcodeHash != null);
      }
      String color = PARTICIPANT_COLORS[participants.size() % PARTICIPANT_COLORS.length];
      participant = new Participant(newcomer.id(), newcomer.name(), color, tokenHash);
      participants.put(participant.id(), participant);
      events.add(record(new Event.ParticipantJoined(revision + 1, participant)));
    }
    Set<String> connections =
        openConnections.computeIfAbsent(participant.id(), id -> new HashSet<>());
    boolean wasOffline = connections.isEmpty();
    connections.add(connectionId);
    if (wasOffline && events.isEmpty()) {
      events.add(record(new Event.PresenceChanged(revision + 1, participant.id(), true)));
    }
    if (keyHolder && membership.of(participant.id()) != Access.FACILITATOR) {
      // HS7 RO1: the key is the owner's; presenting it makes its holder a facilitator again.
      Event promoted =
          new Event.AccessChanged(
              revision + 1, null, participant.id(), participant.id(), Access.FACILITATOR);
      facilitation.replay(promoted);
      events.add(record(promoted));
    }
    boolean steers = facilitation.membership().steers(participant.id(), keyHolder);
    return new Admission.Admitted(participant.view(true), List.copyOf(events), revision, steers);
  }

  /** Closes one socket of a participant; the last one takes them offline (HS6). */
  public List<Event> leave(ParticipantId participantId, String connectionId) {
    Set<String> connections = openConnections.get(participantId);
    if (connections == null || !connections.remove(connectionId) || !connections.isEmpty()) {
      return List.of();
    }
    openConnections.remove(participantId);
    return List.of(record(new Event.PresenceChanged(revision + 1, participantId, false)));
  }

  /**
   * A node died with sockets open (HS6): its connections (ids starting with {@code nodeId/}) are
   * dropped, and whoever has no other connection left goes offline.
   */
  public List<Event> dropConnectionsOf(String nodeId) {
    String prefix = nodeId + "/";
    List<Event> events = new ArrayList<>();
    var entries = openConnections.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<ParticipantId, Set<String>> entry = entries.next();
      if (entry.getValue().removeIf(id -> id.startsWith(prefix)) && entry.getValue().isEmpty()) {
        entries.remove();
        events.add(record(new Event.PresenceChanged(revision + 1, entry.getKey(), false)));
      }
    }
    return events;
  }

  /** The event at a revision, while the history still holds it (empty or one event). */
  public List<Event> eventAt(long wanted) {
    for (Recorded recorded : history) {
      if (recorded.event().revision() == wanted) {
        return List.of(recorded.event());
      }
    }
    return List.of();
  }

  /** What a client at {@code lastRevision} needs to be up to date (HS5, SY1), for nobody. */
  public CatchUp catchUp(Long lastRevision) {
    return catchUp(lastRevision, null);
  }

  /**
   * What a client at {@code lastRevision} needs to be up to date (HS5, SY1): the missed events with
   * who may read each (PW1), or a snapshot as {@code reader} may see it (null: nobody).
   */
  public CatchUp catchUp(Long lastRevision, ParticipantId reader) {
    if (lastRevision != null && lastRevision <= revision) {
      long oldestKept = history.isEmpty() ? revision + 1 : history.peekFirst().event().revision();
      if (lastRevision >= oldestKept - 1) {
        List<Event> missed = new ArrayList<>();
        List<Visibility> visibilities = new ArrayList<>();
        for (Recorded recorded : history) {
          if (recorded.event().revision() > lastRevision) {
            missed.add(recorded.event());
            visibilities.add(recorded.visibility());
          }
        }
        return new CatchUp.Missed(revision, missed, visibilities);
      }
    }
    return snapshot(reader);
  }

  /** The live state as someone who owns no note sees it (PW1). */
  public CatchUp.Snapshot snapshot() {
    return snapshot(null);
  }

  /**
   * The live state as {@code reader} may see it (PW1, PW2, DV4): others' notes on a canvas in
   * private writing are left out and counted per canvas; on an anonymous canvas they come without
   * author; a secret vote shows only the reader's own dots.
   */
  public CatchUp.Snapshot snapshot(ParticipantId reader) {
    List<Note> visible = new ArrayList<>();
    Map<String, Integer> hidden = new TreeMap<>();
    liveNotes()
        .sorted(Comparator.comparingLong(Note::z))
        .forEach(
            note -> {
              boolean own = note.createdBy() != null && note.createdBy().equals(reader);
              if (own) {
                visible.add(note);
              } else if (facilitation.isPrivate(note.canvasId())) {
                hidden.merge(note.canvasId(), 1, Integer::sum);
              } else if (facilitation.isAnonymous(note.canvasId())) {
                visible.add(note.withoutAuthor());
              } else {
                visible.add(note);
              }
            });
    List<ParticipantView> people =
        participants.values().stream()
            .filter(p -> isParticipant(p.id()))
            .map(p -> p.view(isOnline(p.id())))
            .toList();
    return new CatchUp.Snapshot(
        revision, visible, people, facilitation.state().live().readBy(reader), hidden);
  }

  /** Notes that are not deleted and whose canvas is not either (NT3, CV3). */
  private Stream<Note> liveNotes() {
    return notes.values().stream()
        .filter(note -> !note.deleted() && facilitation.isLiveCanvas(note.canvasId()));
  }

  /** What an export carries (EX1): live notes, participants, and what the facilitator set up. */
  public WorkshopContent content() {
    // PW2: an anonymous canvas stays anonymous in every export.
    List<Note> live =
        liveNotes()
            .map(note -> facilitation.isAnonymous(note.canvasId()) ? note.withoutAuthor() : note)
            .toList();
    return new WorkshopContent(
        List.copyOf(participants.values()), live, facilitation.state().live());
  }

  /** Fills a new, empty workshop with an export's content, as one event (EX2). */
  public Event importContent(WorkshopContent content) {
    if (revision != 0) {
      throw new InvalidValueException("only a new, empty workshop can take an import");
    }
    Event event = new Event.ContentImported(revision + 1, content);
    install(content);
    // Not kept in the catch-up history: whoever comes later starts from a snapshot (HS5).
    revision = event.revision();
    return event;
  }

  private void install(WorkshopContent content) {
    notes.clear();
    participants.clear();
    content.participants().forEach(p -> participants.put(p.id(), p));
    content.notes().forEach(note -> notes.put(note.id(), note));
    highestZ = content.notes().stream().mapToLong(Note::z).max().orElse(0);
    facilitation.replay(new Event.ContentImported(revision, content));
  }

  /**
   * RO6: who may use the facilitator's HTTP routes. {@code secretHash} is the hash of the bearer
   * secret a request presented: the workshop's key (always, as for sockets: HS7), or the token of a
   * person whose access is facilitator now and who was not removed. Every comparison takes the same
   * time whatever the input (Secrets).
   */
  public Authority authority(String secretHash) {
    if (secretHash == null) {
      return new Authority(facts, false);
    }
    if (Secrets.constantTimeEquals(secretHash, facts.facilitatorKeyHash())) {
      return new Authority(facts, true);
    }
    Membership membership = facilitation.membership();
    boolean facilitator =
        findByTokenHash(secretHash)
            .filter(p -> !membership.isRemoved(p.id()))
            .map(p -> membership.of(p.id()) == Access.FACILITATOR)
            .orElse(false);
    return new Authority(facts, facilitator);
  }

  /** A person of the workshop whom the facilitator has not removed (RO5). */
  public boolean isParticipant(ParticipantId id) {
    return participants.containsKey(id) && !facilitation.membership().isRemoved(id);
  }

  private boolean isOnline(ParticipantId id) {
    Set<String> connections = openConnections.get(id);
    return connections != null && !connections.isEmpty();
  }

  private Optional<Participant> findByTokenHash(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return participants.values().stream()
        .filter(p -> Secrets.constantTimeEquals(p.tokenHash(), tokenHash))
        .findFirst();
  }

  private Outcome.Rejected reject(Change change, RejectionCode code, String message) {
    return new Outcome.Rejected(change.changeId(), code, message);
  }

  private Event record(Event event) {
    return record(event, Visibility.PUBLIC);
  }

  private Event record(Event event, Visibility visibility) {
    revision = event.revision();
    history.addLast(new Recorded(event, visibility));
    if (history.size() > HISTORY_LIMIT) {
      history.removeFirst();
    }
    return event;
  }

  /** What must outlive a restart (see {@link Checkpoint}). */
  public Checkpoint checkpoint() {
    return new Checkpoint(
        facts,
        revision,
        highestZ,
        List.copyOf(notes.values()),
        List.copyOf(participants.values()),
        appliedChanges.list(),
        facilitation.state());
  }

  /** A workshop as a checkpoint left it: nobody connected, no history (HS5 gives snapshots). */
  public static WorkshopState restore(Checkpoint checkpoint) {
    WorkshopFacts facts = checkpoint.facts();
    Facilitation facilitation =
        checkpoint.facilitation() == null // a checkpoint from before canvases existed
            ? Facilitation.startingWith(facts.language(), facts.createdAt())
            : Facilitation.restore(checkpoint.facilitation());
    WorkshopState state = new WorkshopState(facts, facilitation);
    state.revision = checkpoint.revision();
    state.highestZ = checkpoint.highestZ();
    checkpoint.notes().forEach(note -> state.notes.put(note.id(), note));
    checkpoint.participants().forEach(p -> state.participants.put(p.id(), p));
    checkpoint
        .appliedChanges()
        .forEach(applied -> state.appliedChanges.remember(applied.changeId(), applied.revision()));
    return state;
  }

  /**
   * Applies a journaled event again, after a restart. Events come in revision order; one that is
   * missing (never made durable, so never acknowledged) is skipped over, and an event that no
   * longer applies (an update of a note that was never created) changes nothing but the revision.
   * Presence is not replayed: after a restart nobody is connected.
   */
  public void replay(Event event) {
    if (event.revision() <= revision) {
      throw new InvalidValueException(
          "event " + event.revision() + " replayed at revision " + revision);
    }
    if (event instanceof Event.NoteCreated created) {
      notes.put(created.note().id(), created.note());
      highestZ = Math.max(highestZ, created.note().z());
    } else if (event instanceof Event.NoteUpdated updated) {
      Note note = notes.get(updated.noteId());
      if (note != null) {
        notes.put(note.id(), note.with(updated.set()));
        if (updated.set().z() != null) {
          highestZ = Math.max(highestZ, updated.set().z());
        }
      }
    } else if (event instanceof Event.NoteDeleted deleted) {
      Note note = notes.get(deleted.noteId());
      if (note != null) {
        notes.put(note.id(), note.asTombstone());
      }
      facilitation.replay(deleted);
    } else if (event instanceof Event.ClusterMoved moved) {
      moveNotes(moved);
    } else if (event instanceof Event.ParticipantJoined joined) {
      participants.put(joined.participant().id(), joined.participant());
    } else if (event instanceof Event.ContentImported imported) {
      install(imported.content());
    } else {
      facilitation.replay(event);
    }
    revision = event.revision();
    if (event.changeId() != null) {
      appliedChanges.remember(event.changeId(), revision);
    }
  }

  /** An event of the catch-up history, with who may read it as it is (PW1). */
  private record Recorded(Event event, Visibility visibility) implements Serializable {}

  /** A person entering for the first time: the id and name the application chose for them. */
  public record Newcomer(ParticipantId id, String name) implements Serializable {
    public Newcomer {
      name = Checks.label(name, Checks.MAX_NAME, "displayName");
    }
  }

  /** A bounded memory of applied change ids, oldest forgotten first. */
  private static final class RecentChanges implements Serializable {
    private final int capacity;
    private final LinkedHashMap<String, Long> revisions = new LinkedHashMap<>();

    RecentChanges(int capacity) {
      this.capacity = capacity;
    }

    Long revisionOf(String changeId) {
      return revisions.get(changeId);
    }

    List<Checkpoint.AppliedChange> list() {
      return revisions.entrySet().stream()
          .map(e -> new Checkpoint.AppliedChange(e.getKey(), e.getValue()))
          .toList();
    }

    void remember(String changeId, long revision) {
      revisions.put(changeId, revision);
      if (revisions.size() > capacity) {
        Map.Entry<String, Long> eldest = revisions.entrySet().iterator().next();
        revisions.remove(eldest.getKey());
      }
    }
  }
}
