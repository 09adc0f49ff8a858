// The facilitator's screen told to the followers (FS2): at most ten views a second while it moves,
// the latest always going out last, and the same view again every few seconds while it stays
// still, so that someone who arrives later or starts following has it soon. The timers and the
// clock are given, so node tests drive it.

import { sameView } from './view-region.js';

export const SHARE = { intervalMs: 100, repeatMs: 3000, tickMs: 1000 };

export class ViewPublisher {
  /**
   * @param {{read: () => ({canvasId: string, view: object}|null),
   *          send: (shared: {canvasId: string, view: object}) => boolean,
   *          timers?: object, now?: () => number}} options
   *   `read` gives the view shown now (null when there is none to give); `send` answers whether
   *   it went out (not while offline); `active` says whether this window is the one the person
   *   uses: only that one repeats its view, so that a facilitator's second window (on the
   *   projector, say) does not take the followers back to it every few seconds.
   */
  constructor({ read, send, active = () => true, timers = globalThis, now = () => Date.now() }) {
    Object.assign(this, { read, send, active, timers, now });
    this.last = null; // the view last sent
    this.lastSentAt = -Infinity;
    this.timer = null;
    this.ticker = null;
  }

  /** Starts repeating the view while it stays still. */
  start() {
    if (this.ticker === null) this.ticker = this.timers.setInterval(() => this.repeat(), SHARE.tickMs);
  }

  stop() {
    this.timers.clearInterval(this.ticker);
    this.timers.clearTimeout(this.timer);
    this.ticker = null;
    this.timer = null;
  }

  /** The view or the canvas changed: sent now, or at the end of the interval (latest wins). */
  changed() {
    const wait = this.lastSentAt + SHARE.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
    } else if (this.timer === null) {
      this.timer = this.timers.setTimeout(() => this.flush(), wait);
    }
  }

  /** Sends the view shown now, unless it is the one just sent. */
  flush({ again = false } = {}) {
    this.timer = null;
    const shared = this.read();
    if (!shared) return;
    if (!again && sameView(shared, this.last)) return;
    if (this.send(shared)) {
      this.last = shared;
      this.lastSentAt = this.now();
    }
  }

  repeat() {
    if (this.timer !== null || this.now() - this.lastSentAt < SHARE.repeatMs || !this.active()) return;
    this.flush({ again: true });
  }
}
