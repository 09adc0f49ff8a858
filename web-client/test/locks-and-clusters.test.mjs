// Locks (LK1 to LK3) and clusters (CL1 to CL5) on the client: the engine's confirmed state and
// pending changes, and the pure rules of clusters.js. Run from web-client/: node --test test/

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import {
  applyClusterChange,
  clusterOfNote,
  clustersOn,
  frameOf,
  moveNotes,
  putCluster,
  takeNoteOut,
} from '../src/main/webroot/js/clusters.js';

const EXAMPLES = new URL('../../docs/protocol/examples/', import.meta.url);
const example = (kind, type) => JSON.parse(readFileSync(new URL(`${kind}/${type}.json`, EXAMPLES), 'utf8'));
const HOST = 'p-7Tb3Kx9qZm2w';

function event(type, revision, fields = {}) {
  return { ...example('server', type), revision, participantId: HOST, ...fields };
}

function note(id, x, y = 0) {
  return { ...example('server', 'snapshot').notes[0], id, x, y, text: id };
}

/** A confirmed workshop at revision 42 with three notes on main and no cluster. */
function started() {
  const engine = new SyncEngine({ now: () => 0 });
  const base = example('server', 'snapshot');
  engine.receive({ ...base, notes: [note('n-1', 0), note('n-2', 300), note('n-3', 600, 100)], clusters: [] });
  return engine;
}

const cluster = (id, noteIds, title = 'Liens', canvasId = 'main') => ({ id, canvasId, title, noteIds });
const positions = (engine) => engine.notes().map((n) => [n.id, n.x, n.y]);
const members = (engine) => Object.fromEntries([...engine.arrangement().clusters.values()].map((c) => [c.id, c.noteIds]));

test('LK1 the snapshot and canvas_locked say whether a canvas is locked; a lock is drawn at once', () => {
  const e = started();
  assert.equal(e.arrangement().canvases.get('main').locked, false);
  e.propose({ type: 'lock_canvas', changeId: 'me-1', canvasId: 'main', locked: true });
  assert.equal(e.arrangement().canvases.get('main').locked, true, 'drawn before the server answers (SY2)');
  e.receive({ ...example('server', 'error'), code: 'not_facilitator', changeId: 'me-1' });
  assert.equal(e.arrangement().canvases.get('main').locked, false, 'refused: undone');
  e.receive(event('canvas_locked', 43));
  assert.equal(e.arrangement().canvases.get('main').locked, true);
});

test('LK2 lock_note becomes note_updated {set: {locked}}; the note carries it', () => {
  const e = started();
  e.propose({ type: 'lock_note', changeId: 'me-1', noteId: 'n-1', locked: true });
  assert.equal(e.note('n-1').locked, true);
  e.receive(event('note_updated', 43, { changeId: 'me-1', noteId: 'n-1', set: { locked: true } }));
  assert.equal(e.pendingCount(), 0);
  assert.equal(e.note('n-1').locked, true);
  e.receive(event('note_updated', 44, { changeId: 'x', noteId: 'n-1', set: { locked: false } }));
  assert.equal(e.note('n-1').locked, false);
});

test('LK3 a participant\'s pending move refused with locked is no longer drawn', () => {
  const e = started();
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: 'n-2', set: { x: 999 } });
  assert.equal(e.note('n-2').x, 999);
  e.receive(event('canvas_locked', 43));
  const answer = e.receive({ ...example('server', 'error'), code: 'locked', changeId: 'me-1' });
  assert.equal(answer.refused.code, 'locked');
  assert.equal(e.note('n-2').x, 300);
});

test('CL1 the snapshot brings the clusters; cluster_changed adds one', () => {
  const e = new SyncEngine({ now: () => 0 });
  e.receive(example('server', 'snapshot'));
  assert.deepEqual(members(e), { 'k-q8w2e-2': ['n-q8w2e-1'] });
  e.receive(event('cluster_changed', 43));
  assert.deepEqual([...e.arrangement().clusters.keys()], ['k-t7f3k-7'], 'the note left its first cluster, which is gone');
  assert.equal(e.arrangement().clusters.get('k-t7f3k-7').title, 'Ce qui nous relie');
});

test('CL1 CL3 a pending cluster is drawn at once, and refused it disappears', () => {
  const e = started();
  e.propose({ type: 'create_cluster', changeId: 'me-1', clusterId: 'k-1', canvasId: 'main', title: 'Liens', noteIds: ['n-1', 'n-2'] });
  assert.deepEqual(members(e), { 'k-1': ['n-1', 'n-2'] });
  e.propose({ type: 'add_to_cluster', changeId: 'me-2', clusterId: 'k-1', noteIds: ['n-3'] });
  e.propose({ type: 'rename_cluster', changeId: 'me-3', clusterId: 'k-1', title: 'Nos liens' });
  assert.deepEqual(members(e), { 'k-1': ['n-1', 'n-2', 'n-3'] });
  assert.equal(e.arrangement().clusters.get('k-1').title, 'Nos liens');
  e.receive({ ...example('server', 'error'), code: 'not_facilitator', changeId: 'me-1' });
  assert.deepEqual(members(e), {}, 'without its cluster, the later pending changes change nothing');
});

test('CL3 CL4 removing the last notes, dissolving, deleting a note or its canvas end clusters', () => {
  const e = started();
  e.receive(event('cluster_changed', 43, { cluster: cluster('k-1', ['n-1', 'n-2']) }));
  e.receive(event('cluster_changed', 44, { cluster: cluster('k-2', ['n-3']) }));
  e.receive(event('note_deleted', 45, { noteId: 'n-1' }));
  assert.deepEqual(members(e), { 'k-1': ['n-2'], 'k-2': ['n-3'] });
  e.propose({ type: 'remove_from_cluster', changeId: 'me-1', clusterId: 'k-1', noteIds: ['n-2'] });
  assert.deepEqual(members(e), { 'k-2': ['n-3'] });
  e.receive(event('cluster_dissolved', 46, { changeId: 'me-1', clusterId: 'k-1' }));
  e.receive(event('note_deleted', 47, { noteId: 'n-3' }));
  assert.deepEqual(members(e), {});
  e.receive(event('canvas_created', 48, { canvas: { id: 'c-2', name: 'B', template: 'blank', createdAt: 1, locked: false } }));
  e.receive(event('note_created', 49, { note: { ...note('n-b', 0), canvasId: 'c-2' } }));
  e.receive(event('cluster_changed', 50, { cluster: cluster('k-b', ['n-b'], 'B', 'c-2') }));
  e.receive(event('canvas_deleted', 51, { canvasId: 'c-2' }));
  assert.deepEqual(members(e), {});
});

test('CL5 a pending move_cluster moves every note of it at once; cluster_moved sets the positions', () => {
  const e = started();
  e.receive(event('cluster_changed', 43, { cluster: cluster('k-1', ['n-1', 'n-3']) }));
  e.propose({ type: 'move_cluster', changeId: 'me-1', clusterId: 'k-1', dx: 50, dy: -20 });
  assert.deepEqual(positions(e), [['n-1', 50, -20], ['n-2', 300, 0], ['n-3', 650, 80]]);
  e.receive(
    event('cluster_moved', 44, {
      changeId: 'me-1',
      clusterId: 'k-1',
      dx: 50,
      dy: -20,
      positions: [{ noteId: 'n-1', x: 50, y: -20 }, { noteId: 'n-3', x: 650, y: 80 }],
    }),
  );
  assert.equal(e.pendingCount(), 0);
  assert.deepEqual(positions(e), [['n-1', 50, -20], ['n-2', 300, 0], ['n-3', 650, 80]]);
});

test('CL5 another person sees the three notes move in the one event', () => {
  const e = started();
  e.receive(event('cluster_changed', 43, { cluster: cluster('k-1', ['n-1', 'n-2', 'n-3']) }));
  const seen = [];
  e.subscribe(() => seen.push(positions(e)));
  e.receive(
    event('cluster_moved', 44, {
      clusterId: 'k-1',
      positions: [{ noteId: 'n-1', x: 10, y: 10 }, { noteId: 'n-2', x: 310, y: 10 }, { noteId: 'n-3', x: 610, y: 110 }],
    }),
  );
  assert.deepEqual(seen, [[['n-1', 10, 10], ['n-2', 310, 10], ['n-3', 610, 110]]], 'one redraw, every note moved');
});

test('CL3 putCluster keeps a note in one cluster and drops the clusters it empties', () => {
  const clusters = new Map([
    ['k-1', cluster('k-1', ['a', 'b'])],
    ['k-2', cluster('k-2', ['c'])],
  ]);
  putCluster(clusters, cluster('k-3', ['b', 'c']));
  assert.deepEqual([...clusters.values()].map((c) => [c.id, c.noteIds]), [['k-1', ['a']], ['k-3', ['b', 'c']]]);
  assert.equal(clusterOfNote(clusters, 'c').id, 'k-3');
  assert.equal(clusterOfNote(clusters, 'z'), null);
  takeNoteOut(clusters, 'a');
  assert.deepEqual([...clusters.keys()], ['k-3']);
  applyClusterChange(clusters, { type: 'add_to_cluster', clusterId: 'k-ghost', noteIds: ['a'] });
  assert.deepEqual([...clusters.keys()], ['k-3'], 'an unknown cluster changes nothing');
  assert.deepEqual(clustersOn(clusters, 'main').map((c) => c.id), ['k-3']);
  assert.deepEqual(clustersOn(clusters, 'c-2'), []);
});

test('CL5 moveNotes stops a note at the edge of the canvas; the others move the whole way', () => {
  const notes = new Map([['a', { id: 'a', x: 99990, y: 0 }], ['b', { id: 'b', x: 0, y: 0 }]]);
  moveNotes(notes, cluster('k', ['a', 'b', 'gone']), 50, -5);
  assert.deepEqual([...notes.values()].map((n) => [n.x, n.y]), [[100000, -5], [50, -5]]);
});

test('CL5 the frame surrounds the drawn notes of a cluster, its title above them', () => {
  const notes = new Map([
    ['a', { id: 'a', x: 0, y: 0, width: 200, height: 140 }],
    ['b', { id: 'b', x: 300, y: 100, width: 100, height: 100 }],
  ]);
  assert.deepEqual(frameOf(cluster('k', ['a', 'b', 'gone']), notes, { padding: 10, titleHeight: 30 }), {
    x: -10,
    y: -40,
    width: 420,
    height: 250,
  });
  assert.deepEqual(frameOf(cluster('k', ['a']), notes, { padding: 0, titleHeight: 0, offset: { x: 5, y: -5 } }), {
    x: 5,
    y: -5,
    width: 200,
    height: 140,
  });
  assert.equal(frameOf(cluster('k', ['gone']), notes), null);
});

// --- lock-rules.js and note-selection.js: what the page decides before sending ----------------

import { isCanvasLocked, lockReason } from '../src/main/webroot/js/lock-rules.js';
import { NoteSelection, selectionPlan } from '../src/main/webroot/js/note-selection.js';

test('LK3 a participant is held back by a locked canvas, then by a locked note; the facilitator never', () => {
  const e = started();
  const arrangement = () => e.arrangement();
  const n1 = () => e.note('n-1');
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: false, canvasId: 'main' }), null);
  e.receive(event('note_updated', 43, { changeId: 'x', noteId: 'n-1', set: { locked: true } }));
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: false, note: n1() }), 'note');
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: false, note: e.note('n-2') }), null);
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: false, canvasId: 'main' }), null, 'creating is allowed');
  e.receive(event('canvas_locked', 44));
  assert.equal(isCanvasLocked(arrangement(), 'main'), true);
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: false, canvasId: 'main' }), 'canvas');
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: false, note: n1() }), 'canvas', 'the canvas says it first');
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: true, note: n1() }), null);
  assert.equal(lockReason({ arrangement: arrangement(), facilitator: true, canvasId: 'main' }), null);
  assert.equal(isCanvasLocked(arrangement(), 'c-ghost'), false);
});

test('CL6 a reveal keeps in the canvas\'s clusters only the notes it carries; a cluster left empty is gone', () => {
  const e = started();
  e.welcomedAs('p-someone-else'); // the notes are not theirs: private writing hides them all
  e.receive(event('cluster_changed', 43, { cluster: cluster('k-1', ['n-1', 'n-2']) }));
  e.receive(event('cluster_changed', 44, { cluster: cluster('k-2', ['n-3'], 'Ailleurs') }));
  const privacy = { changeId: 'c-p', canvasId: 'main', anonymous: false };
  e.receive(event('canvas_privacy_changed', 45, { ...privacy, private: true, notes: [] }));
  assert.deepEqual(e.notesOn('main'), []);
  assert.deepEqual(members(e), { 'k-1': ['n-1', 'n-2'], 'k-2': ['n-3'] }, 'clusters stay, made in public');
  // n-2 and n-3 are deleted meanwhile: this reader is told only that notes were.
  e.receive({ type: 'hidden', revision: 46, canvasId: 'main', change: 'deleted' });
  e.receive({ type: 'hidden', revision: 47, canvasId: 'main', change: 'deleted' });
  e.receive(event('canvas_privacy_changed', 48, { ...privacy, private: false, notes: [note('n-1', 0)] }));
  assert.deepEqual(members(e), { 'k-1': ['n-1'] }, 'as the server holds them now (CL4)');
});

test('CL1 the selection toggles, forgets notes that are gone, and tells its listeners', () => {
  const selection = new NoteSelection();
  let heard = 0;
  selection.onChange(() => heard++);
  selection.toggle('a');
  selection.toggle('b');
  selection.toggle('c');
  selection.toggle('b');
  assert.deepEqual(selection.list(), ['a', 'c']);
  assert.equal(selection.has('c'), true);
  selection.keepOnly(new Set(['c', 'z']));
  assert.deepEqual(selection.list(), ['c']);
  selection.keepOnly(new Set(['c']));
  assert.equal(heard, 5, 'keeping what is there is not a change');
  selection.clear();
  selection.clear();
  assert.equal(selection.size, 0);
  assert.equal(heard, 6);
});

test('CL3 the selection bar offers to take notes out of each cluster they are in, and to add the others', () => {
  const clusters = new Map([
    ['k-1', cluster('k-1', ['a', 'b'])],
    ['k-2', cluster('k-2', ['c'])],
  ]);
  const plan = selectionPlan(['a', 'c', 'd', 'b'], clusters);
  assert.equal(plan.count, 4);
  assert.deepEqual(plan.grouped, [
    { clusterId: 'k-1', noteIds: ['a', 'b'] },
    { clusterId: 'k-2', noteIds: ['c'] },
  ]);
  assert.deepEqual(plan.notIn(clusters.get('k-1')), ['c', 'd']);
  assert.deepEqual(selectionPlan(['d'], clusters).grouped, []);
});

import * as protocol from '../src/main/webroot/js/protocol.js';

test('CL1 CL5 the cluster builders trim the title, name each note once, and keep offsets in range', () => {
  let counter = 0;
  const ids = { changeId: () => `c-${++counter}`, clusterId: () => `k-${++counter}` };
  const created = protocol.createCluster(ids, { canvasId: 'main', title: '  Liens ', noteIds: ['a', 'b', 'a'] });
  assert.deepEqual(created, { type: 'create_cluster', changeId: 'c-1', clusterId: 'k-2', canvasId: 'main', title: 'Liens', noteIds: ['a', 'b'] });
  assert.throws(() => protocol.createCluster(ids, { canvasId: 'main', title: ' ', noteIds: ['a'] }), /name/);
  assert.throws(() => protocol.addToCluster(ids, 'k-1', []), /1 to 500/);
  const many = Array.from({ length: 501 }, (_, i) => `n-${i}`);
  assert.throws(() => protocol.removeFromCluster(ids, 'k-1', many), /1 to 500/);
  assert.deepEqual(protocol.moveCluster(ids, 'k-1', 1e9, -12.346), {
    type: 'move_cluster',
    changeId: `c-${counter}`,
    clusterId: 'k-1',
    dx: 200000,
    dy: -12.35,
  });
  assert.throws(() => protocol.moveCluster(ids, 'k-1', Number.NaN, 0), /Not a number/);
  assert.equal(protocol.lockCanvas(ids, 'main', 'yes').locked, false, 'only true locks');
});
