// Undo and redo of one's own changes (docs/protocol.md, UN1 to UN6). Each test runs tabs of real
// SyncEngines against a small in-memory server that follows the note rules (NT1 to NT4, CH3,
// CV3): Ana's tab records and undoes, Ben changes the same notes from his own tab, and the server
// decides the order. What undo proposes goes to that server like any other change.

import test from 'node:test';
import assert from 'node:assert/strict';

import { Connection } from '../src/main/webroot/js/connection.js';
import { idFactory } from '../src/main/webroot/js/protocol.js';
import * as protocol from '../src/main/webroot/js/protocol.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import { HISTORY_LIMIT, NUDGE_IDLE_MS, UndoHistory } from '../src/main/webroot/js/undo-history.js';
import { keepsOwnUndo, undoCommand } from '../src/main/webroot/js/undo-controls.js';

const ANA = 'p-ana';
const BEN = 'p-ben';
const NOTE_FIELDS = ['x', 'y', 'width', 'height', 'text', 'color'];

/** A workshop's notes on the server side: revisions, tombstones, z, and the refusals of CH3. */
class Server {
  constructor() {
    this.revision = 0;
    this.notes = new Map();
    this.tombstones = new Set();
    this.canvases = new Map([['main', { id: 'main', name: 'Canevas MSC', template: 'msc', createdAt: 0 }]]);
    this.tabs = [];
    this.refuse = null; // (change) => code|null: a refusal the rules here do not make (a lock, say)
  }

  tab(participantId) {
    const engine = new SyncEngine();
    engine.receive({
      type: 'snapshot',
      revision: this.revision,
      notes: [...this.notes.values()],
      participants: [],
      canvases: [...this.canvases.values()],
    });
    engine.welcomedAs(participantId);
    const tab = new Tab(this, engine, participantId);
    this.tabs.push(tab);
    return tab;
  }

  handle(change, tab) {
    const code = this.refuse?.(change) ?? this.check(change);
    if (code) {
      tab.receive({ type: 'error', code, message: code, changeId: change.changeId });
      return;
    }
    const base = { revision: ++this.revision, changeId: change.changeId, participantId: tab.participantId };
    let event;
    switch (change.type) {
      case 'create_note': {
        const note = { id: change.noteId, canvasId: change.canvasId, z: this.frontZ(), createdBy: tab.participantId };
        for (const key of NOTE_FIELDS) note[key] = change[key];
        this.notes.set(note.id, note);
        event = { ...base, type: 'note_created', note: { ...note } };
        break;
      }
      case 'update_note':
        Object.assign(this.notes.get(change.noteId), change.set);
        event = { ...base, type: 'note_updated', noteId: change.noteId, set: { ...change.set } };
        break;
      case 'bring_note_to_front': {
        const z = this.frontZ();
        this.notes.get(change.noteId).z = z;
        event = { ...base, type: 'note_updated', noteId: change.noteId, set: { z } };
        break;
      }
      case 'delete_note':
        this.notes.delete(change.noteId);
        this.tombstones.add(change.noteId);
        event = { ...base, type: 'note_deleted', noteId: change.noteId };
        break;
      case 'delete_canvas':
        this.canvases.delete(change.canvasId);
        for (const [id, note] of this.notes) if (note.canvasId === change.canvasId) this.notes.delete(id);
        event = { ...base, type: 'canvas_deleted', canvasId: change.canvasId };
        break;
      default:
        throw new Error(`not in this test server: ${change.type}`);
    }
    for (const each of this.tabs) each.receive(event);
  }

  check(change) {
    const id = change.noteId;
    if (change.type === 'create_note') {
      if (this.notes.has(id) || this.tombstones.has(id)) return 'note_exists'; // NT1
      return this.canvases.has(change.canvasId) ? null : 'unknown_canvas'; // NT7
    }
    if (change.type === 'delete_canvas') return null;
    if (this.tombstones.has(id)) return 'note_deleted'; // NT3
    return this.notes.has(id) ? null : 'unknown_note';
  }

  frontZ() {
    return Math.max(0, ...[...this.notes.values()].map((note) => note.z)) + 1; // NT4
  }

  /** Someone else adds a canvas (only its existence matters here). */
  addCanvas(id) {
    this.canvases.set(id, { id, name: id, template: 'blank', createdAt: 0 });
    const event = { type: 'canvas_created', revision: ++this.revision, changeId: `c-${id}`, participantId: BEN };
    for (const each of this.tabs) each.receive({ ...event, canvas: this.canvases.get(id) });
  }
}

/** One browser tab: an engine, an id factory, its history, wired as undo-controls.js wires them. */
class Tab {
  static prefixes = 0;

  constructor(server, engine, participantId) {
    Object.assign(this, { server, engine, participantId, online: true, outbox: [] });
    this.ids = idFactory(() => [++Tab.prefixes, 36]); // CH1: a prefix of its own per tab
    this.history = new UndoHistory({ ids: this.ids });
    this.board = {
      note: (noteId) => engine.note(noteId),
      notesOn: (canvasId) => engine.notesOn(canvasId),
      hasCanvas: (canvasId) => engine.arrangement().canvases.has(canvasId),
      selfId: () => participantId,
    };
    this.toldRefused = [];
  }

  /** connection.send: recorded unless it comes from the history, drawn, then sent (or held). */
  send(change, context = {}) {
    if (!context.fromHistory) this.history.record(change, this.board, context);
    this.engine.propose(change);
    if (this.online) this.server.handle(change, this);
    else this.outbox.push(change);
    return change;
  }

  receive(message) {
    const outcome = this.engine.receive(message);
    if (outcome?.refused) {
      this.toldRefused.push(outcome.refused.code);
      this.history.refused(outcome.refused.changeId);
    }
  }

  /** The held changes reach the server, in order (SY3). */
  reconnect() {
    this.online = true;
    for (const change of this.outbox.splice(0)) this.server.handle(change, this);
  }

  undo() {
    return this.replay(this.history.undo(this.board));
  }

  redo() {
    return this.replay(this.history.redo(this.board));
  }

  replay(outcome) {
    for (const change of outcome.changes) this.send(change, { fromHistory: true });
    return outcome;
  }

  create(props = {}, context = {}) {
    return this.send(protocol.createNote(this.ids, { x: 0, y: 0, ...props }), context).noteId;
  }

  update(noteId, set, context = {}) {
    return this.send(protocol.updateNote(this.ids, noteId, set), context);
  }

  note(noteId) {
    return this.engine.note(noteId);
  }
}

function room() {
  const server = new Server();
  const ana = server.tab(ANA);
  const ben = server.tab(BEN);
  return { server, ana, ben };
}

const at = (tab, noteId) => {
  const note = tab.note(noteId);
  return note && { x: note.x, y: note.y };
};

// --- UN2: the moves ----------------------------------------------------------------------------

test('UN2 my move, undone, goes back where it was for everyone, and redo moves it again', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 10, y: 20 });
  ana.update(id, { x: 300, y: 200 });
  assert.equal(ana.history.nextUndo(), 'move');

  const undone = ana.undo();
  assert.equal(undone.status, 'done');
  assert.deepEqual(at(ana, id), { x: 10, y: 20 });
  assert.deepEqual(at(ben, id), { x: 10, y: 20 }, 'the undo went through the server');
  assert.equal(ana.history.nextRedo(), 'move');
  assert.equal(ana.history.nextUndo(), 'create');

  assert.equal(ana.redo().status, 'done');
  assert.deepEqual(at(ben, id), { x: 300, y: 200 });
  assert.equal(ana.history.nextUndo(), 'move');
  assert.equal(ana.history.canRedo(), false);
});

test('UN2 another person moved the note between my move and my undo: my undo leaves it where they put it', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 10, y: 20 });
  ana.update(id, { x: 300, y: 200 });
  ben.update(id, { x: 500, y: 500 });

  const undone = ana.undo();
  assert.equal(undone.status, 'skipped');
  assert.equal(undone.kind, 'move');
  assert.deepEqual(undone.reasons, ['position']);
  assert.deepEqual(undone.changes, [], 'nothing is proposed');
  assert.deepEqual(at(ana, id), { x: 500, y: 500 });
  assert.deepEqual(at(ben, id), { x: 500, y: 500 });
  assert.equal(ana.history.canRedo(), false, 'a skipped step is not redoable');
  assert.equal(ana.history.nextUndo(), 'create', 'the next undo goes on to the step before');
});

test('UN2 my create is not undone over another person’s move either: the note stays', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 10, y: 20 });
  ana.update(id, { x: 300, y: 200 });
  ben.update(id, { x: 500, y: 500 });
  ana.undo(); // the move: skipped
  const undone = ana.undo(); // the creation
  assert.equal(undone.status, 'skipped');
  assert.deepEqual(undone.reasons, ['position']);
  assert.ok(ben.note(id), 'Ben’s moved note is still there');
  assert.equal(ana.history.canUndo(), false);
});

test('UN2 someone else moving the note does not stop the undo of my colour, and my move after theirs puts back theirs', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 0, y: 0, color: 'yellow' });
  ana.update(id, { color: 'blue' });
  ben.update(id, { x: 80, y: 80 });
  ana.update(id, { x: 120, y: 120 });

  assert.equal(ana.undo().status, 'done', 'my move is undone…');
  assert.deepEqual(at(ben, id), { x: 80, y: 80 }, '…back to where Ben had put it');
  const colour = ana.undo();
  assert.equal(colour.status, 'done');
  assert.equal(ben.note(id).color, 'yellow');
  assert.deepEqual(at(ben, id), { x: 80, y: 80 }, 'the position stays Ben’s');
});

test('UN2 a step that set two groups is undone in part when someone changed one of them', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 0, y: 0, color: 'yellow', text: 'avant' });
  ana.update(id, { x: 40, y: 40, color: 'green' });
  assert.equal(ana.history.nextUndo(), 'edit');
  ben.update(id, { color: 'pink' });

  const undone = ana.undo();
  assert.equal(undone.status, 'partial');
  assert.deepEqual(undone.reasons, ['color']);
  assert.deepEqual(at(ben, id), { x: 0, y: 0 });
  assert.equal(ben.note(id).color, 'pink', 'Ben’s colour stays');
  assert.equal(ana.history.nextRedo(), 'move', 'what is left to redo is the part I undid');
  ana.redo();
  assert.deepEqual(at(ben, id), { x: 40, y: 40 });
  assert.equal(ben.note(id).color, 'pink');
});

test('UN2 redo is stopped the same way: someone moved the note after my undo', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 0, y: 0 });
  ana.update(id, { x: 50, y: 0 });
  ana.undo();
  ben.update(id, { x: 0, y: 90 });
  const redone = ana.redo();
  assert.equal(redone.status, 'skipped');
  assert.deepEqual(redone.reasons, ['position']);
  assert.deepEqual(at(ana, id), { x: 0, y: 90 });
  assert.equal(ana.history.canRedo(), false);
});

test('UN2 a note someone deleted is not touched: the undo says so', () => {
  const { ana, ben } = room();
  const id = ana.create();
  ana.update(id, { color: 'blue' });
  ben.send(protocol.deleteNote(ben.ids, id));
  const undone = ana.undo();
  assert.equal(undone.status, 'skipped');
  assert.deepEqual(undone.reasons, ['deleted']);
  assert.deepEqual(ana.toldRefused, [], 'nothing was sent that the server had to refuse');
});

test('UN2 offline, an undo compares with what the tab draws: both changes reach the server in order', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 0, y: 0 });
  ana.online = false;
  ana.update(id, { x: 60, y: 60 });
  assert.equal(ana.undo().status, 'done');
  assert.deepEqual(at(ana, id), { x: 0, y: 0 });
  assert.deepEqual(at(ben, id), { x: 0, y: 0 }, 'Ben has seen nothing yet');
  ana.reconnect();
  assert.deepEqual(at(ben, id), { x: 0, y: 0 });
  assert.equal(ana.engine.pendingCount(), 0);
  ana.redo();
  assert.deepEqual(at(ben, id), { x: 60, y: 60 });
});

// --- UN1: what one step is ---------------------------------------------------------------------

test('UN1 a text edit session is one step, however many times the text was sent while typing', () => {
  const { ana, ben } = room();
  const id = ana.create({ text: 'Le commun' });
  const session = {};
  for (const text of ['Le commun, c', 'Le commun, ce', 'Le commun, ce qui nous relie']) {
    ana.update(id, { text }, { session });
  }
  assert.equal(ana.history.nextUndo(), 'text');
  ana.undo();
  assert.equal(ben.note(id).text, 'Le commun', 'one undo takes back the whole session');
  assert.equal(ana.history.nextUndo(), 'create');
  ana.redo();
  assert.equal(ben.note(id).text, 'Le commun, ce qui nous relie');
});

test('UN1 the typing that follows a new note is one step with it: undo removes the note, redo brings it back with its text', () => {
  const { ana, ben } = room();
  const session = {};
  const id = ana.create({ x: 5, y: 5 }, { session });
  ana.update(id, { text: 'Rés' }, { session });
  ana.update(id, { text: 'Résilience' }, { session });
  assert.equal(ana.history.nextUndo(), 'create');
  ana.undo();
  assert.equal(ben.note(id), null);
  const redone = ana.redo();
  const newId = redone.changes[0].noteId;
  assert.notEqual(newId, id, 'NT1: a deleted id cannot come back');
  assert.equal(ben.note(newId).text, 'Résilience');
});

test('UN1 a drag is one step; a new session is a new step', () => {
  const { ana } = room();
  const id = ana.create({ x: 0, y: 0 });
  const drag = {};
  for (const x of [10, 20, 30, 40]) ana.update(id, { x, y: x }, { session: drag });
  ana.update(id, { x: 100, y: 100 }, { session: {} });
  ana.undo();
  assert.deepEqual(at(ana, id), { x: 40, y: 40 });
  ana.undo();
  assert.deepEqual(at(ana, id), { x: 0, y: 0 }, 'the whole drag at once');
});

test('UN1 arrow moves of one note close together are one step; after a pause, a new one', () => {
  const { ana } = room();
  const id = ana.create({ x: 0, y: 0 });
  const nudge = (x, time) => ana.update(id, { x, y: 0 }, { session: `nudge:${id}`, idleMs: NUDGE_IDLE_MS, at: time });
  nudge(10, 1000);
  nudge(20, 1400);
  nudge(30, 2200);
  nudge(40, 2200 + NUDGE_IDLE_MS + 1);
  ana.undo();
  assert.deepEqual(at(ana, id), { x: 30, y: 0 });
  ana.undo();
  assert.deepEqual(at(ana, id), { x: 0, y: 0 });
});

test('UN1 a change that changes nothing is no step, and does not end what could be redone', () => {
  const { ana } = room();
  const id = ana.create({ color: 'yellow' });
  ana.update(id, { color: 'green' });
  ana.undo();
  ana.update(id, { color: 'yellow' }); // the colour it already has
  assert.equal(ana.history.nextRedo(), 'color');
  assert.equal(ana.history.nextUndo(), 'create');
});

test('UN1 a new change of mine ends what could be redone; an undo does not', () => {
  const { ana } = room();
  const id = ana.create();
  ana.update(id, { color: 'green' });
  ana.update(id, { color: 'blue' });
  ana.undo();
  ana.undo();
  assert.equal(ana.history.redoable.length, 2);
  ana.update(id, { text: 'nouveau' });
  assert.equal(ana.history.canRedo(), false);
  assert.equal(ana.history.nextUndo(), 'text');
});

test('UN1 other people’s changes are never steps of mine, and non-note changes are no steps', () => {
  const { ana, ben } = room();
  const id = ben.create();
  ben.update(id, { x: 70, y: 70 });
  assert.equal(ana.history.canUndo(), false);
  assert.equal(ana.history.record(protocol.setRole(ana.ids, 'community', 'Bénévole'), ana.board), false);
  assert.equal(ana.history.canUndo(), false);
});

test(`UN1 the history keeps the last ${HISTORY_LIMIT} steps`, () => {
  const { ana } = room();
  const id = ana.create({ x: 0, y: 0 });
  for (let i = 1; i <= HISTORY_LIMIT + 5; i += 1) ana.update(id, { x: i, y: 0 });
  assert.equal(ana.history.undoable.length, HISTORY_LIMIT);
  let undone = 0;
  while (ana.history.canUndo()) {
    ana.undo();
    undone += 1;
  }
  assert.equal(undone, HISTORY_LIMIT);
  assert.deepEqual(at(ana, id), { x: 5, y: 0 }, 'the oldest steps (the creation among them) are forgotten');
});

// --- UN3: creating and deleting ----------------------------------------------------------------

test('UN3 my create, undone, is deleted for everyone', () => {
  const { ana, ben } = room();
  const id = ana.create({ text: 'Idée' });
  assert.equal(ana.history.nextUndo(), 'create');
  const undone = ana.undo();
  assert.equal(undone.changes[0].type, 'delete_note');
  assert.equal(ana.note(id), null);
  assert.equal(ben.note(id), null);
});

test('UN3 my create is not undone once someone else wrote in the note', () => {
  const { ana, ben } = room();
  const id = ana.create({ text: 'Idée' });
  ben.update(id, { text: 'Idée, et la mienne' });
  const undone = ana.undo();
  assert.equal(undone.status, 'skipped');
  assert.deepEqual(undone.reasons, ['text']);
  assert.equal(ben.note(id).text, 'Idée, et la mienne');
});

test('UN3 delete then undo re-creates the note with a new id and the same properties; redo deletes the new id', () => {
  const { ana, ben } = room();
  ana.server.addCanvas('c-2');
  const id = ana.create({ canvasId: 'c-2', x: 12, y: 34, width: 260, height: 180, text: 'Partage', color: 'purple' });
  ana.send(protocol.deleteNote(ana.ids, id));
  assert.equal(ana.history.nextUndo(), 'delete');

  const undone = ana.undo();
  assert.equal(undone.status, 'done');
  const [create] = undone.changes;
  assert.equal(create.type, 'create_note');
  assert.notEqual(create.noteId, id);
  const back = ben.note(create.noteId);
  assert.deepEqual(
    { canvasId: back.canvasId, x: back.x, y: back.y, width: back.width, height: back.height, text: back.text, color: back.color },
    { canvasId: 'c-2', x: 12, y: 34, width: 260, height: 180, text: 'Partage', color: 'purple' },
  );
  assert.equal(ben.note(id), null, 'the old id stays a tombstone');
  assert.deepEqual(undone.notices, [], 'my own note comes back as mine');

  const redone = ana.redo();
  assert.deepEqual(redone.changes.map((c) => [c.type, c.noteId]), [['delete_note', create.noteId]]);
  assert.equal(ben.note(create.noteId), null);
  assert.deepEqual(ana.toldRefused, []);
});

test('UN3 the new id takes the old one’s place in every step: my earlier move of the note is undone on the re-created note', () => {
  const { ana, ben } = room();
  const id = ana.create({ x: 0, y: 0 });
  ana.update(id, { x: 200, y: 0 });
  ana.send(protocol.deleteNote(ana.ids, id));
  const newId = ana.undo().changes[0].noteId; // the delete
  const move = ana.undo(); // the move, on the re-created note
  assert.equal(move.status, 'done');
  assert.equal(move.changes[0].noteId, newId);
  assert.deepEqual(at(ben, newId), { x: 0, y: 0 });
  assert.equal(ana.undo().changes[0].noteId, newId, 'and the creation deletes the new id');
  assert.equal(ben.note(newId), null);
  ana.redo(); // the creation again, under a third id
  ana.redo(); // the move: on that third id
  ana.redo(); // the delete
  assert.equal(ben.engine.notes().length, 0);
  assert.deepEqual(ana.toldRefused, []);
});

test('UN3 undoing the delete of someone else’s note brings it back under my name, and says so', () => {
  const { ana, ben } = room();
  const id = ben.create({ text: 'de Ben' });
  ana.send(protocol.deleteNote(ana.ids, id));
  const undone = ana.undo();
  assert.deepEqual(undone.notices, ['author']);
  assert.equal(ben.note(undone.changes[0].noteId).createdBy, ANA);
});

test('UN3 a note whose canvas was deleted is not re-created', () => {
  const { ana, ben } = room();
  ana.server.addCanvas('c-2');
  const id = ana.create({ canvasId: 'c-2' });
  ana.send(protocol.deleteNote(ana.ids, id));
  ben.send(protocol.deleteCanvas(ben.ids, 'c-2'));
  const undone = ana.undo();
  assert.equal(undone.status, 'skipped');
  assert.deepEqual(undone.reasons, ['canvas']);
  assert.deepEqual(ana.toldRefused, []);
});

test('UN3 a redo of my delete is stopped when someone edited the re-created note', () => {
  const { ana, ben } = room();
  const id = ana.create({ text: 'a' });
  ana.send(protocol.deleteNote(ana.ids, id));
  const newId = ana.undo().changes[0].noteId;
  ben.update(newId, { text: 'Ben l’a complétée' });
  const redone = ana.redo();
  assert.equal(redone.status, 'skipped');
  assert.deepEqual(redone.reasons, ['text']);
  assert.ok(ben.note(newId));
});

// --- UN2 for the order of notes ----------------------------------------------------------------

test('UN2 bring to front, undone, puts the notes that were above it back above it, in their order', () => {
  const { ana, ben } = room();
  const a = ana.create();
  const b = ben.create();
  const c = ben.create();
  const order = (tab) => tab.engine.notesOn('main').map((n) => n.id);
  ana.send(protocol.bringNoteToFront(ana.ids, a));
  assert.deepEqual(order(ben), [b, c, a]);
  assert.equal(ana.history.nextUndo(), 'front');
  ana.undo();
  assert.deepEqual(order(ben), [a, b, c]);
  ana.redo();
  assert.deepEqual(order(ben), [b, c, a]);
});

test('UN2 bring to front is not undone once another note came on top; a note already in front makes no step', () => {
  const { ana, ben } = room();
  const a = ana.create();
  ben.create();
  ana.send(protocol.bringNoteToFront(ana.ids, a));
  ben.create(); // on top of everything (NT4)
  const undone = ana.undo();
  assert.equal(undone.status, 'skipped');
  assert.deepEqual(undone.reasons, ['order']);

  const { ana: alone } = room();
  const only = alone.create();
  alone.history.undoable.length = 0;
  alone.send(protocol.bringNoteToFront(alone.ids, only));
  assert.equal(alone.history.canUndo(), false);
});

// --- UN5: refusals -----------------------------------------------------------------------------

test('UN5 a refused change of mine leaves no step behind, and the step before it is still undoable', () => {
  const { server, ana, ben } = room();
  const id = ana.create({ x: 0, y: 0 });
  ana.update(id, { color: 'green' });
  ana.online = false;
  ana.update(id, { x: 300, y: 300 }); // held: Ana's connection dropped
  ben.send(protocol.deleteNote(ben.ids, id));
  assert.equal(ana.history.nextUndo(), 'move');
  ana.reconnect(); // the move reaches the server after the delete
  assert.deepEqual(ana.toldRefused, ['note_deleted']);
  assert.equal(ana.history.nextUndo(), 'color', 'the refused move is gone from the history');
  assert.equal(ana.undo().reasons[0], 'deleted');
  assert.equal(server.revision, 3, 'create, colour, Ben’s delete: the refused move used no revision (CH3), the skipped undo sent nothing');
});

test('UN5 a refused change inside a session takes only its own part out of the step', () => {
  const { server, ana, ben } = room();
  const id = ana.create({ text: '' });
  const session = {};
  ana.update(id, { text: 'un' }, { session });
  server.refuse = (change) => (change.set?.text === 'un deux' ? 'note_locked' : null);
  ana.update(id, { text: 'un deux' }, { session });
  server.refuse = null;
  assert.equal(ana.note(id).text, 'un', 'the drawing went back to what the server has');
  ana.undo();
  assert.equal(ben.note(id).text, '');
  assert.equal(ana.redo().changes[0].set.text, 'un', 'redo sets what the server accepted');
});

test('UN5 an undo the server refuses is forgotten: it cannot be redone, and the history goes on', () => {
  const { server, ana, ben } = room();
  const id = ana.create({ x: 0, y: 0 });
  ana.update(id, { x: 10, y: 10 });
  ana.update(id, { color: 'pink' });
  server.refuse = (change) => (change.set?.color ? 'note_locked' : null);
  const undone = ana.undo();
  assert.equal(undone.status, 'done', 'as far as the tab could tell');
  server.refuse = null;
  assert.deepEqual(ana.toldRefused, ['note_locked']);
  assert.equal(ana.history.canRedo(), false, 'there is nothing to redo: the undo did not happen');
  assert.equal(ben.note(id).color, 'pink');
  assert.equal(ana.history.nextUndo(), 'move');
  ana.undo();
  assert.deepEqual(at(ben, id), { x: 0, y: 0 });
});

test('UN5 a refused creation takes its step away', () => {
  const { server, ana } = room();
  server.refuse = (change) => (change.type === 'create_note' ? 'read_only' : null);
  ana.create();
  server.refuse = null;
  assert.equal(ana.history.canUndo(), false);
});

// --- UN6: the keys -----------------------------------------------------------------------------

test('UN6 Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; ⌘ works as Ctrl; other keys are not ours', () => {
  const press = (key, mods = {}) => undoCommand({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  assert.equal(press('z', { ctrlKey: true }), 'undo');
  assert.equal(press('Z', { ctrlKey: true, shiftKey: true }), 'redo');
  assert.equal(press('y', { ctrlKey: true }), 'redo');
  assert.equal(press('z', { metaKey: true }), 'undo');
  assert.equal(press('z', { metaKey: true, shiftKey: true }), 'redo');
  assert.equal(press('z'), null, 'a plain z is typing');
  assert.equal(press('z', { ctrlKey: true, altKey: true }), null);
  assert.equal(press('Y', { ctrlKey: true, shiftKey: true }), null);
  assert.equal(press('x', { ctrlKey: true }), null);
});

test('UN6 a text field keeps the browser’s own undo', () => {
  const element = (matches, editable = false) => ({ isContentEditable: editable, closest: () => (matches ? {} : null) });
  assert.equal(keepsOwnUndo(element(true)), true);
  assert.equal(keepsOwnUndo(element(false, true)), true);
  assert.equal(keepsOwnUndo(element(false)), false);
  assert.equal(keepsOwnUndo(null), false);
});

test('UN1 connection.send tells its listeners before the change is drawn, with what the sender said of it', () => {
  const engine = new SyncEngine();
  const connection = new Connection({ url: 'ws://test/ws', workshopId: 'w', engine, WebSocketImpl: class {} });
  const heard = [];
  connection.onSend((change, context) => heard.push([change.noteId, context, engine.note(change.noteId)]));
  const session = {};
  const change = protocol.createNote(idFactory(() => [1, 2]), { x: 0, y: 0 });
  connection.send(change, { session });
  connection.send(protocol.deleteNote(idFactory(() => [3, 4]), change.noteId));
  assert.deepEqual(heard[0], [change.noteId, { session }, null], 'not drawn yet');
  assert.equal(heard[1][2].id, change.noteId, 'the note as it was before the delete');
  assert.deepEqual(heard[1][1], {});
});
