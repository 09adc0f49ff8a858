// SyncEngine: confirmed state from revisioned events in revision order (RV1, SY4), this tab's
// pending changes drawn on top (SY2), note rules as the client draws them (NT2 to NT4) and
// participants (HS6). The messages start from docs/protocol/examples/server/.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { SyncEngine, GAP_TIMEOUT_MS } from '../src/main/webroot/js/sync-engine.js';

const EXAMPLES = new URL('../../docs/protocol/examples/', import.meta.url);

function example(kind, type) {
  return JSON.parse(readFileSync(new URL(`${kind}/${type}.json`, EXAMPLES), 'utf8'));
}

const ME = 'p-5Hq2Lr8sWk1x'; // Aminata in the examples
const OTHER = 'p-9Zt4Mn2bQe7c'; // Gabriel
const NOTE = 'n-t7f3k-1';

/** An engine on a manual clock: `engine.clock.t` is the time now. */
function engine() {
  const clock = { t: 0 };
  const e = new SyncEngine({ now: () => clock.t });
  e.clock = clock;
  return e;
}

/** The example snapshot, its note renamed NOTE so that the update and delete examples apply. */
function snapshot(revision, overrides = {}) {
  const base = example('server', 'snapshot');
  return { ...base, revision, notes: base.notes.map((n) => ({ ...n, id: NOTE })), ...overrides };
}

function note(id, props = {}) {
  return { ...example('server', 'snapshot').notes[0], id, ...props };
}

function created(revision, noteProps = {}, changeId = `other-${revision}`) {
  const base = example('server', 'note_created');
  return { ...base, revision, changeId, participantId: OTHER, note: { ...base.note, ...noteProps } };
}

function updated(revision, set, changeId = `other-${revision}`, noteId = NOTE) {
  return { ...example('server', 'note_updated'), revision, changeId, participantId: OTHER, noteId, set };
}

function deleted(revision, changeId = `other-${revision}`, noteId = NOTE) {
  return { ...example('server', 'note_deleted'), revision, changeId, participantId: OTHER, noteId };
}

function ack(changeId, revision) {
  return { ...example('server', 'ack'), changeId, revision };
}

function refusal(changeId, code = 'note_deleted') {
  return { ...example('server', 'error'), changeId, code };
}

function startedAt(revision = 42, overrides) {
  const e = engine();
  e.receive(snapshot(revision, overrides));
  return e;
}

const texts = (e) => e.notes().map((n) => n.text);

// --- RV1 / SY4: revision order ------------------------------------------------------------------

test('RV1 events are applied in revision order, whatever order they arrive in', () => {
  const e = startedAt(42);
  e.receive(updated(44, { text: 'second' }));
  assert.equal(e.confirmedRevision, 42, 'revision 44 must wait for 43');
  assert.equal(e.note(NOTE).text, 'Qui prend soin du commun ?');
  e.receive(updated(43, { text: 'first' }));
  assert.equal(e.confirmedRevision, 44);
  assert.equal(e.note(NOTE).text, 'second');
});

test('SY4 a duplicate event, or one at or below the confirmed revision, is ignored', () => {
  const e = startedAt(42);
  e.receive(updated(43, { text: 'applied' }));
  e.receive(updated(43, { text: 'duplicate' }));
  e.receive(updated(42, { text: 'at confirmed' }));
  e.receive(updated(7, { text: 'old' }));
  e.receive(created(40, { id: 'n-old' }));
  assert.equal(e.confirmedRevision, 43);
  assert.deepEqual(texts(e), ['applied']);
  assert.equal(e.needsSync(), false, 'ignored events are not a gap');
});

test('SY4 an event beyond the next revision is held until the gap fills', () => {
  const e = startedAt(42);
  e.receive(created(45, { id: 'n-late', text: 'late', z: 9 }));
  e.receive(updated(44, { text: 'middle' }));
  assert.equal(e.confirmedRevision, 42);
  assert.equal(e.note('n-late'), null);
  assert.equal(e.note(NOTE).text, 'Qui prend soin du commun ?');
  e.receive(updated(43, { x: 1 }));
  assert.equal(e.confirmedRevision, 45);
  assert.equal(e.note(NOTE).text, 'middle');
  assert.equal(e.note(NOTE).x, 1);
  assert.equal(e.note('n-late').text, 'late');
  assert.equal(e.needsSync(), false);
});

test('SY4 needsSync() is false before a gap has lasted 2 s and true from then on', () => {
  const e = startedAt(42);
  assert.equal(GAP_TIMEOUT_MS, 2000);
  e.clock.t = 1000;
  e.receive(updated(44, { text: 'ahead' }));
  assert.equal(e.needsSync(), false);
  e.clock.t = 2999;
  assert.equal(e.needsSync(), false);
  e.clock.t = 3000;
  assert.equal(e.needsSync(), true);
  e.clock.t = 60000;
  assert.equal(e.needsSync(), true);
  e.receive(updated(43, { text: 'filled' }));
  assert.equal(e.needsSync(), false, 'the gap is filled');
});

test('SY4 without a gap needsSync() stays false however long it waits', () => {
  const e = startedAt(42);
  e.receive(updated(43, { text: 'next' }));
  e.clock.t = 1e9;
  assert.equal(e.needsSync(), false);
});

test('SY4 syncRequested() restarts the 2 s wait', () => {
  const e = startedAt(42);
  e.receive(updated(44, { text: 'ahead' }));
  e.clock.t = 2500;
  assert.equal(e.needsSync(), true);
  e.syncRequested();
  assert.equal(e.needsSync(), false);
  e.clock.t = 4499;
  assert.equal(e.needsSync(), false);
  e.clock.t = 4500;
  assert.equal(e.needsSync(), true);
});

test('SY4 a snapshot drops held events at or below its revision and then drains later ones', () => {
  const e = startedAt(40);
  e.receive(updated(42, { text: 'stale 42' }));
  e.receive(updated(43, { text: 'stale 43' }));
  e.receive(created(44, { id: 'n-44', text: 'after', z: 10 }));
  e.receive(updated(46, { text: 'after the hole' }));
  assert.equal(e.confirmedRevision, 40);
  e.clock.t = 5000;
  assert.equal(e.needsSync(), true);

  e.receive(snapshot(43, { notes: [note(NOTE, { text: 'fresh', z: 3 })] }));
  assert.equal(e.confirmedRevision, 44, 'the snapshot (43) then the held 44');
  assert.equal(e.note(NOTE).text, 'fresh', 'held events at or below the snapshot are dropped');
  assert.equal(e.note('n-44').text, 'after');
  e.clock.t = 7000;
  assert.equal(e.needsSync(), true, 'a hole remains at 45 while 46 is held');
  e.receive(updated(45, { x: 5 }));
  assert.equal(e.confirmedRevision, 46);
  assert.equal(e.note(NOTE).text, 'after the hole');
  assert.equal(e.needsSync(), false);
});

test('SY4 a snapshot that covers every held event ends the gap', () => {
  const e = startedAt(40);
  e.receive(updated(42, { text: 'stale' }));
  e.clock.t = 3000;
  assert.equal(e.needsSync(), true);
  e.receive(snapshot(45, { notes: [note(NOTE, { text: 'fresh' })] }));
  assert.equal(e.needsSync(), false);
  assert.equal(e.confirmedRevision, 45);
  assert.equal(e.note(NOTE).text, 'fresh');
  e.receive(updated(42, { text: 'late and old' }));
  assert.equal(e.note(NOTE).text, 'fresh');
});

// --- SY2: pending changes -----------------------------------------------------------------------

test('SY2 a proposed change is drawn at once on top of the confirmed state', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'mine' } });
  assert.equal(e.note(NOTE).text, 'mine');
  assert.equal(e.confirmedNotes.get(NOTE).text, 'Qui prend soin du commun ?', 'not confirmed yet');
  e.propose({ type: 'create_note', changeId: 'me-2', noteId: 'n-me', x: 1, y: 2, width: 200, height: 140, text: 'new', color: 'pink' });
  const mine = e.note('n-me');
  assert.deepEqual({ ...mine }, { id: 'n-me', canvasId: 'main', x: 1, y: 2, width: 200, height: 140, text: 'new', color: 'pink', z: 4, createdBy: null });
  assert.equal(e.pendingCount(), 2);
  assert.deepEqual(e.pendingChanges().map((c) => c.changeId), ['me-1', 'me-2']);
});

test('SY2 pending changes are applied in the order they were made', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'one', x: 10 } });
  e.propose({ type: 'update_note', changeId: 'me-2', noteId: NOTE, set: { text: 'two' } });
  assert.equal(e.note(NOTE).text, 'two');
  assert.equal(e.note(NOTE).x, 10);
});

test('SY2 pending changes stay on top of later remote events of other clients', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'mine' } });
  e.receive(updated(43, { text: 'theirs', y: 500 }, 'other-1'));
  assert.equal(e.pendingCount(), 1);
  assert.equal(e.note(NOTE).text, 'mine', 'the pending text is drawn over the remote one');
  assert.equal(e.note(NOTE).y, 500, 'the remote property the change does not touch shows');
  // The server orders my change after theirs: the drawing converges to server order.
  e.receive({ ...updated(44, { text: 'mine' }, 'me-1'), participantId: ME });
  assert.equal(e.pendingCount(), 0);
  assert.equal(e.note(NOTE).text, 'mine');
  assert.equal(e.confirmedNotes.get(NOTE).text, 'mine');
});

test('SY2 a change stops being pending when its event (same changeId) arrives', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'mine' } });
  e.propose({ type: 'update_note', changeId: 'me-2', noteId: NOTE, set: { x: 7 } });
  e.receive(updated(43, { text: 'mine' }, 'someone-else'));
  assert.equal(e.pendingCount(), 2, 'another changeId does not settle mine');
  e.receive(updated(44, { text: 'mine' }, 'me-1'));
  assert.deepEqual(e.pendingChanges().map((c) => c.changeId), ['me-2']);
  // The server ordered a remote change after mine: with me-1 settled the remote value shows.
  e.receive(updated(45, { text: 'theirs, later' }));
  assert.equal(e.note(NOTE).text, 'theirs, later');
  assert.equal(e.note(NOTE).x, 7, 'me-2 is still drawn on top');
});

test('SY2 an event held behind a gap does not settle its change until it is applied', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'mine' } });
  e.receive(updated(44, { text: 'mine' }, 'me-1'));
  assert.equal(e.pendingCount(), 1);
  assert.equal(e.note(NOTE).text, 'mine');
  e.receive(updated(43, { text: 'theirs' }));
  assert.equal(e.pendingCount(), 0);
  assert.equal(e.note(NOTE).text, 'mine');
});

test('SY2 a change stops being pending on its ack', () => {
  const e = startedAt(42);
  e.propose({ type: 'delete_note', changeId: 'me-1', noteId: NOTE });
  e.propose({ type: 'update_note', changeId: 'me-2', noteId: 'n-none', set: { x: 1 } });
  assert.equal(e.receive(ack('me-1', 43)), null);
  assert.deepEqual(e.pendingChanges().map((c) => c.changeId), ['me-2']);
  assert.equal(e.receive(ack('unknown', 44)), null);
  assert.equal(e.pendingCount(), 1);
});

test('SY2 an ack that arrives before its event (held behind a gap) keeps the change drawn until the event is applied', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'mine' } });
  e.receive(updated(44, { text: 'mine' }, 'me-1')); // held: 43 is missing
  e.receive(ack('me-1', 44));
  assert.equal(e.pendingCount(), 0, 'acknowledged: no longer unsent');
  assert.deepEqual(e.pendingChanges(), [], 'acknowledged: not sent again after a reconnect');
  assert.equal(e.note(NOTE).text, 'mine', 'still drawn while its event waits for 43');
  e.receive(updated(43, { text: 'theirs' }));
  assert.equal(e.confirmedRevision, 44);
  assert.equal(e.note(NOTE).text, 'mine');
  assert.equal(e.pending.size, 0, 'settled once its revision is confirmed');
});

test('SY2 an ack for a revision already confirmed settles the change at once', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'mine' } });
  e.receive(snapshot(50)); // e.g. a catch-up snapshot that already holds the change
  e.receive(ack('me-1', 44));
  assert.equal(e.pending.size, 0);
});

test('SY2 an error with its changeId refuses the change: receive returns {refused}', () => {
  const e = startedAt(42);
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'refused' } });
  e.propose({ type: 'update_note', changeId: 'me-2', noteId: NOTE, set: { x: 99 } });
  const error = refusal('me-1');
  assert.deepEqual(e.receive(error), { refused: error });
  assert.deepEqual(e.pendingChanges().map((c) => c.changeId), ['me-2']);
  assert.equal(e.note(NOTE).text, 'Qui prend soin du commun ?', 'the refused text is no longer drawn');
  assert.equal(e.note(NOTE).x, 99);
  // An error for no pending change (or without a changeId) refuses nothing.
  assert.equal(e.receive(refusal('me-1')), null);
  assert.equal(e.receive({ type: 'error', code: 'bad_message', message: 'x is missing' }), null);
  assert.equal(e.pendingCount(), 1);
});

test('SY2 a refused create disappears from the drawing', () => {
  const e = startedAt(42);
  e.propose({ type: 'create_note', changeId: 'me-1', noteId: 'n-me', x: 0, y: 0, width: 200, height: 140, text: 'gone soon', color: 'blue' });
  assert.ok(e.note('n-me'));
  assert.equal(e.notes().length, 2);
  const outcome = e.receive(refusal('me-1', 'note_exists'));
  assert.equal(outcome.refused.code, 'note_exists');
  assert.equal(e.note('n-me'), null);
  assert.equal(e.notes().length, 1);
});

test('SY2 propose() refuses what is not a change', () => {
  const e = startedAt(42);
  assert.throws(() => e.propose({ type: 'move_cursor', x: 1, y: 2, editingNoteId: null }));
  assert.throws(() => e.propose({ type: 'delete_note', noteId: NOTE }));
  assert.equal(e.pendingCount(), 0);
});

// --- NT2 to NT4 ---------------------------------------------------------------------------------

test('NT2 each property is last-writer-wins in server order, not arrival order', () => {
  const e = startedAt(42);
  e.receive(updated(45, { x: 3 }));
  e.receive(updated(44, { x: 2, color: 'green' }));
  e.receive(updated(43, { x: 1, text: 'from 43', color: 'pink' }));
  const n = e.note(NOTE);
  assert.equal(n.x, 3);
  assert.equal(n.color, 'green');
  assert.equal(n.text, 'from 43');
  assert.equal(n.y, -40, 'properties no event set keep their value');
  assert.equal(n.width, 200);
});

test('NT3 a delete is final: later updates and bring-to-front of that note are ignored', () => {
  const e = startedAt(42);
  e.receive(deleted(43));
  assert.equal(e.note(NOTE), null);
  e.receive(updated(44, { text: 'zombie' }));
  e.receive(updated(45, { z: 50 }));
  assert.equal(e.confirmedRevision, 45);
  assert.equal(e.note(NOTE), null);
  assert.deepEqual(e.notes(), []);
  // A pending change of this tab cannot bring it back either.
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'zombie' } });
  e.propose({ type: 'bring_note_to_front', changeId: 'me-2', noteId: NOTE });
  assert.deepEqual(e.notes(), []);
});

test('NT3 a pending delete hides the note until the server answers', () => {
  const e = startedAt(42);
  e.propose({ type: 'delete_note', changeId: 'me-1', noteId: NOTE });
  assert.equal(e.note(NOTE), null);
  e.receive(updated(43, { text: 'edited meanwhile' }));
  assert.equal(e.note(NOTE), null, 'the pending delete stays on top');
  e.receive(deleted(44, 'me-1'));
  assert.equal(e.pendingCount(), 0);
  assert.equal(e.note(NOTE), null);
});

test('NT4 notes() is sorted by ascending z, and bring_note_to_front is drawn at max z + 1', () => {
  const e = startedAt(42, {
    notes: [note('n-a', { z: 5, text: 'a' }), note('n-b', { z: 1, text: 'b' }), note('n-c', { z: 3, text: 'c' })],
  });
  assert.deepEqual(texts(e), ['b', 'c', 'a']);
  assert.equal(e.frontZ(), 6);
  e.propose({ type: 'bring_note_to_front', changeId: 'me-1', noteId: 'n-b' });
  assert.deepEqual(texts(e), ['c', 'a', 'b']);
  assert.equal(e.note('n-b').z, 6);
  // The server's answer replaces the guess.
  e.receive(updated(43, { z: 6 }, 'me-1', 'n-b'));
  assert.equal(e.pendingCount(), 0);
  assert.equal(e.confirmedNotes.get('n-b').z, 6);
  assert.deepEqual(texts(e), ['c', 'a', 'b']);
});

test('NT4 a pending create is drawn in front, and a remote bring-to-front reorders the notes', () => {
  const e = startedAt(42, { notes: [note('n-a', { z: 2, text: 'a' }), note('n-b', { z: 7, text: 'b' })] });
  e.propose({ type: 'create_note', changeId: 'me-1', noteId: 'n-me', x: 0, y: 0, width: 200, height: 140, text: 'me', color: 'yellow' });
  assert.equal(e.note('n-me').z, 8);
  assert.deepEqual(texts(e), ['a', 'b', 'me']);
  e.receive(updated(43, { z: 8 }, 'other-1', 'n-a'));
  assert.equal(e.note('n-a').z, 8);
  assert.equal(e.note('n-me').z, 9, 'the pending create is recomputed above the new front');
  assert.deepEqual(texts(e), ['b', 'a', 'me']);
});

// --- HS6: participants --------------------------------------------------------------------------

test('HS6 participants come from the snapshot, participant_joined and presence_changed', () => {
  const e = startedAt(45);
  assert.deepEqual(e.participantList(), example('server', 'snapshot').participants);
  e.receive({ ...example('server', 'participant_joined'), revision: 46 });
  e.receive({ ...example('server', 'presence_changed'), revision: 47 });
  const gabriel = e.participantList().find((p) => p.id === OTHER);
  assert.deepEqual(gabriel, { id: OTHER, name: 'Gabriel', color: '#1971c2', online: false });
  e.receive({ type: 'presence_changed', revision: 48, participantId: OTHER, online: true });
  e.receive({ type: 'presence_changed', revision: 49, participantId: ME, online: false });
  assert.equal(e.participantList().find((p) => p.id === OTHER).online, true);
  assert.equal(e.participantList().find((p) => p.id === ME).online, false);
  // A presence event for someone unknown does not invent a participant.
  e.receive({ type: 'presence_changed', revision: 50, participantId: 'p-nobody', online: true });
  assert.equal(e.participantList().length, 2);
  assert.equal(e.confirmedRevision, 50);
});

test('HS6 a participant_joined beyond a gap is held like any revisioned event', () => {
  const e = startedAt(45);
  e.receive({ ...example('server', 'participant_joined'), revision: 47 });
  assert.equal(e.participantList().length, 1);
  e.receive({ ...example('server', 'presence_changed'), participantId: ME, revision: 46 });
  assert.equal(e.participantList().length, 2);
  assert.equal(e.participantList().find((p) => p.id === ME).online, false);
});

// --- subscribe ----------------------------------------------------------------------------------

test('SY2 subscribe() listeners hear every change of the drawing, and stop after unsubscribe', () => {
  const e = engine();
  const reasons = [];
  const unsubscribe = e.subscribe((reason) => reasons.push(reason));
  e.receive(snapshot(42));
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'a' } });
  e.propose({ type: 'update_note', changeId: 'me-2', noteId: NOTE, set: { text: 'b' } });
  e.propose({ type: 'update_note', changeId: 'me-3', noteId: NOTE, set: { text: 'c' } });
  e.receive(updated(44, { x: 1 })); // held: nothing drawn changes
  assert.deepEqual(reasons, ['snapshot', 'local', 'local', 'local']);
  e.receive(updated(43, { x: 0 }, 'me-1'));
  e.receive(ack('me-2', 45));
  e.receive(refusal('me-3'));
  assert.deepEqual(reasons, ['snapshot', 'local', 'local', 'local', 'event', 'ack', 'refused']);
  const second = [];
  e.subscribe((reason) => second.push(reason));
  unsubscribe();
  e.receive(updated(45, { x: 2 }));
  assert.equal(reasons.length, 7);
  assert.deepEqual(second, ['event']);
});

test('SY2 notes() reflects a change right after the listener is called', () => {
  const e = startedAt(42);
  const seen = [];
  e.subscribe(() => seen.push(e.note(NOTE)?.text));
  e.notes(); // fill the cache
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'now' } });
  e.receive(updated(43, { text: 'remote' }, 'me-1'));
  assert.deepEqual(seen, ['now', 'remote']);
});

test('SY3 pending changes survive a reload of the tab and are proposed again with the same ids', async () => {
  const { keepPendingAcrossReloads } = await import('../src/main/webroot/js/pending-store.js');
  const storage = new Map();
  const store = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) };
  const before = startedAt(42);
  keepPendingAcrossReloads(before, 'w1', store);
  before.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { text: 'offline' } });
  before.propose({ type: 'delete_note', changeId: 'me-2', noteId: NOTE });
  before.receive(ack('me-2', 43));

  const after = engine(); // the page after the reload
  keepPendingAcrossReloads(after, 'w1', store);
  assert.deepEqual(after.pendingChanges().map((c) => c.changeId), ['me-1'], 'the acknowledged one is not kept');
  after.receive(snapshot(43));
  assert.equal(after.note(NOTE).text, 'offline');
  after.receive(ack('me-1', 44));
  after.receive(updated(44, { text: 'offline' }, 'me-1'));
  assert.equal(JSON.parse(storage.get('atelier.pending.w1')).length, 0);
});

test('SY4 a synced above the confirmed revision asks for sync at once, not after 2 s', () => {
  const e = engine();
  e.receive({ type: 'synced', revision: 42 }); // the snapshot before it never arrived
  assert.equal(e.needsSync(), true);
  e.receive(snapshot(42));
  assert.equal(e.needsSync(), false, 'the snapshot ends the gap');
  e.receive({ type: 'synced', revision: 42 });
  assert.equal(e.needsSync(), false, 'at the synced revision: nothing to ask');
  e.receive({ type: 'synced', revision: 40 });
  assert.equal(e.needsSync(), false, 'below it: live events already went further');
});

test('SY1 SY4 with nothing confirmed, sync asks from 0 and events from revision 1 build the state', () => {
  const e = engine();
  assert.equal(e.syncFrom(), 0);
  e.receive({ ...example('server', 'participant_joined'), revision: 2 });
  e.receive(created(1));
  assert.equal(e.confirmedRevision, null, 'before a snapshot or a sync, live events wait');
  e.syncRequested(); // the tab sent sync from 0: the empty workshop at revision 0 is its base
  assert.equal(e.confirmedRevision, 2);
  assert.equal(e.notes().length, 1);
  assert.equal(e.participantList().length, 1);
});

// --- CV, RM, AG, TM: what the facilitator arranges ------------------------------------------------

function event(type, revision, fields = {}) {
  return { ...example('server', type), revision, ...fields };
}

test('CV1 the snapshot brings canvases, groups, roles, agenda, progress and timer', () => {
  const e = startedAt(42);
  const arranged = e.arrangement();
  assert.deepEqual([...arranged.canvases.keys()], ['main']);
  assert.equal(e.groupOf(ME), 'main');
  assert.equal(arranged.roles.get(ME).get('community'), 'Bénévole');
  assert.equal(arranged.agenda[0].kind, 'round_table');
  assert.equal(arranged.progress.currentStepId, 's-1');
  assert.deepEqual(arranged.timer, example('server', 'snapshot').timer);
});

test('CV1 to CV4 canvas and group events change the arrangement in revision order', () => {
  const e = startedAt(42);
  e.receive(event('canvas_renamed', 44, { canvasId: 'main', name: 'Plénière' }));
  assert.equal(e.arrangement().canvases.get('main').name, 'Canevas MSC', 'held behind the gap at 43');
  e.receive(event('canvas_created', 43));
  assert.equal(e.arrangement().canvases.get('main').name, 'Plénière');
  assert.deepEqual([...e.arrangement().canvases.keys()], ['main', 'c-t7f3k-2']);
  e.receive(event('group_assigned', 45, { canvasId: 'c-t7f3k-2' }));
  assert.equal(e.groupOf(ME), 'c-t7f3k-2');
});

test('CV3 a deleted canvas takes its notes and its group with it', () => {
  const e = startedAt(42);
  e.receive(event('canvas_created', 43, { canvas: { id: 'c-2', name: 'B', template: 'blank', createdAt: 1 } }));
  e.receive(created(44, { id: 'n-on-2', canvasId: 'c-2' }));
  e.receive(event('group_assigned', 45, { canvasId: 'c-2' }));
  assert.deepEqual(e.notesOn('c-2').map((n) => n.id), ['n-on-2']);
  e.receive(event('canvas_deleted', 46, { canvasId: 'c-2' }));
  assert.deepEqual(e.notesOn('c-2'), []);
  assert.equal(e.groupOf(ME), null);
  assert.equal(e.notesOn('main').length, 1, 'notes of other canvases stay');
});

test('RM1 a role marker is drawn at once for this tab, and taken away with null', () => {
  const e = startedAt(42);
  e.welcomedAs(ME);
  e.propose({ type: 'set_role', changeId: 'me-1', pillar: 'sharing', role: 'Je documente' });
  assert.equal(e.arrangement().roles.get(ME).get('sharing'), 'Je documente');
  e.receive(event('role_set', 43, { changeId: 'me-1', participantId: ME, pillar: 'sharing', role: 'Je documente' }));
  assert.equal(e.pendingCount(), 0);
  e.receive(event('role_set', 44, { changeId: 'x', participantId: ME, pillar: 'community', role: null }));
  assert.deepEqual([...e.arrangement().roles.get(ME).keys()], ['sharing']);
});

test('AT1 the snapshot says who is remote; a change of attendance is drawn at once, then confirmed or undone', () => {
  const e = startedAt(42);
  assert.deepEqual([...e.arrangement().remote], [ME]);
  e.propose({ type: 'set_attendance', changeId: 'me-1', participantId: ME, remote: false });
  assert.deepEqual([...e.arrangement().remote], []);
  e.receive(refusal('me-1', 'not_facilitator'));
  assert.deepEqual([...e.arrangement().remote], [ME]);
  e.receive(event('attendance_changed', 43, { changeId: 'x', member: OTHER, remote: true }));
  assert.deepEqual([...e.arrangement().remote], [ME, OTHER]);
});

test('AG2 TM1 steps and timers move only when the server says so, with its times', () => {
  const e = startedAt(42);
  e.propose({ type: 'go_to_step', changeId: 'me-1', stepId: 's-2' });
  e.propose({ type: 'command_timer', changeId: 'me-2', action: 'start', seconds: 60 });
  assert.equal(e.arrangement().progress.currentStepId, 's-1');
  assert.equal(e.arrangement().timer.status, 'paused');
  e.receive(event('progress_changed', 43, { changeId: 'me-1' }));
  e.receive(event('timer_changed', 44, { changeId: 'me-2' }));
  assert.equal(e.arrangement().progress.currentStepId, 's-2');
  assert.equal(e.arrangement().progress.focusPillar, 'community');
  assert.equal(e.arrangement().timer.deadline, 1764148600000);
  assert.equal(e.pendingCount(), 0);
});

test('AG1 a proposed agenda is drawn at once and replaced by the confirmed one', () => {
  const e = startedAt(42);
  const steps = example('client', 'set_agenda').steps;
  e.propose({ type: 'set_agenda', changeId: 'me-1', steps });
  assert.deepEqual(e.arrangement().agenda.map((s) => s.id), ['s-1', 's-2']);
  e.receive(refusal('me-1', 'not_facilitator'));
  assert.deepEqual(e.arrangement().agenda.map((s) => s.kind), ['round_table']);
});

// --- RT: the round table --------------------------------------------------------------------------

test('RT8 the snapshot and round_table_changed bring the round table; turns move only when confirmed', () => {
  const e = startedAt(42);
  assert.deepEqual(e.arrangement().roundTable, example('server', 'snapshot').roundTable);
  e.propose({ type: 'next_turn', changeId: 'me-1' });
  assert.equal(e.arrangement().roundTable.current.participantId, ME, 'the server gives the time of a turn');
  e.receive(event('round_table_changed', 43, { changeId: 'me-1' }));
  assert.equal(e.pendingCount(), 0);
  assert.deepEqual(e.arrangement().roundTable, example('server', 'round_table_changed').roundTable);
});

test('RT1 a proposed speaking order is drawn at once and dropped when refused', () => {
  const e = startedAt(42);
  e.propose({ type: 'set_speaking_order', changeId: 'me-1', participantIds: [] });
  assert.deepEqual(e.arrangement().roundTable.order, []);
  e.receive(refusal('me-1', 'not_facilitator'));
  assert.deepEqual(e.arrangement().roundTable.order, [ME]);
});

test('a note moving keeps the arrangement object, so its views can skip work; a steering event replaces it', () => {
  const e = startedAt(42);
  const before = e.arrangement();
  e.receive(updated(43, { x: 5 }));
  e.propose({ type: 'update_note', changeId: 'me-1', noteId: NOTE, set: { y: 7 } });
  e.receive(ack('me-1', 44));
  assert.equal(e.arrangement(), before);
  e.receive(event('timer_changed', 44, { changeId: 'other-44' }));
  assert.notEqual(e.arrangement(), before);
  assert.equal(e.arrangement().timer.status, 'running');
  const afterTimer = e.arrangement();
  e.propose({ type: 'set_roaming', changeId: 'me-2', roaming: true });
  assert.notEqual(e.arrangement(), afterTimer);
  assert.equal(e.arrangement().progress.roaming, true);
  e.receive(refusal('me-2', 'not_facilitator'));
  assert.equal(e.arrangement().progress.roaming, false);
});

// --- PW: private writing and reveal ---------------------------------------------------------------

test('PW1 entering private writing keeps only my notes of the canvas, and hidden events count the others', () => {
  const e = startedAt(42);
  e.welcomedAs(ME);
  e.receive(created(43, { id: 'n-mine', createdBy: ME }));
  e.receive(created(44, { id: 'n-theirs', createdBy: OTHER }));
  e.receive(event('canvas_privacy_changed', 45, { changeId: 'x', canvasId: 'main', private: true, anonymous: false, notes: [] }));
  const ids = e.notesOn('main').map((n) => n.id);
  assert.ok(ids.includes('n-mine') && !ids.includes('n-theirs'), ids.join());
  assert.ok(e.notesOn('main').every((n) => n.createdBy === ME), 'only mine are left');
  assert.ok(e.arrangement().hiddenNotes.get('main') >= 1);
  const before = e.arrangement().hiddenNotes.get('main');
  e.receive({ type: 'hidden', revision: 46, canvasId: 'main', change: 'created' });
  e.receive({ type: 'hidden', revision: 47, canvasId: 'main', change: 'updated' });
  assert.equal(e.arrangement().hiddenNotes.get('main'), before + 1);
  assert.equal(e.confirmedRevision, 47, 'a hidden revision is still a revision (SY4)');
  assert.ok(e.arrangement().privateCanvases.has('main'));
});

test('PW2 a reveal brings every note of the canvas; an anonymous one names nobody but keeps mine mine', () => {
  const e = startedAt(42);
  e.welcomedAs(ME);
  e.receive(created(43, { id: 'n-mine', createdBy: ME }));
  e.receive(event('canvas_privacy_changed', 44, { changeId: 'x', canvasId: 'main', private: true, anonymous: false, notes: [] }));
  const theirs = { ...example('server', 'note_created').note, id: 'n-theirs', createdBy: null };
  const mine = { ...example('server', 'note_created').note, id: 'n-mine', createdBy: null };
  e.receive(event('canvas_privacy_changed', 45, { changeId: 'y', canvasId: 'main', private: false, anonymous: true, notes: [mine, theirs] }));
  const byId = new Map(e.notesOn('main').map((n) => [n.id, n]));
  assert.equal(byId.get('n-theirs').createdBy, null);
  assert.equal(byId.get('n-mine').createdBy, ME);
  assert.equal(e.arrangement().hiddenNotes.has('main'), false);
  assert.ok(e.arrangement().anonymousCanvases.has('main'));
  assert.ok(!e.arrangement().privateCanvases.has('main'));
});

test('PW1 a snapshot says which canvases are private or anonymous and how many notes it hides', () => {
  const e = startedAt(42, { privateCanvases: ['main'], anonymousCanvases: ['main'], hiddenNotes: { main: 4 } });
  assert.ok(e.arrangement().privateCanvases.has('main'));
  assert.ok(e.arrangement().anonymousCanvases.has('main'));
  assert.equal(e.arrangement().hiddenNotes.get('main'), 4);
});

test('LM1 a change answered rate_limited stays pending and drawn: it is not a refusal', () => {
  const engine = new SyncEngine({ now: () => 0 });
  engine.receive({ type: 'snapshot', revision: 1, notes: [], participants: [] });
  const create = {
    type: 'create_note',
    changeId: 'lm1-1',
    noteId: 'n-lm1',
    canvasId: 'main',
    x: 0,
    y: 0,
    width: 200,
    height: 140,
    text: 'Encore là',
    color: 'yellow',
  };
  engine.propose(create);
  const outcome = engine.receive({
    type: 'error',
    code: 'rate_limited',
    message: 'Too many changes at once: this one was not applied.',
    changeId: 'lm1-1',
    retryAfterMs: 1000,
  });
  assert.equal(outcome.rateLimited.retryAfterMs, 1000);
  assert.equal(outcome.refused, undefined);
  assert.equal(engine.pendingCount(), 1);
  assert.deepEqual(engine.pendingChanges(), [create]);
  assert.equal(engine.note('n-lm1').text, 'Encore là');
});
