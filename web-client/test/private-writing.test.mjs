// Private writing as a page reads it (PW1, PW2, CU4): the banner's words and count, the canvases
// whose pointers are not drawn, what changed between two looks (the toasts), and undo on a canvas
// in private writing, which never proposes a change to a note of someone else that it cannot see.
// Real SyncEngines take the server's events, as the page's does.

import test from 'node:test';
import assert from 'node:assert/strict';

import * as protocol from '../src/main/webroot/js/protocol.js';
import {
  canvasPrivacy,
  hiddenCountKey,
  hidesPointers,
  privacyMark,
  privacyMoves,
} from '../src/main/webroot/js/private-writing-state.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import { UndoHistory } from '../src/main/webroot/js/undo-history.js';

const ANA = 'p-ana';
const BEN = 'p-ben';
const HOST = 'p-host';

function canvas(id) {
  return { id, name: id === 'main' ? 'Canevas MSC' : id, template: 'msc', createdAt: 0 };
}

function note(id, createdBy, z, canvasId = 'main') {
  return { id, canvasId, x: 0, y: 0, width: 200, height: 140, text: `texte de ${id}`, color: 'yellow', z, createdBy, createdAt: 0 };
}

/** Ana's tab, at revision 10, with her note and Ben's on main and a second canvas. */
function anasTab(notes = [note('n-ana', ANA, 1), note('n-ben', BEN, 2)]) {
  const engine = new SyncEngine();
  engine.receive({ type: 'snapshot', revision: 10, notes, participants: [], canvases: [canvas('main'), canvas('c-2')] });
  engine.welcomedAs(ANA);
  return engine;
}

let revision = 10;
const privacy = (canvasId, isPrivate, anonymous = false, notes = []) => ({
  type: 'canvas_privacy_changed',
  revision: ++revision,
  changeId: `h-${revision}`,
  participantId: HOST,
  canvasId,
  private: isPrivate,
  anonymous,
  notes,
});
const hidden = (canvasId, change) => ({ type: 'hidden', revision: ++revision, canvasId, change });

function resetRevisions() {
  revision = 10;
}

// --- Reading the arrangement ---------------------------------------------------------------------

test('PW1 a canvas in private writing: its state, the count of notes it hides, and no pointers (CU4)', () => {
  resetRevisions();
  const engine = anasTab();
  assert.deepEqual(canvasPrivacy(engine.arrangement(), 'main'), { isPrivate: false, anonymous: false, hidden: 0 });
  assert.equal(hidesPointers(engine.arrangement(), 'main'), false);

  engine.receive(privacy('main', true));
  assert.deepEqual(canvasPrivacy(engine.arrangement(), 'main'), { isPrivate: true, anonymous: false, hidden: 1 });
  assert.equal(hidesPointers(engine.arrangement(), 'main'), true);
  assert.equal(hidesPointers(engine.arrangement(), 'c-2'), false, 'only the private canvas');

  engine.receive(hidden('main', 'created'));
  engine.receive(hidden('main', 'updated'));
  engine.receive(hidden('main', 'vote')); // a secret dot vote (issue 6, point 4) is not a note
  assert.equal(canvasPrivacy(engine.arrangement(), 'main').hidden, 2);
  engine.receive(hidden('main', 'deleted'));
  assert.equal(canvasPrivacy(engine.arrangement(), 'main').hidden, 1);
});

test('PW2 CU4 an anonymous canvas keeps hiding pointers once revealed, a plain reveal does not', () => {
  resetRevisions();
  const engine = anasTab();
  engine.receive(privacy('main', true));
  engine.receive(privacy('main', false, true, [note('n-ana', null, 1), note('n-ben', null, 2)]));
  assert.deepEqual(canvasPrivacy(engine.arrangement(), 'main'), { isPrivate: false, anonymous: true, hidden: 0 });
  assert.equal(hidesPointers(engine.arrangement(), 'main'), true);

  engine.receive(privacy('c-2', true));
  engine.receive(privacy('c-2', false, false, []));
  assert.equal(hidesPointers(engine.arrangement(), 'c-2'), false);
});

test('the count of hidden notes reads as none, one or a number', () => {
  assert.equal(hiddenCountKey(0), 'private.hiddenNone');
  assert.equal(hiddenCountKey(1), 'private.hiddenOne');
  assert.equal(hiddenCountKey(2), 'private.hiddenMany');
  assert.equal(hiddenCountKey(17), 'private.hiddenMany');
});

// --- What changed between two looks (the toasts) -----------------------------------------------

test('what was private on the first look is no news; a start and a reveal after it are', () => {
  resetRevisions();
  const engine = anasTab();
  engine.receive(privacy('main', true));
  assert.deepEqual(privacyMoves(null, engine.arrangement()), { started: [], revealed: [] }, 'a reload says nothing');

  let seen = privacyMark(engine.arrangement());
  engine.receive(privacy('c-2', true));
  assert.deepEqual(privacyMoves(seen, engine.arrangement()), { started: ['c-2'], revealed: [] });

  seen = privacyMark(engine.arrangement());
  engine.receive(privacy('main', false, true, []));
  assert.deepEqual(privacyMoves(seen, engine.arrangement()), { started: [], revealed: ['main'] });

  seen = privacyMark(engine.arrangement());
  assert.deepEqual(privacyMoves(seen, engine.arrangement()), { started: [], revealed: [] }, 'nothing twice');
});

test('a canvas deleted while in private writing is not said to be revealed', () => {
  resetRevisions();
  const engine = anasTab();
  engine.receive(privacy('c-2', true));
  const seen = privacyMark(engine.arrangement());
  engine.receive({ type: 'canvas_deleted', revision: ++revision, changeId: 'h-del', participantId: HOST, canvasId: 'c-2' });
  assert.deepEqual(privacyMoves(seen, engine.arrangement()), { started: [], revealed: [] });
});

// --- Undo on a canvas in private writing (UN2 to UN4 with PW1) ------------------------------------

/** Ana's history, wired to her engine as undo-controls.js wires it. */
function historyOf(engine) {
  const ids = protocol.idFactory(() => [1, 36]);
  const history = new UndoHistory({ ids });
  const board = {
    note: (noteId) => engine.note(noteId),
    notesOn: (canvasId) => engine.notesOn(canvasId),
    hasCanvas: (canvasId) => engine.arrangement().canvases.has(canvasId),
    hidesOthersOn: (canvasId) => engine.arrangement().privateCanvases.has(canvasId),
    selfId: () => ANA,
  };
  /** Ana sends a change; the server applies it at the next revision. */
  const send = (change) => {
    const z = engine.frontZ(); // NT4, as the server computes it (Ana sees every note until PW1)
    history.record(change, board);
    engine.propose(change);
    const base = { revision: ++revision, changeId: change.changeId, participantId: ANA };
    if (change.type === 'update_note') engine.receive({ ...base, type: 'note_updated', noteId: change.noteId, set: change.set });
    if (change.type === 'bring_note_to_front') {
      engine.receive({ ...base, type: 'note_updated', noteId: change.noteId, set: { z } });
    }
    if (change.type === 'create_note') {
      const { x, y, width, height, text, color } = change;
      const created = { ...note(change.noteId, ANA, z), x, y, width, height, text, color };
      engine.receive({ ...base, type: 'note_created', note: created });
    }
    return change;
  };
  return { history, board, ids, send };
}

test('UN4 PW1 a move of Ben’s note, now hidden by private writing, is not undone: it is said why', () => {
  resetRevisions();
  const engine = anasTab();
  const { history, board, ids, send } = historyOf(engine);
  send(protocol.updateNote(ids, 'n-ben', { x: 300, y: 40 }));
  engine.receive(privacy('main', true));
  assert.equal(engine.note('n-ben'), null, 'the server sent Ben’s note away from Ana');

  const outcome = history.undo(board);
  assert.equal(outcome.status, 'skipped');
  assert.deepEqual(outcome.reasons, ['private']);
  assert.deepEqual(outcome.changes, []);
});

test('UN2 PW1 undoing “to the front” never names a note Ana cannot see; her own notes still undo', () => {
  resetRevisions();
  const engine = anasTab();
  const { history, board, ids, send } = historyOf(engine);
  const newId = send(protocol.createNote(ids, { canvasId: 'main', x: 10, y: 10 })).noteId;
  send(protocol.bringNoteToFront(ids, 'n-ana')); // above Ben's note and her new one
  engine.receive(privacy('main', true));

  const front = history.undo(board);
  assert.equal(front.status, 'done');
  // Without private writing it would bring forward Ben's note, then the new one (UN2).
  assert.deepEqual(front.changes.map((change) => [change.type, change.noteId]), [['bring_note_to_front', newId]]);
  const creation = history.undo(board);
  assert.equal(creation.status, 'done', 'her own new note goes, private writing or not');
  assert.deepEqual(creation.changes.map((change) => change.type), ['delete_note']);
});
