// One WebSocket to the workshop, kept alive for as long as the page is open: the handshake (HS1
// to HS5), resending after a reconnect (SY3), asking for a catch-up when a gap lasts (SY4), the
// connection state shown to people (SY5), heartbeats and the server clock estimated from the
// pongs (ER2, clock.js), and throttled cursors (CU1). With `observe`, it joins read-only as nobody
// (HS8): the projector's socket, which needs no identity and sends no change nor cursor. Changes
// go out paced, and wait when the server says `rate_limited` (LM1, change-outbox.js).
// The socket class, the timers and the randomness are given, so node tests can drive it.

import * as messages from './protocol.js';
import { ClockOffset } from './clock.js';
import { ChangeOutbox } from './change-outbox.js';
import { JOIN_MARKS, markOnce, timingNow } from './join-timing.js';

export const BACKOFF = { firstMs: 300, maxMs: 5000, offlineAfterAttempts: 3 };
export const HEARTBEAT = { pingEveryMs: 15000, silentLimitMs: 40000, tickMs: 500 };
export const CURSOR_INTERVAL_MS = 50; // CU1: at most 20 a second.
/** A few pings right after welcome, so that timers are right within a second of joining. */
export const CLOCK_PINGS = { count: 3, spacingMs: 200 };

/**
 * Close codes after which trying again cannot help (docs/protocol.md, "Close codes"). Any other
 * close is a drop: the tab reconnects with its confirmed revision and catches up (HS5, SY3), 4010
 * included (LM11: the server stopped holding events for a tab that read too slowly, a phone in a
 * tunnel or a frozen tab), and says no more than "reconnecting".
 */
const FINAL_CLOSE_CODES = {
  4000: 'protocol',
  4003: 'identity',
  4004: 'not_found',
  4006: 'locked', // RO3
  4007: 'passcode', // RO4: the page asks for it, then calls resume()
  4008: 'removed', // RO5
  4009: 'full', // LM5: the workshop holds as many people as the server allows
  4029: 'too_many_connections', // LM4: as many sockets from this network as the server allows
  1008: 'flooding', // LM3: closed for sending too much; coming back would do it again
};

export class Connection {
  /**
   * @param {object} options
   * @param {string} options.url the ws:// or wss:// address of /ws
   * @param {string} options.workshopId
   * @param {import('./sync-engine.js').SyncEngine} options.engine
   * @param {{token: () => string|null, displayName: () => string|null,
   *          remember: (token: string, participant: object) => void, forget: () => void}} [options.identity]
   *   not needed when observing
   * @param {boolean} [options.observe] join read-only, as nobody (HS8)
   */
  constructor({
    url,
    workshopId,
    engine,
    identity = null,
    observe = false,
    WebSocketImpl = globalThis.WebSocket,
    timers = globalThis,
    random = Math.random,
    now = () => Date.now(),
  }) {
    Object.assign(this, { url, workshopId, engine, identity, observe, WebSocketImpl, timers, random, now });
    this.socket = null;
    this.welcomedOnce = false; // an observer has no participant id to tell a reconnect by
    this.state = 'connecting';
    this.failure = null;
    this.participantId = null;
    this.attempts = 0;
    this.retryTimer = null;
    this.lastHeard = 0;
    this.lastPing = 0;
    this.clock = new ClockOffset();
    this.clockPingTimer = null;
    this.lastCursorAt = -Infinity;
    this.cursorTimer = null;
    this.queuedCursor = null;
    this.stateListeners = new Set();
    this.messageListeners = new Set();
    this.sendListeners = new Set();
    this.ticker = null;
    this.outbox = new ChangeOutbox({ transmit: (change) => this.transmit(change), timers, now });
    engine.subscribe(() => this.emitState());
  }

  /** Called with {state, unsent, failure} whenever one of them changes. */
  onState(listener) {
    this.stateListeners.add(listener);
    listener(this.status());
  }

  /** Called with every server message that is not for the sync engine alone. */
  onMessage(listener) {
    this.messageListeners.add(listener);
  }

  status() {
    return { state: this.state, unsent: this.engine.pendingCount(), failure: this.failure };
  }

  start() {
    this.ticker = this.timers.setInterval(() => this.tick(), HEARTBEAT.tickMs);
    this.open();
  }

  stop() {
    this.timers.clearInterval(this.ticker);
    this.timers.clearTimeout(this.retryTimer);
    this.timers.clearTimeout(this.cursorTimer);
    this.stopClockPings();
    this.failure = this.failure ?? 'stopped';
    this.closeSocket();
  }

  /**
   * Called with every change this tab proposes and what its sender says of it (`context`), before
   * the change is drawn: the undo history records from here, while the board still shows what
   * was there before (UN1).
   */
  onSend(listener) {
    this.sendListeners.add(listener);
  }

  /**
   * SY2: shown at once, sent now when connected, or after the next welcome (SY3). A change too
   * large for one message (ER1) throws MessageTooLargeError and is neither drawn nor kept.
   */
  send(change, context = {}) {
    const bytes = messages.encodedSize(change);
    if (bytes > messages.LIMITS.messageBytes) throw new messages.MessageTooLargeError(bytes);
    for (const listener of this.sendListeners) listener(change, context);
    this.engine.propose(change);
    if (this.state === 'connected') this.outbox.send(change);
  }

  /**
   * A volatile message (FS1, FS2): sent now if connected, otherwise dropped, never stored nor sent
   * again. Answers whether it went out.
   */
  sendVolatile(message) {
    if (this.state !== 'connected' || this.observe || !this.socket || this.socket.readyState !== 1) return false;
    this.transmit(message);
    return true;
  }

  /** CU1: the latest position wins; at most one message every CURSOR_INTERVAL_MS. */
  moveCursor(x, y, editingNoteId = null, canvasId = 'main') {
    if (this.state !== 'connected' || this.observe) return;
    this.queuedCursor = messages.moveCursor(x, y, editingNoteId, canvasId);
    const wait = this.lastCursorAt + CURSOR_INTERVAL_MS - this.now();
    if (wait <= 0) {
      this.flushCursor();
    } else if (this.cursorTimer === null) {
      this.cursorTimer = this.timers.setTimeout(() => this.flushCursor(), wait);
    }
  }

  /** The browser says the network is gone: no use waiting for the socket to notice. */
  wentOffline() {
    if (this.failure) return;
    this.closeSocket();
    this.timers.clearTimeout(this.retryTimer);
    this.attempts = Math.max(this.attempts, BACKOFF.offlineAfterAttempts);
    this.setState('offline');
    this.retryTimer = this.timers.setTimeout(() => this.open(), this.backoffMs());
  }

  /** The network is back, or the tab is visible again: try now rather than at the next retry. */
  retryNow() {
    if (this.failure || this.state === 'connected' || this.socket) return;
    this.timers.clearTimeout(this.retryTimer);
    this.attempts = 0;
    this.open();
  }

  /**
   * After a failure the person can fix (a passcode, RO4): forget it and connect again at once.
   * The others (a new version, an unknown workshop, a removal) stay final.
   */
  resume() {
    if (this.failure !== 'passcode' || this.socket) return;
    this.failure = null;
    this.failureReason = null;
    this.attempts = 0;
    this.open();
  }

  /** Server time now, as far as this tab can tell (ER2): what timers and the agenda count with. */
  serverNow() {
    return this.clock.serverNow(this.now());
  }

  /** Server time minus this tab's time, in ms (0 until the first pong). */
  clockOffset() {
    return this.clock.offset();
  }

  open() {
    this.retryTimer = null;
    if (this.state !== 'offline' || this.attempts === 0) {
      this.setState(this.welcomedOnce ? 'reconnecting' : 'connecting');
    }
    const socket = new this.WebSocketImpl(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.lastHeard = this.now();
      this.transmit(
        this.observe
          ? messages.hello({
              workshopId: this.workshopId,
              lastRevision: this.engine.confirmedRevision,
              observe: true,
              // HS9: what proves this screen belongs to someone already in (a lock, a passcode).
              token: this.identity?.token() ?? null,
              facilitatorKey: this.identity?.facilitatorKey?.() ?? null,
              passcode: this.identity?.passcode?.() ?? null,
            })
          : messages.hello({
              workshopId: this.workshopId,
              token: this.identity.token(),
              displayName: this.identity.displayName(),
              lastRevision: this.engine.confirmedRevision,
              facilitatorKey: this.identity.facilitatorKey?.() ?? null,
              passcode: this.identity.passcode?.() ?? null,
            }),
      );
      markOnce(JOIN_MARKS.helloSent);
    };
    socket.onmessage = (frame) => {
      if (this.socket === socket) this.receive(frame.data);
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.closed(event.code, event.reason);
    };
    socket.onerror = () => {}; // A close event always follows; the reconnect happens there.
  }

  receive(data) {
    this.lastHeard = this.now();
    const arrived = timingNow(); // before parsing: a snapshot's arrival, not its parse (join-timing.js)
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return; // The server only sends JSON; a broken frame is not worth a disconnect.
    }
    if (message.type === 'snapshot') markOnce(JOIN_MARKS.snapshotReceived, arrived);
    if (message.type === 'welcome') {
      this.welcomed(message);
    } else if (message.type === 'pong') {
      this.clock.sample(message.clientTime, message.serverTime, this.now());
    }
    let outcome = this.engine.receive(message);
    if (message.type === 'snapshot') markOnce(JOIN_MARKS.snapshotApplied);
    if (outcome?.rateLimited) {
      // LM1: the change stays pending; it and those after it go again once the wait is over.
      const began = this.outbox.hold(message.retryAfterMs ?? 1000, () => this.engine.pendingChanges());
      if (!began) outcome = null;
    }
    for (const listener of this.messageListeners) listener(message, outcome);
  }

  welcomed(welcome) {
    this.welcomedOnce = true;
    this.participantId = welcome.participant?.id ?? null; // null for an observer (HS8)
    this.facilitator = welcome.facilitator === true;
    if (welcome.participant && this.identity) {
      this.identity.remember(welcome.token ?? this.identity.token(), welcome.participant);
    }
    this.attempts = 0;
    this.setState('connected');
    this.outbox.restart(this.engine.pendingChanges()); // SY3, paced (LM1)
    this.lastPing = this.now(); // the heartbeat counts from the first of these pings
    this.clock.renew();
    this.stopClockPings();
    this.sendClockPings(CLOCK_PINGS.count);
  }

  /** One ping now and the others spaced apart, so that one slow round trip does not set the clock. */
  sendClockPings(left) {
    this.clockPingTimer = null;
    if (this.state !== 'connected') return;
    this.transmit(messages.ping(this.now()));
    if (left > 1) {
      this.clockPingTimer = this.timers.setTimeout(() => this.sendClockPings(left - 1), CLOCK_PINGS.spacingMs);
    }
  }

  stopClockPings() {
    this.timers.clearTimeout(this.clockPingTimer);
    this.clockPingTimer = null;
  }

  closed(code, reason) {
    this.socket = null;
    this.outbox.clear();
    this.timers.clearTimeout(this.cursorTimer);
    this.cursorTimer = null;
    this.stopClockPings();
    const final = FINAL_CLOSE_CODES[code];
    if (final) {
      // An observer only borrows the identity as a credential (HS9): it never forgets it for the page.
      if (final === 'identity' && !this.observe) this.identity?.forget();
      this.failure = final;
      this.failureReason = reason;
      this.setState('failed');
      return;
    }
    if (this.failure) return;
    // The drop of a working socket is not a failed attempt; each failed reconnect is.
    if (this.state !== 'connected') this.attempts += 1;
    if (this.attempts >= BACKOFF.offlineAfterAttempts || this.state === 'offline') {
      this.setState('offline');
    } else {
      this.setState('reconnecting');
    }
    this.retryTimer = this.timers.setTimeout(() => this.open(), this.backoffMs());
  }

  /** SY5: exponential, capped, with full jitter on the upper half so tabs do not stampede. */
  backoffMs() {
    const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, this.attempts - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  tick() {
    if (this.state !== 'connected') return;
    const now = this.now();
    if (this.engine.needsSync()) {
      this.transmit(messages.sync(this.engine.syncFrom())); // SY4
      this.engine.syncRequested();
    }
    if (now - this.lastPing >= HEARTBEAT.pingEveryMs) {
      this.transmit(messages.ping(now));
      this.lastPing = now;
    }
    if (now - this.lastHeard >= HEARTBEAT.silentLimitMs) {
      // A socket that hears nothing, not even pongs, is dead even if the browser has not noticed.
      const dead = this.socket;
      this.closed(1006, 'silent');
      dead?.close();
    }
  }

  flushCursor() {
    this.cursorTimer = null;
    if (this.queuedCursor && this.state === 'connected') {
      this.transmit(this.queuedCursor);
      this.lastCursorAt = this.now();
    }
    this.queuedCursor = null;
  }

  transmit(message) {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  closeSocket() {
    const socket = this.socket;
    this.socket = null;
    this.outbox.clear();
    this.stopClockPings();
    if (socket) socket.close(1000, 'closing');
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emitState();
  }

  emitState() {
    const status = this.status();
    for (const listener of this.stateListeners) listener(status);
  }
}
