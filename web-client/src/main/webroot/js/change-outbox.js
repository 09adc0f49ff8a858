// The changes on their way to the server, paced so that a well-behaved tab never meets the
// server's limit (docs/protocol.md LM1): at most CHANGE_PACE.perSecond a second, CHANGE_PACE.burst
// at once, in the order they were made. Should the server still answer `rate_limited` (it may be
// set lower than this pace), nothing more goes out until its `retryAfterMs` is over; then every
// change still pending goes again, in order, as after a reconnect (SY3). The server refuses every
// change of the socket during that wait, so nothing sent meanwhile overtakes a refused one.
// Timers and the clock are given, so node tests drive it.

/** Below the server's default (20 a second, 40 at once), with room for the network's jitter. */
export const CHANGE_PACE = { perSecond: 15, burst: 30 };

export class ChangeOutbox {
  constructor({ transmit, timers = globalThis, now = () => Date.now(), pace = CHANGE_PACE }) {
    Object.assign(this, { transmit, timers, now, pace });
    this.queue = [];
    this.tokens = pace.burst;
    this.refilledAt = now();
    this.timer = null;
    this.heldUntil = -Infinity;
    this.resend = null;
  }

  /** A new change: out now if the pace allows, otherwise after those queued before it. */
  send(change) {
    this.queue.push(change);
    this.drain();
  }

  /** SY3: after a welcome, what must go (again), in order, instead of whatever was queued. */
  restart(changes) {
    this.queue = [...changes];
    this.drain();
  }

  /**
   * LM1: the server refused a change for the rate. Nothing goes out for `ms`; then `pending()` says
   * what must go again. Answers whether this began a wait (false while one already runs), so the
   * page says so once.
   */
  hold(ms, pending) {
    const now = this.now();
    const began = now >= this.heldUntil;
    this.heldUntil = Math.max(this.heldUntil, now + Math.max(0, ms));
    this.resend = pending;
    this.queue = [];
    this.schedule(this.heldUntil - now);
    return began;
  }

  /** The socket is gone: what was queued is still pending and goes after the next welcome. */
  clear() {
    this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
    this.heldUntil = -Infinity;
    this.resend = null;
  }

  /** How many changes wait for their turn (tests, and the unsent count stays the engine's). */
  queued() {
    return this.queue.length;
  }

  drain() {
    const now = this.now();
    if (now < this.heldUntil) {
      this.schedule(this.heldUntil - now);
      return;
    }
    if (this.resend) {
      this.queue = [...this.resend()];
      this.resend = null;
    }
    this.tokens = Math.min(this.pace.burst, this.tokens + ((now - this.refilledAt) * this.pace.perSecond) / 1000);
    this.refilledAt = now;
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.transmit(this.queue.shift());
    }
    if (this.queue.length > 0) this.schedule(Math.ceil(((1 - this.tokens) * 1000) / this.pace.perSecond));
  }

  schedule(ms) {
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.drain();
    }, ms);
  }
}
