// The client's builders and receivers checked against docs/protocol/examples/: what the browser
// sends has exactly the shape of the client examples, and every server example is understood.
// Run from web-client/: node --test --test-reporter=spec test/

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

import * as protocol from '../src/main/webroot/js/protocol.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import { Connection } from '../src/main/webroot/js/connection.js';

const EXAMPLES = new URL('../../docs/protocol/examples/', import.meta.url);

function exampleText(kind, name) {
  return readFileSync(new URL(`${kind}/${name}`, EXAMPLES), 'utf8');
}

function example(kind, type) {
  return JSON.parse(exampleText(kind, `${type}.json`));
}

function exampleNames(kind) {
  return readdirSync(new URL(`${kind}/`, EXAMPLES))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** The field set and JSON types of a message, nested objects included: {x: 'number', set: {...}}. */
function shape(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return ['array', ...value.map(shape)];
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape(value[key])]),
    );
  }
  return typeof value;
}

/** An id factory with the example's prefix, so builders can be compared with the examples. */
function fixedIds(prefix = 't7f3k') {
  let counter = 0;
  return {
    changeId: () => `${prefix}-${++counter}`,
    noteId: () => `n-${prefix}-${++counter}`,
    canvasId: () => `c-${prefix}-${++counter}`,
    stepId: () => `s-${prefix}-${++counter}`,
    clusterId: () => `k-${prefix}-${++counter}`,
  };
}

const CLIENT_TYPES = [
  'hello',
  'create_note',
  'update_note',
  'delete_note',
  'bring_note_to_front',
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
  'lock_note',
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
  'move_cursor',
  'sync',
  'ping',
  'summon',
  'share_view',
];

const SERVER_TYPES = [
  'welcome',
  'snapshot',
  'synced',
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
  'ack',
  'error',
  'cursor_moved',
  'pong',
  'summoned',
  'facilitator_view',
];

/** Builds, with protocol.js, the message a client would send for the given example. */
function build(type, ex) {
  const ids = fixedIds();
  switch (type) {
    case 'hello':
      return protocol.hello({
        workshopId: ex.workshopId,
        token: ex.token,
        displayName: ex.displayName,
        lastRevision: ex.lastRevision,
      });
    case 'create_note':
      return protocol.createNote(ids, ex);
    case 'update_note':
      return protocol.updateNote(ids, ex.noteId, ex.set);
    case 'delete_note':
      return protocol.deleteNote(ids, ex.noteId);
    case 'bring_note_to_front':
      return protocol.bringNoteToFront(ids, ex.noteId);
    case 'create_canvas':
      return protocol.createCanvas(ids, ex);
    case 'rename_canvas':
      return protocol.renameCanvas(ids, ex.canvasId, ex.name);
    case 'delete_canvas':
      return protocol.deleteCanvas(ids, ex.canvasId);
    case 'assign_group':
      return protocol.assignGroup(ids, ex.participantId, ex.canvasId);
    case 'set_canvas_privacy':
      return protocol.setCanvasPrivacy(ids, ex.canvasId, ex.private, ex.anonymous);
    case 'set_access':
      return protocol.setAccess(ids, ex.participantId, ex.access);
    case 'lock_workshop':
      return protocol.lockWorkshop(ids, ex.locked);
    case 'set_passcode':
      return protocol.setPasscode(ids, ex.passcode);
    case 'remove_participant':
      return protocol.removeParticipant(ids, ex.participantId);
    case 'set_attendance':
      return protocol.setAttendance(ids, ex.participantId, ex.remote);
    case 'set_role':
      return protocol.setRole(ids, ex.pillar, ex.role);
    case 'set_agenda':
      return protocol.setAgenda(ids, ex.steps);
    case 'go_to_step':
      return protocol.goToStep(ids, ex.stepId);
    case 'set_roaming':
      return protocol.setRoaming(ids, ex.roaming);
    case 'focus_pillar':
      return protocol.focusPillar(ids, ex.pillar);
    case 'command_timer':
      return protocol.commandTimer(ids, ex.action, ex.seconds);
    case 'set_speaking_order':
      return protocol.setSpeakingOrder(ids, ex.participantIds);
    case 'raise_hand':
      return protocol.raiseHand(ids);
    case 'lower_hand':
      return protocol.lowerHand(ids);
    case 'answer_hand':
      return protocol.answerHand(ids, ex.participantId, ex.accept);
    case 'configure_round':
      return protocol.configureRound(ids, ex.turnSeconds, ex.warningSeconds);
    case 'add_turn_time':
      return protocol.addTurnTime(ids, ex.seconds);
    case 'start_round':
      return protocol.startRound(ids);
    case 'next_turn':
      return protocol.nextTurn(ids);
    case 'previous_turn':
      return protocol.previousTurn(ids);
    case 'pass_turn':
      return protocol.passTurn(ids);
    case 'end_turn':
      return protocol.endTurn(ids);
    case 'pause_round':
      return protocol.pauseRound(ids);
    case 'resume_round':
      return protocol.resumeRound(ids);
    case 'end_round':
      return protocol.endRound(ids);
    case 'lock_canvas':
      return protocol.lockCanvas(ids, ex.canvasId, ex.locked);
    case 'lock_note':
      return protocol.lockNote(ids, ex.noteId, ex.locked);
    case 'create_cluster':
      return protocol.createCluster(ids, ex);
    case 'rename_cluster':
      return protocol.renameCluster(ids, ex.clusterId, ex.title);
    case 'add_to_cluster':
      return protocol.addToCluster(ids, ex.clusterId, ex.noteIds);
    case 'remove_from_cluster':
      return protocol.removeFromCluster(ids, ex.clusterId, ex.noteIds);
    case 'dissolve_cluster':
      return protocol.dissolveCluster(ids, ex.clusterId);
    case 'move_cluster':
      return protocol.moveCluster(ids, ex.clusterId, ex.dx, ex.dy);
    case 'open_vote':
      return protocol.openVote(ids, ex);
    case 'close_vote':
      return protocol.closeVote(ids, ex.voteId);
    case 'clear_vote':
      return protocol.clearVote(ids, ex.voteId);
    case 'place_dot':
      return protocol.placeDot(ids, ex.voteId, ex.noteId);
    case 'remove_dot':
      return protocol.removeDot(ids, ex.voteId, ex.noteId);
    case 'move_cursor':
      return protocol.moveCursor(ex.x, ex.y, ex.editingNoteId);
    case 'sync':
      return protocol.sync(ex.lastRevision);
    case 'ping':
      return protocol.ping(ex.clientTime);
    case 'summon':
      return protocol.summon(ex.canvasId, ex.view);
    case 'share_view':
      return protocol.shareView(ex.canvasId, ex.view);
    default:
      throw new Error(`no builder for ${type}`);
  }
}

/** `hello.observer.json` is a variant of `hello`: the same type in another case (HS8). */
const baseNames = (kind) => exampleNames(kind).filter((name) => !name.slice(0, -5).includes('.'));
const variantNames = (kind) => exampleNames(kind).filter((name) => name.slice(0, -5).includes('.'));

test('ER1 every documented message type has exactly one example file, and no other type has one', () => {
  assert.deepEqual(
    baseNames('client'),
    CLIENT_TYPES.map((type) => `${type}.json`).sort(),
  );
  assert.deepEqual(
    baseNames('server'),
    SERVER_TYPES.map((type) => `${type}.json`).sort(),
  );
  for (const kind of ['client', 'server']) {
    for (const name of exampleNames(kind)) {
      const type = name.split('.')[0];
      assert.equal(example(kind, name.slice(0, -5)).type, type, `${kind}/${name}`);
    }
  }
});

test('HS8 HS9 the variants are the observer\'s hello and welcome, each with the fields of its base example', () => {
  assert.deepEqual(variantNames('client'), ['hello.observer.json', 'hello.passcode.json']);
  assert.deepEqual(variantNames('server'), ['error.rate_limited.json', 'welcome.observer.json']);
  const hello = example('client', 'hello.observer');
  assert.deepEqual(Object.keys(hello).sort(), Object.keys(example('client', 'hello')).sort());
  assert.deepEqual(protocol.hello({ workshopId: hello.workshopId, observe: true }), hello);
  // An observer's hello carries no name; a token, the key and a passcode go as credentials (HS9).
  const stray = protocol.hello({ workshopId: hello.workshopId, token: 't', displayName: 'N', facilitatorKey: 'k', observe: true, lastRevision: 7, passcode: 'p' });
  assert.deepEqual(stray, { ...hello, lastRevision: 7, token: 't', facilitatorKey: 'k', passcode: 'p' });
  const welcome = example('server', 'welcome.observer');
  assert.deepEqual(Object.keys(welcome).sort(), Object.keys(example('server', 'welcome')).sort());
  assert.equal(welcome.participant, null);
  assert.equal(welcome.observer, true);
  assert.equal(example('server', 'welcome').observer, false);
});

test('LM1 the rate_limited error is an error with its changeId and a retryAfterMs', () => {
  const limited = example('server', 'error.rate_limited');
  assert.deepEqual(Object.keys(limited).sort(), [...Object.keys(example('server', 'error')), 'retryAfterMs'].sort());
  assert.equal(limited.code, 'rate_limited');
  assert.ok(Number.isInteger(limited.retryAfterMs) && limited.retryAfterMs > 0);
});

test('RO4 a newcomer\'s hello may carry the passcode; the builder trims nothing but sends it', () => {
  const hello = example('client', 'hello.passcode');
  assert.deepEqual(Object.keys(hello).sort(), Object.keys(example('client', 'hello')).sort());
  assert.deepEqual(protocol.hello({ workshopId: hello.workshopId, displayName: hello.displayName, passcode: hello.passcode }), hello);
});

for (const type of CLIENT_TYPES) {
  test(`CH1/NT2 the ${type} builder produces the fields and types of client/${type}.json`, () => {
    const ex = example('client', type);
    const built = build(type, ex);
    assert.deepEqual(shape(built), shape(ex));
    assert.equal(built.type, type);
    // It survives the wire unchanged: no undefined, NaN or function slips into a frame.
    assert.deepEqual(JSON.parse(JSON.stringify(built)), built);
  });
}

test('HS4 hello carries the token and no displayName when a token is known', () => {
  const built = protocol.hello({ workshopId: 'w', token: 'secret', displayName: 'Aminata', lastRevision: 41 });
  assert.deepEqual(shape(built), shape({ ...example('client', 'hello'), token: 'x', displayName: null, lastRevision: 1 }));
  assert.equal(built.token, 'secret');
  assert.equal(built.displayName, null);
  assert.equal(built.lastRevision, 41);
  assert.equal(built.protocol, protocol.PROTOCOL_VERSION);
  assert.equal(built.protocol, example('client', 'hello').protocol);
  // A first connection gives no lastRevision: the field is still there, as null (HS5).
  const first = protocol.hello({ workshopId: 'w', displayName: 'Aminata' });
  assert.deepEqual(JSON.parse(JSON.stringify(first)), { ...example('client', 'hello'), workshopId: 'w' });
});

test('CH1 builders with the example ids reproduce the client examples value for value', () => {
  for (const type of ['create_note', 'update_note', 'delete_note', 'bring_note_to_front', 'lock_note', 'move_cursor', 'sync', 'ping', 'summon', 'share_view']) {
    const ex = example('client', type);
    const built = build(type, ex);
    const { changeId, noteId, ...rest } = built;
    const { changeId: exChangeId, noteId: exNoteId, ...exRest } = ex;
    assert.deepEqual(rest, exRest, type);
    assert.equal(typeof changeId, typeof exChangeId, type);
    if (type === 'create_note') assert.equal(typeof noteId, 'string');
    else assert.equal(noteId, exNoteId, type);
  }
});

test('HS5 every server example is understood by SyncEngine.receive without throwing', () => {
  for (const name of exampleNames('server')) {
    const engine = new SyncEngine({ now: () => 0 });
    assert.doesNotThrow(() => engine.receive(example('server', name.slice(0, -5))), name);
  }
});

test('RV1 the server examples in revision order build the expected confirmed state', () => {
  const engine = new SyncEngine({ now: () => 0 });
  for (const type of ['snapshot', 'note_created', 'note_updated', 'ack', 'note_deleted', 'participant_joined', 'presence_changed', 'synced', 'cursor_moved', 'pong']) {
    engine.receive(example('server', type));
  }
  assert.equal(engine.confirmedRevision, 47);
  // note_deleted (45) removed the note created at 43; the snapshot's note stays.
  assert.deepEqual(engine.notes(), example('server', 'snapshot').notes);
  const gabriel = engine.participantList().find((p) => p.id === 'p-9Zt4Mn2bQe7c');
  assert.equal(gabriel.name, 'Gabriel');
  assert.equal(gabriel.online, false); // presence_changed (47)
  assert.equal(engine.participantList().length, 2);
  assert.equal(engine.needsSync(), false);
});

test('CH3 the error example refuses the pending change it names', () => {
  const engine = new SyncEngine({ now: () => 0 });
  engine.receive(example('server', 'snapshot'));
  const error = example('server', 'error');
  engine.propose({ type: 'bring_note_to_front', changeId: error.changeId, noteId: 'n-t7f3k-1' });
  assert.equal(engine.pendingCount(), 1);
  assert.deepEqual(engine.receive(error), { refused: error });
  assert.equal(engine.pendingCount(), 0);
});

// --- Connection: the server examples as socket frames ------------------------------------------

class QuietSocket {
  static last = null;
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    QuietSocket.last = this;
  }
  send(data) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
}

const noTimers = {
  setTimeout: () => 1,
  clearTimeout: () => {},
  setInterval: () => 1,
  clearInterval: () => {},
};

test('HS4 every server example is understood by Connection without throwing or dropping the socket', () => {
  const engine = new SyncEngine({ now: () => 0 });
  const remembered = [];
  const connection = new Connection({
    url: 'ws://test/ws',
    workshopId: 'Jx3c9QvT2mLwR8kP0aB1dE',
    engine,
    identity: {
      token: () => null,
      displayName: () => 'Aminata',
      remember: (token, participant) => remembered.push([token, participant.id]),
      forget: () => assert.fail('forget must not be called'),
    },
    WebSocketImpl: QuietSocket,
    timers: noTimers,
    random: () => 0.5,
    now: () => 1764000000000,
  });
  const seen = [];
  connection.onMessage((message) => seen.push(message.type));
  connection.start();
  const socket = QuietSocket.last;
  socket.readyState = 1;
  socket.onopen();
  for (const type of ['welcome', ...SERVER_TYPES.filter((t) => t !== 'welcome')]) {
    assert.doesNotThrow(() => socket.onmessage({ data: exampleText('server', `${type}.json`) }), type);
  }
  assert.deepEqual(seen, ['welcome', ...SERVER_TYPES.filter((t) => t !== 'welcome')]);
  assert.equal(connection.status().state, 'connected');
  assert.deepEqual(remembered, [['b3RrX2V4YW1wbGVfdG9rZW5fMTI4Yml0', 'p-5Hq2Lr8sWk1x']]);
  assert.equal(connection.participantId, 'p-5Hq2Lr8sWk1x');
  assert.equal(connection.socket, socket);
  // pong.json: serverTime is 12 ms ahead of clientTime, and the round trip took 0 ms here.
  assert.equal(connection.serverNow() - 1764000000000, 12);
});

test('HS8 every server example is understood by an observing Connection, which remembers nobody', () => {
  const engine = new SyncEngine({ now: () => 0 });
  const connection = new Connection({
    url: 'ws://test/ws',
    workshopId: 'Jx3c9QvT2mLwR8kP0aB1dE',
    engine,
    observe: true,
    WebSocketImpl: QuietSocket,
    timers: noTimers,
    random: () => 0.5,
    now: () => 1764000000000,
  });
  connection.start();
  const socket = QuietSocket.last;
  socket.readyState = 1;
  socket.onopen();
  assert.deepEqual(socket.sent, [example('client', 'hello.observer')]);
  for (const type of ['welcome.observer', ...SERVER_TYPES.filter((t) => t !== 'welcome')]) {
    assert.doesNotThrow(() => socket.onmessage({ data: exampleText('server', `${type}.json`) }), type);
  }
  assert.doesNotThrow(() => engine.welcomedAs(connection.participantId));
  assert.equal(connection.status().state, 'connected');
  assert.equal(connection.participantId, null);
});

// --- idFactory ----------------------------------------------------------------------------------

test('CH1 idFactory ids are 1 to 64 characters and unique across two factories', () => {
  const a = protocol.idFactory();
  const b = protocol.idFactory();
  const ids = [];
  for (let i = 0; i < 500; i += 1) ids.push(a.changeId(), a.noteId(), b.changeId(), b.noteId());
  for (const id of ids) {
    assert.equal(typeof id, 'string');
    assert.ok(id.length >= 1 && id.length <= 64, id);
  }
  assert.equal(new Set(ids).size, ids.length);
});

test('CH1 idFactory ids stay within 64 characters with the largest random words', () => {
  const ids = protocol.idFactory(() => new Uint32Array([0xffffffff, 0xffffffff]));
  for (let i = 0; i < 10; i += 1) ids.changeId();
  const changeId = ids.changeId();
  const noteId = ids.noteId();
  assert.ok(changeId.length <= 64 && noteId.length <= 64);
  assert.notEqual(changeId, noteId);
  // Two tabs with different random words never share an id.
  const other = protocol.idFactory(() => new Uint32Array([1, 2]));
  assert.notEqual(other.changeId(), protocol.idFactory(() => new Uint32Array([3, 4])).changeId());
});

// --- NT5 / NT6 ----------------------------------------------------------------------------------

test('NT5 text is cut at 2000 UTF-16 units', () => {
  const ids = fixedIds();
  assert.equal(protocol.createNote(ids, { x: 0, y: 0, text: 'a'.repeat(2500) }).text, 'a'.repeat(2000));
  assert.equal(protocol.updateNote(ids, 'n', { text: 'b'.repeat(2001) }).set.text.length, 2000);
  assert.equal(protocol.updateNote(ids, 'n', { text: 'short' }).set.text, 'short');
});

test('NT5 the cut never splits a surrogate pair', () => {
  const ids = fixedIds();
  const emoji = '\u{1F600}'; // two UTF-16 units
  // The pair would straddle the limit: units 1999 and 2000. It is left out whole.
  const straddling = 'a'.repeat(1999) + emoji + 'tail';
  const clipped = protocol.updateNote(ids, 'n', { text: straddling }).set.text;
  assert.equal(clipped, 'a'.repeat(1999));
  // The pair ends exactly at the limit: it is kept.
  const fitting = 'a'.repeat(1998) + emoji + 'tail';
  assert.equal(protocol.createNote(ids, { x: 0, y: 0, text: fitting }).text, 'a'.repeat(1998) + emoji);
});

test('NT6 coordinates are clamped to ±100000', () => {
  const ids = fixedIds();
  const bad = example('invalid', 'coordinate_out_of_range'); // x: 1e9
  const note = protocol.createNote(ids, bad);
  assert.equal(note.x, 100000);
  assert.equal(note.y, 0);
  assert.equal(protocol.createNote(ids, { x: -1e9, y: 100001 }).x, -100000);
  assert.equal(protocol.createNote(ids, { x: -1e9, y: 100001 }).y, 100000);
  assert.deepEqual(protocol.updateNote(ids, 'n', { x: 250000, y: -250000 }).set, { x: 100000, y: -100000 });
  const cursor = protocol.moveCursor(1e7, -1e7, null);
  assert.equal(cursor.x, 100000);
  assert.equal(cursor.y, -100000);
  assert.equal(protocol.moveCursor(99999.5, -99999.5).x, 99999.5); // in range: unchanged
});

test('NT6 width and height are clamped to 40..2000', () => {
  const ids = fixedIds();
  const small = protocol.createNote(ids, { x: 0, y: 0, width: 10, height: 39 });
  assert.equal(small.width, 40);
  assert.equal(small.height, 40);
  const big = protocol.updateNote(ids, 'n', { width: 5000, height: 2001 }).set;
  assert.deepEqual(big, { width: 2000, height: 2000 });
  const fine = protocol.updateNote(ids, 'n', { width: 40, height: 2000 }).set;
  assert.deepEqual(fine, { width: 40, height: 2000 });
});

test('NT6 an unknown colour throws', () => {
  const ids = fixedIds();
  assert.throws(() => protocol.createNote(ids, example('invalid', 'unknown_color')), /colou?r/i);
  assert.throws(() => protocol.updateNote(ids, 'n', { color: 'chartreuse' }), /colou?r/i);
  for (const color of protocol.COLORS) {
    assert.equal(protocol.updateNote(ids, 'n', { color }).set.color, color);
  }
  assert.deepEqual(protocol.COLORS, ['yellow', 'pink', 'blue', 'green', 'orange', 'purple']);
});

test('NT2 an update that sets nothing, or only z, throws instead of sending a refused message', () => {
  const ids = fixedIds();
  const nothing = example('invalid', 'update_sets_nothing');
  assert.throws(() => protocol.updateNote(ids, nothing.noteId, nothing.set));
  const onlyZ = example('invalid', 'update_sets_z');
  assert.throws(() => protocol.updateNote(ids, onlyZ.noteId, onlyZ.set));
});

test('NT6 a coordinate or size that is not a number is refused before it leaves the tab', () => {
  const ids = protocol.idFactory(() => new Uint32Array([1, 2]));
  assert.throws(() => protocol.createNote(ids, { x: Number.NaN, y: 0 }), /Not a number/);
  assert.throws(() => protocol.updateNote(ids, 'n-1', { width: Number.NaN }), /Not a number/);
  assert.throws(() => protocol.moveCursor(undefined, 0, null), /Not a number/);
});
