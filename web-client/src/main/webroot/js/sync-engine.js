// The client side of docs/protocol.md, rules SY1 to SY4, with no DOM and no socket: a confirmed
// state built from revisioned events in revision order, and the changes this tab made that the
// server has not confirmed yet, drawn on top. Node tests drive it with the protocol examples.

/** How long a hole in the revisions may last before the client asks for a catch-up (SY4). */
export const GAP_TIMEOUT_MS = 2000;

const NOTE_PROPERTIES = ['x', 'y', 'width', 'height', 'text', 'color', 'z'];
const CHANGE_TYPES = new Set(['create_note', 'update_note', 'delete_note', 'bring_note_to_front']);
const REVISIONED_TYPES = new Set([
  'note_created',
  'note_updated',
  'note_deleted',
  'participant_joined',
  'presence_changed',
]);

export class SyncEngine {
  /** @param {{now?: () => number}} [options] a clock, replaceable in tests */
  constructor({ now = () => Date.now() } = {}) {
    this.now = now;
    this.confirmedRevision = null;
    this.confirmedNotes = new Map();
    this.participants = new Map();
    this.pending = new Map(); // changeId -> change message, in the order they were made
    this.acked = new Map(); // changeId -> revision: acknowledged, but its event is not applied yet
    this.held = new Map(); // revision -> event that arrived ahead of a gap
    this.gapSince = null;
    this.drawn = null; // cache of notes(), dropped on every change
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
      for (const change of this.pending.values()) applyLocally(notes, change);
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

  takeSnapshot(snapshot) {
    this.confirmedNotes = new Map(snapshot.notes.map((note) => [note.id, { ...note }]));
    this.participants = new Map(snapshot.participants.map((p) => [p.id, { ...p }]));
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
        break;
      case 'participant_joined':
        this.participants.set(event.participant.id, { ...event.participant });
        break;
      case 'presence_changed': {
        const participant = this.participants.get(event.participantId);
        if (participant) this.participants.set(participant.id, { ...participant, online: event.online });
        break;
      }
      default:
        break;
    }
    if (event.changeId) this.settle(event.changeId);
  }

  settle(changeId) {
    this.acked.delete(changeId);
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
function applyLocally(notes, change) {
  const note = notes.get(change.noteId);
  switch (change.type) {
    case 'create_note': {
      if (note) return; // NT1: the server will refuse it; the confirmed note stays.
      const z = Math.max(0, ...[...notes.values()].map((n) => n.z)) + 1;
      const { x, y, width, height, text, color } = change;
      notes.set(change.noteId, { id: change.noteId, x, y, width, height, text, color, z, createdBy: null });
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
    default:
      return;
  }
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
