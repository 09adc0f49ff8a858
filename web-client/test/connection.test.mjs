// Connection with a fake WebSocket class and a manual clock: handshake (HS2 to HS4), resending
// after a reconnect (SY3), catch-up on a lasting gap (SY4), states and back-off (SY5),
// heartbeats and the server clock (ER2) and cursor throttling (CU1). Nothing here waits on the
// wall clock.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import {
  Connection,
  BACKOFF,
  HEARTBEAT,
  CURSOR_INTERVAL_MS,
  CLOCK_PINGS,
} from '../src/main/webroot/js/connection.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import * as protocol from '../src/main/webroot/js/protocol.js';

const EXAMPLES = new URL('../../docs/protocol/examples/', import.meta.url);

function example(kind, type) {
  return JSON.parse(readFileSync(new URL(`${kind}/${type}.json`, EXAMPLES), 'utf8'));
}

const WORKSHOP = 'Jx3c9QvT2mLwR8kP0aB1dE';
const URL_WS = 'ws://atelier.test/ws';
const TOKEN = example('server', 'welcome').token;
const NOTE = 'n-q8w2e-1'; // the note of the snapshot example

// --- Fakes --------------------------------------------------------------------------------------

/** setTimeout/clearTimeout/setInterval/clearInterval on a clock the test advances by hand. */
class ManualClock {
  constructor() {
    this.now = 0;
    this.nextId = 1;
    this.timers = new Map(); // id -> {at, fn, every}
  }
  setTimeout(fn, ms = 0) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + Math.max(0, ms), fn, every: null });
    return id;
  }
  setInterval(fn, ms) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, fn, every: ms });
    return id;
  }
  clearTimeout(id) {
    this.timers.delete(id);
  }
  clearInterval(id) {
    this.timers.delete(id);
  }
  /** Runs every timer due within the next `ms`, in time order, with `now` set to its time. */
  advance(ms) {
    const end = this.now + ms;
    for (;;) {
      let nextId = null;
      let next = null;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && (next === null || timer.at < next.at)) {
          nextId = id;
          next = timer;
        }
      }
      if (next === null) break;
      this.now = next.at;
      if (next.every === null) this.timers.delete(nextId);
      else next.at += next.every;
      next.fn();
    }
    this.now = end;
  }
  /** The delays of the one-shot timers now waiting (the retry, a trailing cursor ...). */
  pendingTimeouts() {
    return [...this.timers.values()].filter((t) => t.every === null).map((t) => t.at - this.now);
  }
}

function fakeSocketClass(clock) {
  const sockets = [];
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.frames = []; // {at, message}
      this.closedWith = null;
      sockets.push(this);
    }
    get sent() {
      return this.frames.map((f) => f.message);
    }
    send(data) {
      if (this.readyState !== 1) throw new Error('InvalidStateError: socket is not open');
      assert.equal(typeof data, 'string');
      this.frames.push({ at: clock.now, message: JSON.parse(data) });
    }
    close(code, reason) {
      this.closedWith = { code, reason };
      this.readyState = 3;
    }
    // The server's side, driven by the test.
    serverOpen() {
      this.readyState = 1;
      this.onopen?.({});
    }
    serverSend(message) {
      this.onmessage({ data: JSON.stringify(message) });
    }
    serverClose(code = 1006, reason = '') {
      this.readyState = 3;
      this.onclose({ code, reason, wasClean: code !== 1006 });
    }
  }
  return { FakeSocket, sockets };
}

function fakeIdentity(token, displayName) {
  return {
    stored: token,
    remembered: [],
    forgotten: 0,
    token() {
      return this.stored;
    },
    displayName() {
      return displayName;
    },
    remember(newToken, participant) {
      this.remembered.push({ token: newToken, participant });
      this.stored = newToken;
    },
    forget() {
      this.forgotten += 1;
      this.stored = null;
    },
  };
}

function setup({ token = null, displayName = 'Aminata', random = () => 0.5 } = {}) {
  const clock = new ManualClock();
  const engine = new SyncEngine({ now: () => clock.now });
  const identity = fakeIdentity(token, displayName);
  const { FakeSocket, sockets } = fakeSocketClass(clock);
  const connection = new Connection({
    url: URL_WS,
    workshopId: WORKSHOP,
    engine,
    identity,
    WebSocketImpl: FakeSocket,
    timers: clock,
    random,
    now: () => clock.now,
  });
  const statuses = [];
  connection.onState((status) => statuses.push(status));
  const h = {
    clock,
    engine,
    identity,
    sockets,
    connection,
    statuses,
    get socket() {
      return sockets[sockets.length - 1];
    },
    state: () => connection.status().state,
    ids: protocol.idFactory(() => new Uint32Array([7, 11])),
    /** Opens the current socket and answers hello with welcome, then catch-up up to `revision`. */
    welcome(revision = 42, { snapshot = true } = {}) {
      const socket = h.socket;
      if (socket.readyState !== 1) socket.serverOpen();
      socket.serverSend({ ...example('server', 'welcome'), revision });
      if (snapshot) socket.serverSend({ ...example('server', 'snapshot'), revision });
      socket.serverSend({ type: 'synced', revision });
    },
    /** Advances until a new socket has been created; returns how long that took. */
    untilNewSocket(limitMs = 60000) {
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before && waited < limitMs) {
        clock.advance(1);
        waited += 1;
      }
      assert.equal(sockets.length, before + 1, `no new socket within ${limitMs} ms`);
      return waited;
    },
    update(text) {
      return protocol.updateNote(h.ids, NOTE, { text });
    },
  };
  return h;
}

const sentOfType = (socket, type) => socket.sent.filter((m) => m.type === type);
const changeIdsSent = (socket) => socket.sent.filter((m) => m.changeId).map((m) => m.changeId);

// --- HS4: hello and welcome ---------------------------------------------------------------------

test('HS4 the first frame is hello with the displayName and a null lastRevision', () => {
  const h = setup({ displayName: 'Aminata' });
  h.connection.start();
  assert.equal(h.sockets.length, 1);
  assert.equal(h.socket.url, URL_WS);
  assert.equal(h.state(), 'connecting');
  h.socket.serverOpen();
  assert.deepEqual(h.socket.sent, [
    {
      type: 'hello',
      protocol: 1,
      workshopId: WORKSHOP,
      token: null,
      displayName: 'Aminata',
      lastRevision: null,
      facilitatorKey: null,
      observe: false,
      passcode: null,
    },
  ]);
  assert.deepEqual(Object.keys(h.socket.sent[0]).sort(), Object.keys(example('client', 'hello')).sort());
});

test('HS4 a known token is sent in hello instead of the displayName', () => {
  const h = setup({ token: 'secret-token', displayName: 'Aminata' });
  h.connection.start();
  h.socket.serverOpen();
  assert.equal(h.socket.sent.length, 1);
  assert.equal(h.socket.sent[0].type, 'hello');
  assert.equal(h.socket.sent[0].token, 'secret-token');
  assert.equal(h.socket.sent[0].displayName, null);
  assert.equal(h.socket.sent[0].lastRevision, null);
});

test('HS4 after welcome the state is connected and the token is remembered', () => {
  const h = setup();
  h.connection.start();
  h.socket.serverOpen();
  assert.notEqual(h.state(), 'connected', 'hello alone does not make the tab connected');
  h.socket.serverSend(example('server', 'welcome'));
  assert.deepEqual(h.connection.status(), { state: 'connected', unsent: 0, failure: null });
  assert.equal(h.identity.remembered.length, 1);
  assert.equal(h.identity.remembered[0].token, TOKEN);
  assert.equal(h.identity.remembered[0].participant.id, 'p-5Hq2Lr8sWk1x');
  assert.equal(h.statuses.at(-1).state, 'connected');
});

// --- HS8: an observer (the projector) ------------------------------------------------------------

function observerSetup(identity = null) {
  const clock = new ManualClock();
  const engine = new SyncEngine({ now: () => clock.now });
  const { FakeSocket, sockets } = fakeSocketClass(clock);
  const connection = new Connection({
    url: URL_WS,
    workshopId: WORKSHOP,
    engine,
    observe: true,
    identity,
    WebSocketImpl: FakeSocket,
    timers: clock,
    random: () => 0.5,
    now: () => clock.now,
  });
  return { clock, engine, connection, sockets, socket: () => sockets[sockets.length - 1] };
}

test('HS8 an observing connection says hello with observe and no identity, and is welcomed as nobody', () => {
  const o = observerSetup();
  o.connection.start();
  o.socket().serverOpen();
  assert.deepEqual(o.socket().sent, [example('client', 'hello.observer')]);
  o.socket().serverSend(example('server', 'welcome.observer'));
  o.engine.welcomedAs(o.connection.participantId); // what a page does with the welcome: must be safe
  o.socket().serverSend(example('server', 'snapshot'));
  o.socket().serverSend({ type: 'synced', revision: 42 });
  assert.equal(o.connection.status().state, 'connected');
  assert.equal(o.connection.participantId, null);
  assert.equal(o.connection.facilitator, false);
  assert.equal(o.engine.confirmedRevision, 42);
  assert.ok(o.engine.participantList().length > 0, 'an observer sees the people of the snapshot');
  assert.ok(o.engine.arrangement().roundTable, 'and the round table');
  // It sends no cursor, only the clock pings of the welcome.
  o.connection.moveCursor(10, 20);
  o.clock.advance(1000);
  assert.deepEqual([...new Set(o.socket().sent.map((m) => m.type))], ['hello', 'ping']);
});

test('HS8 SY3 an observer that reconnects says hello again with observe and its confirmed revision', () => {
  const o = observerSetup();
  o.connection.start();
  o.socket().serverOpen();
  o.socket().serverSend(example('server', 'welcome.observer'));
  o.socket().serverSend(example('server', 'snapshot'));
  o.socket().serverClose(1006);
  assert.equal(o.connection.status().state, 'reconnecting');
  const before = o.sockets.length;
  while (o.sockets.length === before) o.clock.advance(1);
  o.socket().serverOpen();
  assert.deepEqual(o.socket().sent, [{ ...example('client', 'hello.observer'), lastRevision: 42 }]);
});

test('HS9 a projector in a facilitator\'s browser shows its token and key; a passcode typed after 4007 goes with the retry', () => {
  let passcode = null;
  let forgotten = false;
  const identity = {
    token: () => 'tok-of-anim',
    facilitatorKey: () => 'key-of-workshop',
    passcode: () => passcode,
    choosePasscode: (code) => (passcode = code),
    remember: () => assert.fail('an observer has no identity to remember'),
    forget: () => (forgotten = true),
  };
  const o = observerSetup(identity);
  o.connection.start();
  o.socket().serverOpen();
  assert.deepEqual(o.socket().sent, [
    { ...example('client', 'hello.observer'), token: 'tok-of-anim', facilitatorKey: 'key-of-workshop' },
  ]);
  o.socket().serverClose(4007, 'This workshop asks for a passcode.');
  assert.equal(o.connection.status().failure, 'passcode');
  identity.choosePasscode('érable 2026');
  o.connection.resume();
  o.socket().serverOpen();
  assert.equal(o.socket().sent[0].passcode, 'érable 2026');
  // A token refused (4003) is not this page's to forget: it belongs to the workshop page.
  o.socket().serverClose(4003, 'unknown token');
  assert.equal(o.connection.status().failure, 'identity');
  assert.equal(forgotten, false);
});

// --- SY3: resend after reconnect ----------------------------------------------------------------

test('SY3 after a reconnect hello carries the confirmed revision and the stored token', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.socket.serverSend({ ...example('server', 'note_updated'), revision: 43, changeId: 'x-1' });
  h.socket.serverSend({ ...example('server', 'participant_joined'), revision: 44 });
  h.socket.serverSend({ ...example('server', 'note_updated'), revision: 46, changeId: 'x-3' }); // held
  assert.equal(h.engine.confirmedRevision, 44);
  h.socket.serverClose(1006);
  h.untilNewSocket();
  h.socket.serverOpen();
  assert.deepEqual(h.socket.sent, [
    {
      type: 'hello',
      protocol: 1,
      workshopId: WORKSHOP,
      token: TOKEN,
      displayName: null,
      lastRevision: 44,
      facilitatorKey: null,
      observe: false,
      passcode: null,
    },
  ]);
});

test('SY3 after welcome every pending change is sent again, in order, with the same changeIds', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const first = h.update('one');
  const second = h.update('two');
  const acked = h.update('acked');
  h.connection.send(first);
  h.connection.send(acked);
  h.connection.send(second);
  h.socket.serverSend({ ...example('server', 'ack'), changeId: acked.changeId, revision: 43 });
  const old = h.socket;
  old.serverClose(1006);
  // Made while disconnected: shown, kept, sent after the next welcome.
  const offline1 = protocol.deleteNote(h.ids, NOTE);
  const offline2 = protocol.createNote(h.ids, { x: 1, y: 2, text: 'offline' });
  h.connection.send(offline1);
  h.connection.send(offline2);
  assert.equal(h.connection.status().unsent, 4);
  assert.ok(h.engine.note(offline2.noteId), 'a change made offline is drawn at once');
  assert.deepEqual(changeIdsSent(old), [first.changeId, acked.changeId, second.changeId]);

  h.untilNewSocket();
  h.socket.serverOpen();
  assert.deepEqual(changeIdsSent(h.socket), [], 'nothing but hello before the welcome');
  h.socket.serverSend({ ...example('server', 'welcome'), token: undefined });
  assert.deepEqual(changeIdsSent(h.socket), [first.changeId, second.changeId, offline1.changeId, offline2.changeId]);
  const resent = h.socket.sent.filter((m) => m.changeId);
  assert.deepEqual(resent, [first, second, offline1, offline2], 'the very same messages');
  assert.equal(h.state(), 'connected');
  assert.equal(h.identity.stored, TOKEN, 'a welcome without a token keeps the known one');
});

test('SY3 a change made while connected is sent at once, but never before the welcome', () => {
  const h = setup();
  h.connection.start();
  const early = h.update('before the socket opens');
  h.connection.send(early);
  h.socket.serverOpen();
  const beforeWelcome = h.update('after hello, before welcome');
  h.connection.send(beforeWelcome);
  assert.deepEqual(h.socket.sent.map((m) => m.type), ['hello']);
  h.welcome(42);
  assert.deepEqual(changeIdsSent(h.socket), [early.changeId, beforeWelcome.changeId]);
  const live = h.update('live');
  h.connection.send(live);
  assert.deepEqual(h.socket.sent.at(-1), live);
  assert.deepEqual(changeIdsSent(h.socket), [early.changeId, beforeWelcome.changeId, live.changeId], 'each sent once');
  assert.equal(h.engine.note(NOTE).text, 'live');
});

// --- SY5: states and back-off --------------------------------------------------------------------

test('SY5 an unexpected close means reconnecting, with the pending changes counted as unsent', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.connection.send(h.update('a'));
  h.connection.send(h.update('b'));
  h.socket.serverClose(1006);
  assert.deepEqual(h.connection.status(), { state: 'reconnecting', unsent: 2, failure: null });
  assert.deepEqual(h.statuses.at(-1), { state: 'reconnecting', unsent: 2, failure: null });
  h.connection.send(h.update('c'));
  assert.equal(h.statuses.at(-1).unsent, 3, 'listeners hear the new count');
});

test('SY5 a tab that never connects is offline after 3 failed attempts', () => {
  const h = setup();
  h.connection.start();
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    assert.notEqual(h.state(), 'offline', `not offline before failed attempt ${attempt}`);
    h.socket.serverClose(1006);
    if (attempt < 3) h.untilNewSocket();
  }
  assert.equal(h.state(), 'offline');
  assert.equal(h.sockets.length, 3);
  h.untilNewSocket();
  assert.equal(h.state(), 'offline', 'it stays offline while it keeps trying');
  h.welcome(42);
  assert.equal(h.state(), 'connected');
});

test('SY5 after a drop: reconnecting, then offline after failed retries, then connected on the next welcome', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.connection.send(h.update('kept'));
  h.socket.serverClose(1006);
  assert.equal(h.state(), 'reconnecting');
  h.untilNewSocket();
  assert.equal(h.state(), 'reconnecting');
  h.socket.serverClose(1006); // first retry fails
  assert.equal(h.state(), 'reconnecting');
  for (let retry = 2; retry <= 3; retry += 1) {
    h.untilNewSocket();
    h.socket.serverClose(1006);
  }
  assert.deepEqual(h.connection.status(), { state: 'offline', unsent: 1, failure: null });
  assert.ok(h.statuses.some((s) => s.state === 'offline' && s.unsent === 1));
  h.untilNewSocket();
  h.welcome(42, { snapshot: false });
  assert.equal(h.state(), 'connected');
  assert.deepEqual(sentOfType(h.socket, 'update_note').map((m) => m.set.text), ['kept']);
  // Back to a fresh count: one more drop is "reconnecting" again, not "offline".
  h.socket.serverClose(1006);
  assert.equal(h.state(), 'reconnecting');
});

/** The retry delays after successive failed attempts, as scheduled, with the given randomness. */
function retryDelays(random, failures) {
  const h = setup({ random: () => random });
  h.connection.start();
  const delays = [];
  for (let i = 0; i < failures; i += 1) {
    h.socket.serverClose(1006);
    const timeouts = h.clock.pendingTimeouts();
    assert.equal(timeouts.length, 1, 'exactly one retry is scheduled');
    delays.push(timeouts[0]);
    // The retry happens at that delay, not before.
    const before = h.sockets.length;
    h.clock.advance(timeouts[0] - 1);
    assert.equal(h.sockets.length, before, 'no retry before its delay');
    h.clock.advance(1);
    assert.equal(h.sockets.length, before + 1, 'the retry opens a socket at its delay');
  }
  return delays;
}

test('SY5 back-off delays grow, are jittered and are capped at 5000 ms', () => {
  assert.equal(BACKOFF.maxMs, 5000);
  const high = retryDelays(1, 9);
  const low = retryDelays(0, 9);
  for (let i = 1; i < high.length; i += 1) {
    assert.ok(high[i] >= high[i - 1], `delays grow: ${high}`);
    assert.ok(low[i] >= low[i - 1], `delays grow: ${low}`);
  }
  assert.ok(high[2] > high[0] && low[2] > low[0], 'they really grow');
  for (const delay of [...high, ...low]) {
    assert.ok(delay > 0 && delay <= 5000, `${delay} is within (0, 5000]`);
  }
  assert.equal(Math.max(...high), 5000, 'the cap is reached');
  assert.equal(high.at(-1), 5000);
  for (let i = 0; i < high.length; i += 1) {
    assert.ok(low[i] < high[i], `jitter: random 0 waits less than random 1 (attempt ${i + 1})`);
  }
  assert.ok(high[0] <= BACKOFF.firstMs, 'the first retry is quick');
});

// --- HS2 / HS3 / HS4: final close codes ---------------------------------------------------------

for (const [code, failure, rule] of [
  [4000, 'protocol', 'HS2'],
  [4004, 'not_found', 'HS3'],
]) {
  test(`${rule} close code ${code} fails with "${failure}" and is not retried`, () => {
    const h = setup({ token: 'secret' });
    h.connection.start();
    h.socket.serverOpen();
    h.socket.serverClose(code, 'closing reason');
    assert.deepEqual(h.connection.status(), { state: 'failed', unsent: 0, failure });
    assert.equal(h.statuses.at(-1).state, 'failed');
    assert.equal(h.identity.forgotten, 0);
    assert.equal(h.identity.stored, 'secret');
    h.clock.advance(120000);
    h.connection.retryNow();
    h.connection.wentOffline();
    h.clock.advance(120000);
    assert.equal(h.sockets.length, 1, 'no retry after a final close code');
    assert.equal(h.state(), 'failed');
  });
}

test('HS4 close code 4003 forgets the identity and fails with "identity"', () => {
  const h = setup({ token: 'unknown-token' });
  h.connection.start();
  h.socket.serverOpen();
  assert.equal(h.socket.sent[0].token, 'unknown-token');
  h.socket.serverClose(4003, 'Unknown participant');
  assert.equal(h.identity.forgotten, 1);
  assert.equal(h.identity.stored, null);
  assert.deepEqual(h.connection.status(), { state: 'failed', unsent: 0, failure: 'identity' });
  h.clock.advance(120000);
  assert.equal(h.sockets.length, 1);
});

test('SY5 close code 1001 (server going away) and abnormal closes are retried', () => {
  for (const code of [1001, 1006]) {
    const h = setup();
    h.connection.start();
    h.welcome(42);
    h.socket.serverClose(code, 'going away');
    assert.equal(h.state(), 'reconnecting');
    assert.equal(h.connection.status().failure, null);
    h.untilNewSocket(BACKOFF.maxMs);
  }
});

test('LM11 close code 4010 (too far behind) is a drop: reconnecting, then hello with the confirmed revision and the pending changes sent again', () => {
  const h = setup({ token: TOKEN });
  h.connection.start();
  h.welcome(42);
  h.socket.serverSend({ ...example('server', 'note_updated'), revision: 43, changeId: 'x-1' });
  const pending = h.update('written in the tunnel');
  h.connection.send(pending);
  h.socket.serverClose(4010, 'Too far behind: reconnecting to catch up');
  assert.deepEqual(h.connection.status(), { state: 'reconnecting', unsent: 1, failure: null });
  assert.equal(h.connection.failureReason ?? null, null, 'nothing to explain: it is no refusal');
  assert.equal(h.identity.stored, TOKEN, 'the identity is kept');
  h.untilNewSocket(BACKOFF.firstMs);
  h.socket.serverOpen();
  assert.equal(h.socket.sent[0].type, 'hello');
  assert.equal(h.socket.sent[0].lastRevision, 43, 'it catches up from what it confirmed (HS5)');
  assert.equal(h.socket.sent[0].token, TOKEN);
  h.socket.serverSend({ ...example('server', 'welcome'), revision: 44 });
  assert.deepEqual(changeIdsSent(h.socket), [pending.changeId], 'SY3: the pending change goes again');
  assert.equal(h.state(), 'connected');
  assert.ok(
    h.statuses.every((status) => status.state !== 'failed' && status.state !== 'offline'),
    'never failed nor offline on the way',
  );
});

// --- SY4: sync on a lasting gap -----------------------------------------------------------------

test('SY4 a gap lasting 2 s makes the connection send sync with the confirmed revision', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.clock.advance(1000);
  h.socket.serverSend({ ...example('server', 'note_updated'), revision: 44, changeId: 'x-44' });
  h.clock.advance(1999);
  assert.deepEqual(sentOfType(h.socket, 'sync'), [], 'no sync before 2 s');
  h.clock.advance(1);
  assert.deepEqual(sentOfType(h.socket, 'sync'), [{ type: 'sync', lastRevision: 42 }]);
  assert.deepEqual(Object.keys(sentOfType(h.socket, 'sync')[0]).sort(), Object.keys(example('client', 'sync')).sort());
  h.clock.advance(1999);
  assert.equal(sentOfType(h.socket, 'sync').length, 1, 'the next request waits another 2 s');
  h.clock.advance(1);
  assert.equal(sentOfType(h.socket, 'sync').length, 2);
  h.socket.serverSend({ ...example('server', 'note_updated'), revision: 43, changeId: 'x-43' });
  assert.equal(h.engine.confirmedRevision, 44);
  h.clock.advance(10000);
  assert.equal(sentOfType(h.socket, 'sync').length, 2, 'no sync once the gap is filled');
});

test('SY4 no sync is sent while there is no gap', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.socket.serverSend({ ...example('server', 'note_updated'), revision: 43, changeId: 'x-43' });
  h.clock.advance(10000);
  assert.deepEqual(sentOfType(h.socket, 'sync'), []);
});

// --- ER2: heartbeat -----------------------------------------------------------------------------

test('ER2 a ping goes out every 15 s while connected, after the three of the welcome', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  assert.equal(HEARTBEAT.pingEveryMs, 15000);
  const pings = () => h.socket.frames.filter((f) => f.message.type === 'ping');
  const pong = () => {
    const last = pings().at(-1).message;
    h.socket.serverSend({ type: 'pong', clientTime: last.clientTime, serverTime: last.clientTime + 5 });
  };
  h.clock.advance(400);
  assert.equal(pings().length, 3, 'the pings of the welcome');
  pong();
  h.clock.advance(14599);
  assert.equal(pings().length, 3);
  h.clock.advance(1);
  assert.equal(pings().length, 4, 'the heartbeat counts from the welcome');
  pong();
  h.clock.advance(15000);
  pong();
  h.clock.advance(15000);
  assert.deepEqual(pings().map((f) => f.at), [0, 200, 400, 15000, 30000, 45000]);
  assert.deepEqual(pings().map((f) => f.message.clientTime), [0, 200, 400, 15000, 30000, 45000]);
  assert.deepEqual(Object.keys(pings()[0].message).sort(), Object.keys(example('client', 'ping')).sort());
  assert.equal(h.state(), 'connected');
  assert.equal(h.sockets.length, 1);
});

/** A server whose clock is `aheadMs` ahead, answering each ping after `up` + `down` ms. */
function answerPings(h, aheadMs, latencies) {
  const socket = h.socket;
  let answered = 0;
  const answer = () => {
    const pings = sentOfType(socket, 'ping');
    while (answered < pings.length) {
      const { clientTime } = pings[answered];
      const [up, down] = latencies[answered % latencies.length];
      answered += 1;
      h.clock.setTimeout(() => {
        const serverTime = h.clock.now + aheadMs;
        h.clock.setTimeout(() => socket.serverSend({ type: 'pong', clientTime, serverTime }), down);
      }, up - (h.clock.now - clientTime));
    }
  };
  return { answer };
}

test('ER2 three pings go out right after welcome, 200 ms apart, on the given timers', () => {
  assert.deepEqual(CLOCK_PINGS, { count: 3, spacingMs: 200 });
  const h = setup();
  h.connection.start();
  h.clock.advance(1000);
  h.welcome(42);
  const pings = () => h.socket.frames.filter((f) => f.message.type === 'ping');
  assert.deepEqual(pings().map((f) => f.at), [1000], 'the first at once');
  h.clock.advance(199);
  assert.equal(pings().length, 1);
  h.clock.advance(1);
  h.clock.advance(200);
  h.clock.advance(5000);
  assert.deepEqual(pings().map((f) => f.at), [1000, 1200, 1400], 'then no more until the heartbeat');
  assert.deepEqual(pings().map((f) => f.message), [1000, 1200, 1400].map((clientTime) => ({ type: 'ping', clientTime })));
});

test('ER2 every pong feeds the clock: serverNow() is right within a second of joining', () => {
  const h = setup();
  h.connection.start();
  h.clock.advance(3000);
  const ahead = 93250; // this laptop's clock is 93.25 s behind the server's
  assert.equal(h.connection.serverNow(), h.clock.now, 'before any pong, the local clock');
  assert.equal(h.connection.clockOffset(), 0);
  h.welcome(42);
  // The first round trip is slow and lopsided (a phone waking its radio), the next ones are quick.
  const server = answerPings(h, ahead, [[900, 100], [30, 30], [120, 60]]);
  for (let ms = 0; ms < 1000; ms += 10) {
    server.answer();
    h.clock.advance(10);
  }
  assert.equal(sentOfType(h.socket, 'ping').length, 3);
  assert.equal(h.connection.clock.samples.length, 3, 'all three pongs were used');
  assert.equal(h.connection.clockOffset(), ahead, 'the quickest round trip wins');
  assert.equal(h.connection.serverNow(), h.clock.now + ahead);
});

test('ER2 with only the slow pong back, the clock is still off by less than half its round trip', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.clock.advance(1000);
  // Read by the server 900 ms after the ping left, back 100 ms later: the estimate is 400 ms off.
  h.socket.serverSend({ type: 'pong', clientTime: 0, serverTime: 900 + 5000 });
  assert.equal(h.connection.clockOffset(), 5400);
  assert.ok(Math.abs(h.connection.clockOffset() - 5000) <= 500, `${h.connection.clockOffset()}`);
});

test('ER2 after a reconnect the clock keeps its estimate until the first new pong, then uses only new ones', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.socket.serverSend({ type: 'pong', clientTime: 0, serverTime: 7000 }); // round trip 0: offset 7000
  assert.equal(h.connection.clockOffset(), 7000);
  h.socket.serverClose(1006); // the laptop slept; its clock was then set 2 s forward
  h.untilNewSocket();
  h.welcome(42, { snapshot: false });
  assert.equal(h.connection.clockOffset(), 7000, 'no jump back to the local clock meanwhile');
  const sentAt = sentOfType(h.socket, 'ping')[0].clientTime;
  h.clock.advance(100);
  h.socket.serverSend({ type: 'pong', clientTime: sentAt, serverTime: sentAt + 50 + 5000 });
  assert.equal(h.connection.clockOffset(), 5000);
});

test('ER2 the pings of a welcome stop when the socket drops, and start again after the next one', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const first = h.socket;
  h.clock.advance(100);
  first.serverClose(1006);
  h.clock.advance(150);
  h.untilNewSocket();
  h.socket.serverOpen();
  h.clock.advance(1000);
  assert.equal(sentOfType(first, 'ping').length, 1, 'no ping after the drop');
  assert.deepEqual(h.socket.sent.map((m) => m.type), ['hello'], 'none before the new welcome');
  h.welcome(42, { snapshot: false });
  h.clock.advance(400);
  assert.equal(sentOfType(h.socket, 'ping').length, 3);
});

test('ER2 wentOffline() and stop() cancel the pings of a welcome too', () => {
  for (const leave of ['wentOffline', 'stop']) {
    const h = setup();
    h.connection.start();
    h.welcome(42);
    const socket = h.socket;
    h.connection[leave]();
    assert.equal(h.connection.clockPingTimer, null, leave);
    socket.readyState = 1; // even a socket that still accepted frames would get none
    h.clock.advance(1000);
    assert.equal(sentOfType(socket, 'ping').length, 1, leave);
  }
});

test('ER2 a socket silent for 40 s is dropped and a new one is opened', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const first = h.socket;
  assert.equal(HEARTBEAT.silentLimitMs, 40000);
  h.clock.advance(39999);
  assert.equal(h.state(), 'connected');
  assert.equal(first.closedWith, null);
  h.clock.advance(1);
  assert.notEqual(first.closedWith, null, 'the silent socket is closed');
  assert.equal(h.state(), 'reconnecting');
  h.untilNewSocket();
  h.socket.serverOpen();
  assert.equal(h.socket.sent[0].type, 'hello');
  assert.equal(h.socket.sent[0].lastRevision, 42);
});

test('ER2 any frame from the server, a pong included, keeps the socket alive', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.clock.advance(30000);
  h.socket.serverSend({ type: 'pong', clientTime: 15000, serverTime: 15010 });
  h.clock.advance(39999);
  assert.equal(h.state(), 'connected');
  assert.equal(h.sockets.length, 1);
  assert.equal(h.socket.closedWith, null);
  h.clock.advance(1);
  assert.equal(h.state(), 'reconnecting');
});

// --- CU1: cursor throttling ---------------------------------------------------------------------

test('CU1 moveCursor sends at most one move_cursor per 50 ms, and the latest position wins', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  assert.equal(CURSOR_INTERVAL_MS, 50);
  const cursors = () => h.socket.frames.filter((f) => f.message.type === 'move_cursor');
  h.connection.moveCursor(1, 2);
  assert.deepEqual(cursors().map((f) => f.message), [{ type: 'move_cursor', x: 1, y: 2, editingNoteId: null, canvasId: 'main' }]);
  h.clock.advance(10);
  h.connection.moveCursor(3, 4);
  h.clock.advance(10);
  h.connection.moveCursor(5, 6, NOTE);
  h.clock.advance(29);
  assert.equal(cursors().length, 1, 'nothing more inside the 50 ms window');
  h.clock.advance(1);
  assert.equal(cursors().length, 2, 'a trailing send at the end of the window');
  assert.deepEqual(cursors()[1], { at: 50, message: { type: 'move_cursor', x: 5, y: 6, editingNoteId: NOTE, canvasId: 'main' } });
  h.clock.advance(200);
  assert.equal(cursors().length, 2, 'no repeat of the same position');
  h.connection.moveCursor(7, 8);
  assert.equal(cursors().length, 3, 'after a quiet spell the next move goes out at once');
});

test('CU1 a burst of moves gives at most 20 messages a second and ends on the last position', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const start = h.clock.now;
  for (let i = 0; i < 500; i += 1) {
    h.connection.moveCursor(i, -i);
    h.clock.advance(2); // 500 moves in 1 s
  }
  h.clock.advance(100);
  const cursors = h.socket.frames.filter((f) => f.message.type === 'move_cursor');
  assert.ok(cursors.length <= 21 && cursors.length >= 15, `${cursors.length} messages`);
  for (let i = 1; i < cursors.length; i += 1) {
    assert.ok(cursors[i].at - cursors[i - 1].at >= 50, `at ${cursors[i].at} after ${cursors[i - 1].at}`);
  }
  assert.deepEqual(cursors.at(-1).message, { type: 'move_cursor', x: 499, y: -499, editingNoteId: null, canvasId: 'main' });
  assert.ok(cursors.at(-1).at <= start + 1000 + 50);
});

test('CU1 nothing is sent when not connected, and a queued position does not leak to the next socket', () => {
  const h = setup();
  h.connection.start();
  h.connection.moveCursor(1, 1);
  h.socket.serverOpen();
  h.connection.moveCursor(2, 2);
  assert.deepEqual(sentOfType(h.socket, 'move_cursor'), [], 'not before welcome');
  h.welcome(42);
  h.connection.moveCursor(3, 3);
  h.clock.advance(10);
  h.connection.moveCursor(4, 4); // queued for the trailing send
  const first = h.socket;
  first.serverClose(1006);
  h.connection.moveCursor(5, 5);
  h.clock.advance(100);
  assert.deepEqual(sentOfType(first, 'move_cursor').map((m) => m.x), [3]);
  h.untilNewSocket();
  h.welcome(42, { snapshot: false });
  h.clock.advance(100);
  assert.deepEqual(sentOfType(h.socket, 'move_cursor'), [], 'old positions are not replayed');
});

// --- SY5: wentOffline / retryNow ----------------------------------------------------------------

test('SY5 wentOffline() shows offline at once and schedules a retry', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.connection.send(h.update('pending'));
  const socket = h.socket;
  h.connection.wentOffline();
  assert.deepEqual(h.connection.status(), { state: 'offline', unsent: 1, failure: null });
  assert.notEqual(socket.closedWith, null, 'the socket is closed');
  assert.equal(h.clock.pendingTimeouts().length, 1, 'a retry is scheduled');
  assert.ok(h.clock.pendingTimeouts()[0] <= BACKOFF.maxMs);
  h.untilNewSocket(BACKOFF.maxMs);
  assert.equal(h.state(), 'offline', 'still offline until a welcome');
  h.welcome(42, { snapshot: false });
  assert.equal(h.state(), 'connected');
  assert.deepEqual(sentOfType(h.socket, 'update_note').map((m) => m.set.text), ['pending']);
});

test('SY5 retryNow() opens a socket at once instead of waiting for the scheduled retry', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.connection.wentOffline();
  assert.equal(h.sockets.length, 1);
  h.connection.retryNow();
  assert.equal(h.sockets.length, 2, 'a new socket right away');
  assert.notEqual(h.state(), 'offline');
  h.clock.advance(BACKOFF.maxMs * 2);
  assert.equal(h.sockets.length, 2, 'the scheduled retry was cancelled');
  h.connection.retryNow();
  assert.equal(h.sockets.length, 2, 'no second socket while one is opening');
  h.welcome(42, { snapshot: false });
  assert.equal(h.state(), 'connected');
  h.connection.retryNow();
  assert.equal(h.sockets.length, 2, 'nothing to do when connected');
});

test('SY5 a close event of a socket already replaced is ignored', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const old = h.socket;
  h.connection.wentOffline();
  h.connection.retryNow();
  h.welcome(42, { snapshot: false });
  old.serverClose(1006);
  assert.equal(h.state(), 'connected');
  assert.equal(h.sockets.length, 2);
});

test('SY5 stop() closes the socket and no retry follows', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const socket = h.socket;
  h.connection.stop();
  assert.notEqual(socket.closedWith, null);
  h.clock.advance(120000);
  assert.equal(h.sockets.length, 1);
});

test('HS7 a facilitator key held by the tab goes in hello, and welcome says whether it was accepted', () => {
  const h = setup({ displayName: 'Aminata' });
  h.identity.facilitatorKey = () => 'the-key';
  h.connection.start();
  h.socket.serverOpen();
  assert.equal(h.socket.sent[0].facilitatorKey, 'the-key');
  h.socket.serverSend({ ...example('server', 'welcome'), facilitator: true });
  assert.equal(h.connection.facilitator, true);
});

// --- LM1, LM3 to LM5: the server's limits ----------------------------------------------------------

for (const [code, failure, rule] of [
  [1008, 'flooding', 'LM3'],
  [4029, 'too_many_connections', 'LM4'],
  [4009, 'full', 'LM5'],
]) {
  test(`${rule} close code ${code} fails with "${failure}" and is not retried, the identity kept`, () => {
    const h = setup({ token: 'secret' });
    h.connection.start();
    h.socket.serverOpen();
    h.socket.serverClose(code, 'refused');
    assert.deepEqual(h.connection.status(), { state: 'failed', unsent: 0, failure });
    assert.equal(h.identity.stored, 'secret');
    h.clock.advance(120000);
    h.connection.retryNow();
    h.clock.advance(120000);
    assert.equal(h.sockets.length, 1, 'a permanent refusal is not a reconnect loop');
  });
}

const rateLimited = (changeId, retryAfterMs) => ({
  type: 'error',
  code: 'rate_limited',
  message: 'Too many changes at once: this one was not applied.',
  changeId,
  retryAfterMs,
});

test('LM1 a rate_limited change stays pending, and it and those after it go again, in order, once the wait is over', () => {
  const h = setup();
  const outcomes = [];
  h.connection.onMessage((message, outcome) => outcomes.push(outcome));
  h.connection.start();
  h.welcome(42);
  const [a, b, c] = ['a', 'b', 'c'].map((text) => h.update(text));
  for (const change of [a, b, c]) h.connection.send(change);
  h.socket.serverSend({ ...example('server', 'ack'), changeId: a.changeId, revision: 43 });
  h.socket.serverSend(rateLimited(b.changeId, 1000));
  h.socket.serverSend(rateLimited(c.changeId, 990));
  assert.equal(h.connection.status().unsent, 2, 'refused for its pace only: still pending');
  assert.equal(h.engine.note(NOTE).text, 'c', 'still drawn');
  assert.equal(outcomes.filter((o) => o?.rateLimited).length, 1, 'the page says so once');
  assert.equal(outcomes.filter((o) => o?.refused).length, 0, 'it is no refusal (UN5)');

  const d = h.update('d');
  h.connection.send(d);
  h.clock.advance(999);
  assert.deepEqual(changeIdsSent(h.socket), [a.changeId, b.changeId, c.changeId], 'nothing during the wait');
  h.clock.advance(1);
  assert.deepEqual(changeIdsSent(h.socket).slice(3), [b.changeId, c.changeId, d.changeId]);
});

test('LM1 after a reconnect a long backlog goes out paced: 30 at once, then 15 a second, in order', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  h.socket.serverClose(1006);
  const backlog = Array.from({ length: 100 }, (_, i) => h.update(`offline ${i}`));
  for (const change of backlog) h.connection.send(change);
  h.untilNewSocket();
  h.welcome(42, { snapshot: false });
  assert.equal(changeIdsSent(h.socket).length, 30);
  h.clock.advance(1000);
  assert.ok([44, 45].includes(changeIdsSent(h.socket).length), 'about 15 in the next second');
  h.clock.advance(5000);
  assert.deepEqual(changeIdsSent(h.socket), backlog.map((change) => change.changeId));
  const perSecond = new Map();
  for (const frame of h.socket.frames.filter((f) => f.message.changeId)) {
    const second = Math.floor(frame.at / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  assert.ok([...perSecond.values()].slice(1).every((count) => count <= 16), JSON.stringify([...perSecond]));
});

test('LM1 a change made while the tab is at its pace waits its turn, and a drop clears the queue', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const changes = Array.from({ length: 32 }, (_, i) => h.update(`fast ${i}`));
  for (const change of changes) h.connection.send(change);
  assert.equal(changeIdsSent(h.socket).length, 30);
  h.socket.serverClose(1006);
  h.clock.advance(200);
  h.untilNewSocket();
  h.socket.serverOpen();
  h.clock.advance(1000);
  assert.deepEqual(changeIdsSent(h.socket), [], 'nothing queued leaks to the next socket before its welcome');
});

test('ER1 AG1 a change over 64 KiB once encoded is never sent nor drawn: it throws, and the socket stays as it was', () => {
  const h = setup();
  h.connection.start();
  h.welcome(42);
  const long = 'é’'.repeat(9000); // 18,000 characters, 45,000 bytes in UTF-8: two such bodies are too many
  const steps = [1, 2].map((n) => ({ id: `s-${n}`, kind: 'text', title: `Étape ${n}`, body: long, minutes: 5, template: null, pillarMinutes: null }));
  const tooLarge = protocol.setAgenda(h.ids, steps);
  assert.ok(protocol.encodedSize(tooLarge) > protocol.LIMITS.messageBytes);
  const sentBefore = h.socket.sent.length;
  const agendaBefore = h.engine.arrangement().agenda;
  assert.throws(() => h.connection.send(tooLarge), protocol.MessageTooLargeError);
  assert.equal(h.socket.sent.length, sentBefore, 'nothing went out');
  assert.equal(h.connection.status().unsent, 0, 'nothing is kept to be resent after a reconnect');
  assert.deepEqual(h.engine.arrangement().agenda, agendaBefore, 'nothing is drawn');
  // One step of the same text fits, and goes out as usual.
  const fits = protocol.setAgenda(h.ids, steps.slice(0, 1));
  h.connection.send(fits);
  assert.equal(changeIdsSent(h.socket).at(-1), fits.changeId);
});
