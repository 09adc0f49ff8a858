// The client side of docs/protocol.md, rules SY1 to SY4, with no DOM and no socket: a confirmed
// state built from revisioned events in revision order, and the changes this tab made that the
// server has not confirmed yet, drawn on top. Node tests drive it with the protocol examples.

import { applyClusterChange, applyClusterEvent, clusterOfNote, dropCanvasClusters, keepRevealed, moveNotes, placeNotes } from './clusters.js';
import { isOpen, refusalOf, voteOf, withDot } from './dot-votes.js';

/** How long a hole in the revisions may last before the client asks for a catch-up (SY4). */
export const GAP_TIMEOUT_MS = 2000;

const NOTE_PROPERTIES = ['x', 'y', 'width', 'height', 'text', 'color', 'z', 'locked'];
const NOTE_CHANGES = ['create_note', 'update_note', 'delete_note', 'bring_note_to_front', 'lock_note'];
const FACILITATION_CHANGES = [
  'create_canvas',
  'rename_canvas',
  'delete_canvas',
  'assign_group',
  'set_role',
  'set_attendance',
  'set_access',
  'set_canvas_privacy',
  'lock_workshop',
  'set_passcode',
  'remove_participant',
  'set_agenda',
  'go_to_step',
  'set_roaming',
  'focus_pillar',
  'command_timer',
  'set_speaking_order',
  'raise_hand',
  'lower_hand',
  'answer_hand',
  'configure_round',
  'start_round',
  'next_turn',
  'previous_turn',
  'pass_turn',
  'end_turn',
  'pause_round',
  'resume_round',
  'add_turn_time',
  'end_round',
  'lock_canvas',
  'create_cluster',
  'rename_cluster',
  'add_to_cluster',
  'remove_from_cluster',
  'dissolve_cluster',
  'move_cluster',
  'open_vote',
  'close_vote',
  'clear_vote',
  'place_dot',
  'remove_dot',
];
const NOTE_CHANGE_TYPES = new Set(NOTE_CHANGES);
const CHANGE_TYPES = new Set([...NOTE_CHANGES, ...FACILITATION_CHANGES]);
const REVISIONED_TYPES = new Set([
  'note_created',
  'note_updated',
  'note_deleted',
  'participant_joined',
  'presence_changed',
  'canvas_created',
  'canvas_renamed',
  'canvas_deleted',
  'group_assigned',
  'role_set',
  'attendance_changed',
  'access_changed',
  'canvas_privacy_changed',
  'hidden',
  'workshop_locked',
  'passcode_changed',
  'participant_removed',
  'agenda_set',
  'progress_changed',
  'timer_changed',
  'round_table_changed',
  'canvas_locked',
  'cluster_changed',
  'cluster_dissolved',
  'cluster_moved',
  'vote_opened',
  'dot_placed',
  'dot_removed',
  'vote_closed',
  'vote_cleared',
]);

/** What a workshop holds before its snapshot arrives (CV1, AG2, TM1). */
export const NO_PROGRESS = Object.freeze({
  currentStepId: null,
  stepStartedAt: null,
  agendaStartedAt: null,
  roaming: false,
  focusPillar: null,
});
export const STOPPED_TIMER = Object.freeze({ status: 'stopped', durationMs: 0, deadline: null, remainingMs: null });
/** A round table with nobody in the order and no round (RT8). */
export const NO_ROUND_TABLE = Object.freeze({
  order: [],
  hands: [],
  turnMs: 120000,
  warningMs: 15000,
  startedAt: null,
  endedAt: null,
  current: null,
  passed: [],
  turns: [],
});

export class SyncEngine {
  /** @param {{now?: () => number}} [options] a clock, replaceable in tests */
  constructor({ now = () => Date.now() } = {}) {
    this.now = now;
    this.confirmedRevision = null;
    this.confirmedNotes = new Map();
    this.participants = new Map();
    this.confirmedArrangement = emptyArrangement();
    this.pending = new Map(); // changeId -> change message, in the order they were made
    this.acked = new Map(); // changeId -> revision: acknowledged, but its event is not applied yet
    this.held = new Map(); // revision -> event that arrived ahead of a gap
    this.gapSince = null;
    this.drawn = null; // cache of notes(), dropped on every change
    // Cache of arrangement(), dropped only when the arrangement changes: a note moving (the hot
    // path, many times a second) keeps it, so its users can skip work by comparing identities.
    this.arranged = null;
    this.selfId = null; // this tab's participant, once welcomed: its own role markers (RM1)
    this.listeners = new Set();
  }

  /** Called with a short reason after anything that changes what is drawn. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** SY2: a change of this tab, shown at once and kept until the server confirms or refuses it. */
  propose(change) {
    if (!CHANGE_TYPES.has(change.type) || typeof change.changeId !== 'string') {
      throw new Error(`Not a change: ${JSON.stringify(change)}`);
    }
    this.pending.set(change.changeId, change);
    if (!NOTE_CHANGE_TYPES.has(change.type)) this.arranged = null;
    this.changed('local');
    return change;
  }

  /** SY3: what must be sent again, in order, after a reconnect. */
  pendingChanges() {
    return [...this.pending.values()].filter((change) => !this.acked.has(change.changeId));
  }

  /** Changes the server has not acknowledged yet: what "N unsent" counts (SY5). */
  pendingCount() {
    return this.pending.size - this.acked.size;
  }

  /**
   * Takes one server message. Returns what the caller may need to act on: an `error` for one of
   * this tab's changes (so the UI can say so), or nothing.
   */
  receive(message) {
    switch (message.type) {
      case 'snapshot':
        return this.takeSnapshot(message);
      case 'synced':
        // HS5: every catch-up event precedes synced. Still behind it means something was lost
        // on the way: ask again now rather than after the 2 s gap timeout (SY4).
        if (this.confirmedRevision === null || this.confirmedRevision < message.revision) {
          this.gapSince = this.now() - GAP_TIMEOUT_MS;
        }
        return null;
      case 'ack':
        // The event may still be held behind a gap: the change stays drawn until it is applied,
        // so the note does not jump back for a moment.
        if (!this.pending.has(message.changeId)) return null;
        if (this.confirmedRevision !== null && message.revision <= this.confirmedRevision) {
          this.settle(message.changeId);
        } else {
          this.acked.set(message.changeId, message.revision);
        }
        this.changed('ack');
        return null;
      case 'error':
        // LM1: refused for its pace, not for what it does: it stays pending and goes again.
        if (message.code === 'rate_limited') return { rateLimited: message };
        if (message.changeId && this.settle(message.changeId)) {
          this.changed('refused');
          return { refused: message };
        }
        return null;
      default:
        if (REVISIONED_TYPES.has(message.type)) this.takeEvent(message);
        return null;
    }
  }

  /** SY4: true when a hole in the revisions has lasted long enough to ask for `sync`. */
  needsSync() {
    return this.gapSince !== null && this.now() - this.gapSince >= GAP_TIMEOUT_MS;
  }

  /**
   * Called once `sync` has been sent, so that the next request waits another full timeout. A tab
   * with nothing confirmed asked from 0 (SY1): the empty workshop at revision 0 becomes its base,
   * so the events from revision 1 on can be applied.
   */
  syncRequested() {
    if (this.gapSince !== null) this.gapSince = this.now();
    if (this.confirmedRevision === null) {
      this.confirmedRevision = 0;
      if (this.drain()) this.changed('event');
    }
  }

  /** The notes to draw: the confirmed ones with this tab's pending changes on top (SY2). */
  notes() {
    if (this.drawn === null) {
      const notes = new Map(this.confirmedNotes);
      const { clusters } = this.arrangement(); // a pending move_cluster moves the notes of its cluster
      for (const change of this.pending.values()) applyLocally(notes, change, clusters);
      this.drawn = [...notes.values()].sort((a, b) => a.z - b.z || compare(a.id, b.id));
    }
    return this.drawn;
  }

  note(id) {
    return this.notes().find((note) => note.id === id) ?? null;
  }

  /** The `z` a note brought to the front would get, as the server will compute it (NT4). */
  frontZ() {
    const notes = this.notes();
    return notes.length === 0 ? 1 : notes[notes.length - 1].z + 1;
  }

  participantList() {
    return [...this.participants.values()];
  }

  /**
   * PW1 PW2: entering private writing keeps only this person's notes of the canvas (the server
   * sends no others from now on, and a snapshot would not have them); a reveal brings them all.
   */
  changePrivacy(event) {
    const arranged = this.confirmedArrangement;
    if (event.private) {
      let hidden = 0;
      for (const [id, note] of this.confirmedNotes) {
        if (note.canvasId === event.canvasId && note.createdBy !== this.selfId) {
          this.confirmedNotes.delete(id);
          hidden += 1;
        }
      }
      arranged.privateCanvases.add(event.canvasId);
      arranged.hiddenNotes.set(event.canvasId, (arranged.hiddenNotes.get(event.canvasId) ?? 0) + hidden);
    } else {
      for (const note of event.notes ?? []) {
        const mine = this.confirmedNotes.get(note.id)?.createdBy;
        // An anonymous reveal names nobody; this tab still knows which notes are its own.
        this.confirmedNotes.set(note.id, { ...note, createdBy: note.createdBy ?? (mine === this.selfId ? mine : null) });
      }
      arranged.privateCanvases.delete(event.canvasId);
      arranged.hiddenNotes.delete(event.canvasId);
      keepRevealed(arranged.clusters, event.canvasId, (event.notes ?? []).map((note) => note.id)); // CL6
    }
    if (event.anonymous) arranged.anonymousCanvases.add(event.canvasId);
  }

  /** Called with the participant id of `welcome`. */
  welcomedAs(participantId) {
    this.selfId = participantId;
    this.arranged = null; // this tab's own role markers are drawn for it (RM1)
    this.changed('welcome');
  }

  /** Notes of one canvas, in drawing order (NT7). */
  notesOn(canvasId) {
    return this.notes().filter((note) => (note.canvasId ?? 'main') === canvasId);
  }

  /**
   * What the facilitator arranged, with this tab's pending changes on top (SY2): `canvases` (a
   * Map by id, in creation order), `groups` (participant id to canvas id), `roles` (a Map of
   * participant id to a Map of pillar to role), `agenda` (steps), `progress`, `timer`,
   * `roundTable` (RT8), `remote` (a Set of the ids of people taking part from a distance, AT1),
   * `clusters` (a Map by id, CL1) and `votes` (a Map of canvas id to its dot vote, DV1). A canvas
   * carries `locked` (LK1). Steps, the timer and turns move
   * only when the server says so: their times are the server's (AG2, TM1).
   */
  arrangement() {
    if (this.arranged === null) {
      const arranged = copyArrangement(this.confirmedArrangement);
      for (const change of this.pending.values()) arrangeLocally(arranged, change, this.selfId);
      this.arranged = arranged;
    }
    return this.arranged;
  }

  /** The canvas a participant's group works on, when it still exists (CV4). */
  groupOf(participantId) {
    const { groups, canvases } = this.arrangement();
    const canvasId = groups.get(participantId);
    return canvasId && canvases.has(canvasId) ? canvasId : null;
  }

  takeSnapshot(snapshot) {
    this.confirmedNotes = new Map(snapshot.notes.map((note) => [note.id, { ...note }]));
    this.participants = new Map(snapshot.participants.map((p) => [p.id, { ...p }]));
    this.confirmedArrangement = arrangementOf(snapshot);
    this.arranged = null;
    this.confirmedRevision = snapshot.revision;
    for (const revision of this.held.keys()) {
      if (revision <= snapshot.revision) this.held.delete(revision);
    }
    this.gapSince = null; // A gap still open after the snapshot gets its own full wait.
    this.drain();
    this.settleAcked();
    this.changed('snapshot');
    return null;
  }

  takeEvent(event) {
    if (this.confirmedRevision !== null && event.revision <= this.confirmedRevision) return;
    this.held.set(event.revision, event);
    if (this.drain()) this.changed('event');
  }

  /** The revision sync asks from: a workshop at revision 0 is empty, so "nothing" is 0. */
  syncFrom() {
    return this.confirmedRevision ?? 0;
  }

  drain() {
    let applied = false;
    // Nothing confirmed: events wait for the snapshot (HS5) or for a sync from 0 (SY1).
    while (this.confirmedRevision !== null && this.held.has(this.confirmedRevision + 1)) {
      const event = this.held.get(this.confirmedRevision + 1);
      this.held.delete(event.revision);
      this.apply(event);
      this.confirmedRevision = event.revision;
      applied = true;
    }
    this.gapSince = this.held.size === 0 ? null : (this.gapSince ?? this.now());
    if (applied) this.settleAcked();
    return applied;
  }

  apply(event) {
    switch (event.type) {
      case 'note_created':
        this.confirmedNotes.set(event.note.id, { ...event.note });
        break;
      case 'note_updated': {
        const note = this.confirmedNotes.get(event.noteId);
        if (note) this.confirmedNotes.set(event.noteId, { ...note, ...pickProperties(event.set) });
        break;
      }
      case 'note_deleted':
        this.confirmedNotes.delete(event.noteId);
        // CL4: the note leaves its cluster (the arrangement changes only when it was in one).
        if (clusterOfNote(this.confirmedArrangement.clusters, event.noteId)) {
          applyClusterEvent(this.confirmedArrangement.clusters, event);
          this.arranged = null;
        }
        break;
      case 'cluster_moved':
        placeNotes(this.confirmedNotes, event.positions); // CL5: every note at once
        break;
      case 'participant_joined':
        this.participants.set(event.participant.id, { ...event.participant });
        break;
      case 'presence_changed': {
        const participant = this.participants.get(event.participantId);
        if (participant) this.participants.set(participant.id, { ...participant, online: event.online });
        break;
      }
      case 'hidden':
        // PW1: someone else's note on a canvas in private writing: only a count moves.
        countHidden(this.confirmedArrangement, event.canvasId, event.change === 'created' ? 1 : event.change === 'deleted' ? -1 : 0);
        this.arranged = null;
        break;
      case 'canvas_privacy_changed':
        this.changePrivacy(event);
        this.arranged = null;
        break;
      case 'participant_removed':
        // RO5: they leave the snapshot's people, so they leave this list too.
        this.participants.delete(event.member);
        arrangeConfirmed(this.confirmedArrangement, event);
        this.arranged = null;
        break;
      case 'canvas_deleted':
        // CV3: the canvas's notes leave with it, as they leave snapshots.
        for (const [id, note] of this.confirmedNotes) {
          if (note.canvasId === event.canvasId) this.confirmedNotes.delete(id);
        }
        arrangeConfirmed(this.confirmedArrangement, event);
        this.arranged = null;
        break;
      default:
        arrangeConfirmed(this.confirmedArrangement, event);
        this.arranged = null;
        break;
    }
    if (event.changeId) this.settle(event.changeId);
  }

  settle(changeId) {
    this.acked.delete(changeId);
    const change = this.pending.get(changeId);
    if (change && !NOTE_CHANGE_TYPES.has(change.type)) this.arranged = null;
    return this.pending.delete(changeId);
  }

  /** Acknowledged changes whose revision is now confirmed are part of the confirmed state. */
  settleAcked() {
    for (const [changeId, revision] of this.acked) {
      if (revision <= this.confirmedRevision) this.settle(changeId);
    }
  }

  changed(reason) {
    this.drawn = null;
    for (const listener of this.listeners) listener(reason);
  }
}

/** A change drawn before the server confirms it; the server's answer replaces it (NT2, NT4). */
function applyLocally(notes, change, clusters) {
  const note = notes.get(change.noteId);
  switch (change.type) {
    case 'create_note': {
      if (note) return; // NT1: the server will refuse it; the confirmed note stays.
      const z = Math.max(0, ...[...notes.values()].map((n) => n.z)) + 1;
      const { x, y, width, height, text, color } = change;
      const canvasId = change.canvasId ?? 'main';
      notes.set(change.noteId, { id: change.noteId, canvasId, x, y, width, height, text, color, z, createdBy: null });
      return;
    }
    case 'update_note':
      if (note) notes.set(note.id, { ...note, ...pickProperties(change.set) });
      return;
    case 'delete_note':
      notes.delete(change.noteId);
      return;
    case 'bring_note_to_front':
      if (note) notes.set(note.id, { ...note, z: Math.max(...[...notes.values()].map((n) => n.z)) + 1 });
      return;
    case 'lock_note':
      if (note) notes.set(note.id, { ...note, locked: change.locked });
      return;
    case 'move_cluster':
      moveNotes(notes, clusters.get(change.clusterId), change.dx, change.dy);
      return;
    default:
      return;
  }
}

function emptyArrangement() {
  return {
    canvases: new Map(),
    groups: new Map(),
    roles: new Map(),
    agenda: [],
    progress: NO_PROGRESS,
    timer: STOPPED_TIMER,
    roundTable: NO_ROUND_TABLE,
    remote: new Set(),
    access: new Map(),
    locked: false,
    passcodeRequired: false,
    privateCanvases: new Set(),
    anonymousCanvases: new Set(),
    hiddenNotes: new Map(),
    clusters: new Map(),
    votes: new Map(), // DV: canvas id -> its vote, open or closed
  };
}

function arrangementOf(snapshot) {
  const arranged = emptyArrangement();
  for (const canvas of snapshot.canvases ?? []) arranged.canvases.set(canvas.id, { ...canvas });
  for (const [member, canvasId] of Object.entries(snapshot.groups ?? {})) arranged.groups.set(member, canvasId);
  for (const { participantId, pillar, role } of snapshot.roles ?? []) setRole(arranged, participantId, pillar, role);
  arranged.agenda = (snapshot.agenda ?? []).map((step) => ({ ...step }));
  arranged.progress = { ...NO_PROGRESS, ...(snapshot.progress ?? {}) };
  arranged.timer = { ...STOPPED_TIMER, ...(snapshot.timer ?? {}) };
  arranged.roundTable = { ...NO_ROUND_TABLE, ...(snapshot.roundTable ?? {}) };
  arranged.remote = new Set(snapshot.remote ?? []);
  arranged.access = new Map(Object.entries(snapshot.access ?? {}));
  arranged.locked = snapshot.locked === true;
  arranged.passcodeRequired = snapshot.passcodeRequired === true;
  arranged.privateCanvases = new Set(snapshot.privateCanvases ?? []);
  arranged.anonymousCanvases = new Set(snapshot.anonymousCanvases ?? []);
  arranged.hiddenNotes = new Map(Object.entries(snapshot.hiddenNotes ?? {}));
  for (const cluster of snapshot.clusters ?? []) arranged.clusters.set(cluster.id, { ...cluster, noteIds: [...cluster.noteIds] });
  arranged.votes = new Map((snapshot.votes ?? []).map((vote) => [vote.canvasId, voteOf(vote)]));
  return arranged;
}

function copyArrangement(arranged) {
  const roles = new Map();
  for (const [participantId, pillars] of arranged.roles) roles.set(participantId, new Map(pillars));
  return {
    ...arranged,
    canvases: new Map(arranged.canvases),
    groups: new Map(arranged.groups),
    roles,
    remote: new Set(arranged.remote),
    access: new Map(arranged.access),
    privateCanvases: new Set(arranged.privateCanvases),
    anonymousCanvases: new Set(arranged.anonymousCanvases),
    hiddenNotes: new Map(arranged.hiddenNotes),
    clusters: new Map(arranged.clusters), // clusters are replaced, never changed in place
    votes: new Map(arranged.votes),
  };
}

/** A revisioned event about canvases, groups, roles, the agenda or the timer (CV, RM, AG, TM). */
function arrangeConfirmed(arranged, event) {
  switch (event.type) {
    case 'canvas_created':
      arranged.canvases.set(event.canvas.id, { ...event.canvas });
      return;
    case 'canvas_renamed': {
      const canvas = arranged.canvases.get(event.canvasId);
      if (canvas) arranged.canvases.set(canvas.id, { ...canvas, name: event.name });
      return;
    }
    case 'canvas_deleted':
      dropCanvas(arranged, event.canvasId);
      return;
    case 'group_assigned':
      assign(arranged, event.member, event.canvasId);
      return;
    case 'role_set':
      setRole(arranged, event.participantId, event.pillar, event.role);
      return;
    case 'attendance_changed':
      attend(arranged, event.member, event.remote);
      return;
    case 'access_changed':
      arranged.access.set(event.member, event.access);
      return;
    case 'workshop_locked':
      arranged.locked = event.locked;
      return;
    case 'passcode_changed':
      arranged.passcodeRequired = event.required;
      return;
    case 'participant_removed':
      forget(arranged, event.member);
      return;
    case 'agenda_set':
      arranged.agenda = event.steps.map((step) => ({ ...step }));
      return;
    case 'progress_changed':
      arranged.progress = { ...event.progress };
      return;
    case 'timer_changed':
      arranged.timer = { ...event.timer };
      return;
    case 'round_table_changed':
      arranged.roundTable = { ...NO_ROUND_TABLE, ...event.roundTable };
      return;
    case 'canvas_locked':
      lockCanvas(arranged, event.canvasId, event.locked);
      return;
    case 'cluster_changed':
    case 'cluster_dissolved':
      applyClusterEvent(arranged.clusters, event);
      return;
    case 'vote_opened':
    case 'dot_placed':
    case 'dot_removed':
    case 'vote_closed':
    case 'vote_cleared':
      changeVote(arranged, event);
      return;
    default:
      return;
  }
}

/** DV1 to DV3: a vote event on the canvas's vote; events of a vote no longer there change nothing. */
function changeVote(arranged, event) {
  if (event.type === 'vote_opened') {
    arranged.votes.set(event.vote.canvasId, voteOf(event.vote));
    return;
  }
  const vote = arranged.votes.get(event.canvasId);
  if (!vote || vote.id !== event.voteId) return;
  if (event.type === 'vote_cleared') arranged.votes.delete(event.canvasId);
  else if (event.type === 'vote_closed') arranged.votes.set(event.canvasId, { ...vote, closedAt: event.closedAt, results: [...event.results] });
  else arranged.votes.set(event.canvasId, withDot(vote, event.participantId, event.noteId, event.type === 'dot_placed' ? 1 : -1));
}

/** A pending change drawn before the server confirms it (SY2). Times stay the server's. */
function arrangeLocally(arranged, change, selfId) {
  switch (change.type) {
    case 'create_canvas':
      if (!arranged.canvases.has(change.canvasId)) {
        arranged.canvases.set(change.canvasId, {
          id: change.canvasId,
          name: change.name,
          template: change.template,
          createdAt: null,
          locked: false,
        });
      }
      return;
    case 'rename_canvas': {
      const canvas = arranged.canvases.get(change.canvasId);
      if (canvas) arranged.canvases.set(canvas.id, { ...canvas, name: change.name });
      return;
    }
    case 'delete_canvas':
      dropCanvas(arranged, change.canvasId);
      return;
    case 'assign_group':
      assign(arranged, change.participantId, change.canvasId);
      return;
    case 'set_role':
      if (selfId) setRole(arranged, selfId, change.pillar, change.role);
      return;
    case 'set_attendance':
      attend(arranged, change.participantId, change.remote);
      return;
    case 'set_access': // RO1: a badge or a hand-over shows at once, as any change does (SY2)
      arranged.access.set(change.participantId, change.access);
      return;
    case 'lock_workshop':
      arranged.locked = change.locked;
      return;
    case 'set_agenda':
      arranged.agenda = change.steps.map((step) => ({ ...step }));
      return;
    case 'set_roaming':
      arranged.progress = { ...arranged.progress, roaming: change.roaming };
      return;
    case 'focus_pillar':
      arranged.progress = { ...arranged.progress, focusPillar: change.pillar };
      return;
    case 'set_speaking_order': {
      const order = change.participantIds;
      const table = arranged.roundTable;
      arranged.roundTable = { ...table, order: [...order], hands: table.hands.filter((id) => !order.includes(id)) };
      return;
    }
    case 'lock_canvas':
      lockCanvas(arranged, change.canvasId, change.locked);
      return;
    case 'create_cluster':
    case 'rename_cluster':
    case 'add_to_cluster':
    case 'remove_from_cluster':
    case 'dissolve_cluster':
      applyClusterChange(arranged.clusters, change);
      return;
    case 'place_dot':
    case 'remove_dot':
      if (selfId) castLocally(arranged, change, selfId);
      return;
    default:
      // go_to_step, command_timer and the steps of a round carry the server's time: drawn when
      // confirmed. Hands wait for the server too, which decides whether they may be raised (RT2).
      // A vote opens, closes and is cleared when the server says so (DV1, DV3).
      return;
  }
}

/** DV2: this tab's own dot, drawn at once when the server would take it (its notes: all live). */
function castLocally(arranged, change, selfId) {
  for (const [canvasId, vote] of arranged.votes) {
    if (vote.id !== change.voteId || !isOpen(vote)) continue;
    const placed = change.type === 'place_dot';
    if (refusalOf(vote, selfId, change.noteId, new Set(vote.noteIds), placed) === null) {
      arranged.votes.set(canvasId, withDot(vote, selfId, change.noteId, placed ? 1 : -1));
    }
  }
}

function dropCanvas(arranged, canvasId) {
  arranged.canvases.delete(canvasId);
  dropCanvasClusters(arranged.clusters, canvasId);
  arranged.votes.delete(canvasId); // CV3: its vote goes with it
  for (const [member, group] of [...arranged.groups]) {
    if (group === canvasId) arranged.groups.delete(member);
  }
}

function lockCanvas(arranged, canvasId, locked) {
  const canvas = arranged.canvases.get(canvasId);
  if (canvas) arranged.canvases.set(canvasId, { ...canvas, locked });
}

function assign(arranged, member, canvasId) {
  if (canvasId === null) arranged.groups.delete(member);
  else arranged.groups.set(member, canvasId);
}

function countHidden(arranged, canvasId, delta) {
  const count = Math.max(0, (arranged.hiddenNotes.get(canvasId) ?? 0) + delta);
  if (count === 0) arranged.hiddenNotes.delete(canvasId);
  else arranged.hiddenNotes.set(canvasId, count);
}

/** RO5: a removed person leaves every arrangement, as the server's model does. */
function forget(arranged, member) {
  arranged.groups.delete(member);
  arranged.roles.delete(member);
  arranged.remote.delete(member);
  arranged.access.delete(member);
  const table = arranged.roundTable;
  arranged.roundTable = {
    ...table,
    order: table.order.filter((id) => id !== member),
    hands: table.hands.filter((id) => id !== member),
    passed: table.passed.filter((id) => id !== member),
  };
}

function attend(arranged, participantId, remote) {
  if (remote) arranged.remote.add(participantId);
  else arranged.remote.delete(participantId);
}

function setRole(arranged, participantId, pillar, role) {
  const pillars = new Map(arranged.roles.get(participantId) ?? []);
  if (role === null) pillars.delete(pillar);
  else pillars.set(pillar, role);
  if (pillars.size === 0) arranged.roles.delete(participantId);
  else arranged.roles.set(participantId, pillars);
}

function pickProperties(set) {
  const picked = {};
  for (const key of NOTE_PROPERTIES) {
    if (set[key] !== undefined && set[key] !== null) picked[key] = set[key];
  }
  return picked;
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
