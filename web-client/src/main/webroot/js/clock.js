// Everyone in the room must see the same timer, but each laptop's clock is off by its own few
// seconds (or minutes). Timers therefore carry server times, and each tab estimates how far its
// clock is from the server's with the ping/pong of ER2: the server's time was read somewhere
// during the round trip, so the sample with the shortest round trip bounds the error best
// (at most half that round trip). Only the last few samples count, so a clock that drifts or
// is changed by hand is followed.

export const CLOCK_SAMPLES = 8;

export class ClockOffset {
  constructor({ keep = CLOCK_SAMPLES } = {}) {
    this.keep = keep;
    this.samples = []; // {offsetMs, roundTripMs}, oldest first
    this.stale = false;
  }

  /**
   * After a reconnect the server may be another node, or this laptop may have slept and had its
   * clock set: the old samples are kept only until the first new one, so time does not jump back
   * to the local clock in between.
   */
  renew() {
    this.stale = this.samples.length > 0;
  }

  /**
   * One ping/pong: the local time the ping left, the server's time in the pong, and the local time
   * the pong arrived. Returns false (and keeps nothing) for a sample that cannot be right.
   */
  sample(clientSentAt, serverTime, clientReceivedAt) {
    const values = [clientSentAt, serverTime, clientReceivedAt];
    if (!values.every(Number.isFinite)) return false;
    const roundTripMs = clientReceivedAt - clientSentAt;
    if (roundTripMs < 0) return false; // the local clock went back in between
    const offsetMs = Math.round(serverTime - (clientSentAt + clientReceivedAt) / 2);
    if (this.stale) this.samples = [];
    this.stale = false;
    this.samples.push({ offsetMs, roundTripMs });
    if (this.samples.length > this.keep) this.samples.shift();
    return true;
  }

  /** Whether there is any sample yet; until then the local clock is all there is. */
  ready() {
    return this.samples.length > 0;
  }

  /** Server time minus local time, in ms, from the best recent sample (0 before any). */
  offset() {
    return this.best()?.offsetMs ?? 0;
  }

  /** The round trip of the sample used, in ms, or null: twice the worst error of offset(). */
  roundTrip() {
    return this.best()?.roundTripMs ?? null;
  }

  serverNow(localNow = Date.now()) {
    return localNow + this.offset();
  }

  /** The shortest round trip wins; among equals, the latest, since clocks drift. */
  best() {
    let best = null;
    for (const sample of this.samples) {
      if (best === null || sample.roundTripMs <= best.roundTripMs) best = sample;
    }
    return best;
  }
}
