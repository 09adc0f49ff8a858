// Undo and redo of this tab's own note changes (docs/protocol.md, UN1 to UN6), with no DOM and no
// socket. Every note change the tab proposes is recorded as a step: what it set, and what was there
// before. Undoing a step builds new changes (new changeIds) that put back, one group of properties
// at a time, only what nobody else has changed since; redoing does the same the other way. The
// server stays the authority: the caller proposes these changes through connection.send like any
// other, and tells the history which of them the server refused.

import * as messages from './protocol.js';

/** Steps kept per tab and workshop; past it, the oldest step is forgotten (UN1). */
export const HISTORY_LIMIT = 100;

/** Arrow-key moves of one note that follow each other within this long are one step (UN1). */
export const NUDGE_IDLE_MS = 1000;

/**
 * The properties a step checks and puts back together (UN2). Someone else moving a note blocks
 * undoing my move of it, not my change of its colour.
 */
export const GROUPS = Object.freeze({
  position: ['x', 'y'],
  size: ['width', 'height'],
  text: ['text'],
  color: ['color'],
});
const GROUP_NAMES = Object.keys(GROUPS);
const NOTE_FIELDS = GROUP_NAMES.flatMap((group) => GROUPS[group]);
const KIND_OF_GROUP = { position: 'move', size: 'resize', text: 'text', color: 'color' };

/**
 * @typedef {object} Board what the history reads of the shared state, as this tab draws it (SY2)
 * @property {(noteId: string) => object|null} note a live note, or null (deleted or never seen)
 * @property {(canvasId: string) => object[]} notesOn the live notes of a canvas, in drawing order
 * @property {(canvasId: string) => boolean} hasCanvas whether the canvas is live (NT7, CV3)
 * @property {(canvasId: string) => boolean} [hidesOthersOn] whether the canvas is in private writing (PW1)
 * @property {() => string|null} [selfId] this tab's participant
 *
 * @typedef {object} Outcome what an undo or a redo did, for the caller to send and to say
 * @property {'undo'|'redo'} direction
 * @property {'done'|'partial'|'skipped'|'nothing'} status
 * @property {string|null} kind the step's kind: create, delete, move, resize, text, color, front, edit
 * @property {object[]} changes the changes to propose, in order
 * @property {string[]} reasons why a group was left alone: position, size, text, color, order,
 *   deleted (someone deleted the note), canvas (its canvas is gone) or private (the note is not
 *   shown during private writing, PW1)
 * @property {string[]} notices `author`: a note written by someone else came back under my name
 */

export class UndoHistory {
  /** @param {{ids: ReturnType<typeof messages.idFactory>, limit?: number}} options */
  constructor({ ids, limit = HISTORY_LIMIT }) {
    this.ids = ids;
    this.limit = limit;
    this.undoable = []; // oldest first; the last one is the next undo
    this.redoable = []; // the last one is the next redo
    this.sealed = false; // after an undo or a redo, the next change starts a step of its own
  }

  canUndo() {
    return this.undoable.length > 0;
  }

  canRedo() {
    return this.redoable.length > 0;
  }

  /** The kind of the step the next undo takes back, or null: what its button says. */
  nextUndo() {
    return this.undoable.at(-1)?.kind ?? null;
  }

  nextRedo() {
    return this.redoable.at(-1)?.kind ?? null;
  }

  /**
   * Records a note change this tab is about to propose; called before it is drawn, so that
   * `board` still shows what was there before. Changes of one session (a drag, an edit of the
   * text, the typing that follows a new note, arrow moves within `idleMs`) are one step. A change
   * that changes nothing visible is not a step. Returns true when the history changed.
   * @param {object} change a note change from protocol.js
   * @param {Board} board
   * @param {{session?: unknown, idleMs?: number|null, at?: number}} [context]
   */
  record(change, board, { session = null, idleMs = null, at = 0 } = {}) {
    const merged = this.merge(change, board, session, at);
    const step = merged ?? newStep(change, board);
    if (step === null) return false;
    if (!merged) {
      Object.assign(step, { session, idleMs, lastAt: at, dropped: new Set(), inverse: null });
      this.undoable.push(step);
      if (this.undoable.length > this.limit) this.undoable.shift();
    }
    this.redoable = []; // UN1: a new change of mine ends what could be redone
    this.sealed = false;
    return true;
  }

  /** UN2 to UN4: takes back the last step, as far as nobody else changed it since. */
  undo(board) {
    return this.take(this.undoable, this.redoable, board, 'undo');
  }

  /** Does the last undone step again, under the same rule. */
  redo(board) {
    return this.take(this.redoable, this.undoable, board, 'redo');
  }

  /**
   * UN5: the server refused one of this tab's changes. A refused change of a step is taken out of
   * it (a step left with nothing is forgotten); a step whose undo or redo was refused in full is
   * forgotten, since what it would put back is not what the board shows. Returns true when the
   * history changed.
   */
  refused(changeId) {
    for (const stack of [this.undoable, this.redoable]) {
      for (const step of stack) {
        if (step.inverse?.ids.includes(changeId)) {
          step.inverse.refused += 1;
          if (step.inverse.refused === step.inverse.ids.length) forget(stack, step);
          return true;
        }
        const index = step.forward.findIndex((change) => change.changeId === changeId);
        if (index === -1) continue;
        if (step.forward[index].set === null) {
          forget(stack, step); // the creation, deletion or bringing to front itself
        } else {
          step.forward.splice(index, 1);
          settle(step);
          if (isEmpty(step)) forget(stack, step);
        }
        return true;
      }
    }
    return false;
  }

  /** UN3: a note re-created under a new id is that note for every step that names it. */
  remap(oldId, newId) {
    for (const step of [...this.undoable, ...this.redoable]) {
      if (step.noteId === oldId) step.noteId = newId;
      if (step.above) step.above = step.above.map((id) => (id === oldId ? newId : id));
    }
  }

  merge(change, board, session, at) {
    const top = this.undoable.at(-1);
    if (session === null || this.sealed || !top || top.session !== session) return null;
    if (change.type !== 'update_note' || change.noteId !== top.noteId) return null;
    if (top.type !== 'update' && top.type !== 'create') return null;
    if (top.idleMs !== null && at - top.lastAt > top.idleMs) return null;
    const note = board.note(change.noteId);
    if (!note) return null;
    if (top.type === 'update') {
      for (const key of Object.keys(change.set)) if (!(key in top.before)) top.before[key] = note[key];
    }
    top.forward.push({ changeId: change.changeId, set: { ...change.set } });
    top.lastAt = at;
    settle(top);
    return top;
  }

  take(from, to, board, direction) {
    const step = from.pop();
    if (!step) return { direction, status: 'nothing', kind: null, changes: [], reasons: [], notices: [] };
    this.sealed = true;
    const kind = step.kind;
    const { changes, reasons, notices = [] } = INVERSES[step.type][direction](step, board, this);
    if (changes.length === 0 && reasons.length > 0) {
      // UN4: a step that cannot be taken back at all is dropped, so the next one can be.
      return { direction, status: 'skipped', kind, changes, reasons, notices };
    }
    step.inverse = { ids: changes.map((change) => change.changeId), refused: 0 };
    to.push(step);
    return { direction, status: reasons.length > 0 ? 'partial' : 'done', kind, changes, reasons, notices };
  }
}

/** A new step for a change, or null when the change does nothing a person could want back. */
function newStep(change, board) {
  const forward = [{ changeId: change.changeId, set: null }];
  switch (change.type) {
    case 'create_note': {
      const base = { canvasId: canvasOf(change), ...pick(change, NOTE_FIELDS) };
      const step = { type: 'create', kind: 'create', noteId: change.noteId, canvasId: base.canvasId };
      return Object.assign(step, { base, after: { ...base }, forward });
    }
    case 'update_note': {
      const note = board.note(change.noteId);
      const keys = Object.keys(change.set);
      if (!note || keys.every((key) => note[key] === change.set[key])) return null;
      const set = { ...change.set };
      const step = { type: 'update', kind: kindOf(set), noteId: note.id, canvasId: canvasOf(note) };
      const made = [{ changeId: change.changeId, set }];
      return Object.assign(step, { before: pick(note, keys), after: set, forward: made });
    }
    case 'delete_note': {
      const note = board.note(change.noteId);
      if (!note) return null;
      const before = { canvasId: canvasOf(note), ...pick(note, NOTE_FIELDS) };
      const step = { type: 'delete', kind: 'delete', noteId: note.id, canvasId: before.canvasId };
      return Object.assign(step, { before, author: note.createdBy ?? null, forward });
    }
    case 'bring_note_to_front': {
      const note = board.note(change.noteId);
      if (!note) return null;
      const onCanvas = board.notesOn(canvasOf(note)).map((n) => n.id);
      const above = onCanvas.slice(onCanvas.indexOf(note.id) + 1);
      if (above.length === 0) return null; // already in front: nothing shows
      return { type: 'front', kind: 'front', noteId: note.id, canvasId: canvasOf(note), above, forward };
    }
    default:
      return null;
  }
}

/**
 * The inverse of each type of step, each way. Each returns the changes to propose and the groups
 * it left alone; a partly undone step keeps only the groups it did undo (they alone are mine to
 * redo).
 */
const INVERSES = {
  update: {
    undo: (step, board, history) => putBack(step, board, history, step.after, step.before),
    redo: (step, board, history) => putBack(step, board, history, step.before, step.after),
  },
  create: {
    undo: (step, board, history) => remove(step, board, history, step.after),
    redo: (step, board, history) => recreate(step, board, history, step.after),
  },
  delete: {
    undo: (step, board, history) => {
      const done = recreate(step, board, history, step.before);
      const self = board.selfId?.() ?? null;
      if (done.changes.length > 0 && step.author && self && step.author !== self) done.notices = ['author'];
      return done;
    },
    redo: (step, board, history) => remove(step, board, history, step.before),
  },
  front: {
    undo: (step, board, history) => {
      const note = board.note(step.noteId);
      if (!note) return gone(step, board);
      const onCanvas = board.notesOn(canvasOf(note)).map((n) => n.id);
      if (onCanvas.at(-1) !== note.id) return skipped('order'); // something came on top since
      // Bringing forward, in their order, the notes that were above it restores the order as it was.
      step.above = step.above.filter((id) => onCanvas.includes(id));
      return { changes: step.above.map((id) => messages.bringNoteToFront(history.ids, id)), reasons: [] };
    },
    redo: (step, board, history) => {
      const note = board.note(step.noteId);
      if (!note) return gone(step, board);
      const onCanvas = board.notesOn(canvasOf(note)).map((n) => n.id);
      const top = onCanvas.slice(onCanvas.length - step.above.length);
      if (step.above.some((id, index) => top[index] !== id)) return skipped('order');
      return { changes: [messages.bringNoteToFront(history.ids, note.id)], reasons: [] };
    },
  },
};

/** Sets `target` on the groups whose values are still `expected`; leaves the others (UN2). */
function putBack(step, board, history, expected, target) {
  const note = board.note(step.noteId);
  if (!note) return gone(step, board);
  const set = {};
  const reasons = [];
  for (const group of groupsOf(expected)) {
    const keys = GROUPS[group].filter((key) => key in expected);
    if (keys.every((key) => note[key] === expected[key])) {
      for (const key of keys) set[key] = target[key];
    } else {
      reasons.push(group);
      for (const key of keys) step.dropped.add(key);
    }
  }
  settle(step);
  if (Object.keys(set).length === 0) return { changes: [], reasons };
  return { changes: [messages.updateNote(history.ids, step.noteId, set)], reasons };
}

/** Deletes the note if it is still as this tab left it, in every group (UN3). */
function remove(step, board, history, expected) {
  const note = board.note(step.noteId);
  if (!note) return gone(step, board);
  const changed = groupsOf(expected).filter((group) => GROUPS[group].some((key) => note[key] !== expected[key]));
  if (changed.length > 0) return { changes: [], reasons: changed };
  return { changes: [messages.deleteNote(history.ids, note.id)], reasons: [] };
}

/** A deleted note cannot come back (NT1, NT3): a new note with its properties takes its place (UN3). */
function recreate(step, board, history, properties) {
  if (!board.hasCanvas(properties.canvasId)) return skipped('canvas');
  const change = messages.createNote(history.ids, properties);
  history.remap(step.noteId, change.noteId); // the other steps; this one is out of its stack now
  step.noteId = change.noteId;
  return { changes: [change], reasons: [] };
}

/** Recomputes what an update or a creation set, from its changes the server has not refused. */
function settle(step) {
  if (step.type === 'create') {
    step.after = Object.assign({ ...step.base }, ...step.forward.map((change) => change.set ?? {}));
    return;
  }
  if (step.type !== 'update') return;
  const after = Object.assign({}, ...step.forward.map((change) => change.set));
  for (const key of Object.keys(after)) if (step.dropped.has(key)) delete after[key];
  for (const key of Object.keys(step.before)) if (!(key in after)) delete step.before[key];
  step.after = after;
  if (!isEmpty(step)) step.kind = kindOf(after);
}

function isEmpty(step) {
  return step.type === 'update' && Object.keys(step.after).length === 0;
}

function forget(stack, step) {
  stack.splice(stack.indexOf(step), 1);
}

function skipped(reason) {
  return { changes: [], reasons: [reason] };
}

/**
 * The note is no longer drawn: deleted by someone, gone with its canvas (CV3), or hidden by private
 * writing (PW1: someone else's note, which this tab may not read, so an undo never touches it).
 */
function gone(step, board) {
  if (!board.hasCanvas(step.canvasId)) return skipped('canvas');
  return skipped(board.hidesOthersOn?.(step.canvasId) ? 'private' : 'deleted');
}

function canvasOf(note) {
  return note.canvasId ?? 'main';
}

function groupsOf(properties) {
  return GROUP_NAMES.filter((group) => GROUPS[group].some((key) => key in properties));
}

/** The name of an update for people: one group says what it is; several are "edit the note". */
function kindOf(set) {
  const groups = groupsOf(set);
  return groups.length === 1 ? KIND_OF_GROUP[groups[0]] : 'edit';
}

function pick(source, keys) {
  const picked = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
