// The time maths of the round table (RT5 to RT9), apart from any view so that it can be tested to
// the millisecond and shared by the workshop page and the projector: what a turn has left (or how
// far it ran over), who speaks after the current speaker, and how the speaking time was shared.
// All times are server epoch milliseconds (clock.js), so every screen computes the same thing.

import { evenness } from './templates.js';

/**
 * Where the current turn stands at the given server time (RT8). `remainingMs` is negative in
 * overtime; `phase` is what a screen shows: `running`, `warning` (within `warningMs` of the end),
 * `overtime` (past it, counting up) or `paused` (the same three readings, frozen). `spokenMs` is
 * how long the speaker has spoken so far, pauses left out.
 * @param {?{deadline: ?number, remainingMs: ?number, resumedAt: ?number, spokenMs: number}} current
 * @returns {?{remainingMs: number, overtimeMs: number, phase: string, paused: boolean,
 *            spokenMs: number}} null when no turn runs
 */
export function turnClock(current, warningMs, serverNow) {
  if (!current) return null;
  const paused = !Number.isFinite(current.deadline);
  const remainingMs = paused ? (current.remainingMs ?? 0) : current.deadline - serverNow;
  const spokenMs =
    (current.spokenMs ?? 0) + (paused || !Number.isFinite(current.resumedAt) ? 0 : Math.max(0, serverNow - current.resumedAt));
  let phase = 'running';
  if (remainingMs <= 0) phase = 'overtime';
  else if (remainingMs <= (warningMs ?? 0)) phase = 'warning';
  return {
    remainingMs,
    overtimeMs: Math.max(0, -remainingMs),
    phase: paused ? 'paused' : phase,
    paused,
    warning: phase === 'warning',
    overtime: phase === 'overtime',
    spokenMs,
  };
}

/**
 * What a turn clock reads: the time left rounded up ("1:05"; "0:01" in the last second), or, past
 * the deadline, the overtime rounded down with a plus ("+0:12"), so the two never show the same
 * text.
 */
export function formatTurnTime(remainingMs) {
  if (remainingMs > 0) return clockText(Math.ceil(remainingMs / 1000));
  return `+${clockText(Math.floor(-remainingMs / 1000))}`;
}

/**
 * Who gets the floor when the current turn ends without a pass (RT5): the person after the
 * speaker in the order; when the speaker is no longer in it, the first person of the order who
 * has not had a turn; once the order is done, the first passed person; null when the round would
 * end. Before a round, the first person of the order.
 */
export function upcomingSpeaker(roundTable) {
  const { order = [], passed = [], turns = [], current = null } = roundTable ?? {};
  if (!current) return order[0] ?? null;
  if (!current.secondChance) {
    const at = order.indexOf(current.participantId);
    if (at >= 0 && at + 1 < order.length) return order[at + 1];
    if (at < 0) {
      const spoken = new Set(turns.map((turn) => turn.participantId));
      spoken.add(current.participantId);
      const waiting = order.find((id) => !spoken.has(id));
      if (waiting !== undefined) return waiting;
    }
  }
  return passed.find((id) => id !== current.participantId) ?? null;
}

/**
 * The speaking-time summary (RT9), the same rule as the server's: each person's total in the
 * order they first spoke; over the people who spoke (a turn not passed), the minimum, maximum and
 * median total and the evenness of their shares (CV5's measure). With `serverNow`, the turn
 * running now counts as spoken so far, so a facilitator's totals move live.
 * @returns {{people: {participantId: string, totalMs: number, turns: number, spoke: boolean}[],
 *            minMs: number, maxMs: number, medianMs: number, evenness: ?number}}
 */
export function speakingSummary(roundTable, serverNow = null) {
  const turns = [...(roundTable?.turns ?? [])];
  const current = roundTable?.current;
  if (current && Number.isFinite(serverNow)) {
    const clock = turnClock(current, 0, serverNow);
    turns.push({ participantId: current.participantId, spokenMs: clock.spokenMs, passed: false });
  }
  const totals = new Map();
  for (const turn of turns) {
    const total = totals.get(turn.participantId) ?? { participantId: turn.participantId, totalMs: 0, turns: 0, spoke: false };
    total.totalMs += turn.spokenMs;
    total.turns += 1;
    total.spoke = total.spoke || !turn.passed;
    totals.set(turn.participantId, total);
  }
  const people = [...totals.values()];
  const spoken = people.filter((person) => person.spoke).map((person) => person.totalMs).sort((a, b) => a - b);
  if (spoken.length === 0) return { people, minMs: 0, maxMs: 0, medianMs: 0, evenness: null };
  const middle = Math.floor(spoken.length / 2);
  const medianMs = spoken.length % 2 === 1 ? spoken[middle] : Math.floor((spoken[middle - 1] + spoken[middle]) / 2);
  return {
    people,
    minMs: spoken[0],
    maxMs: spoken[spoken.length - 1],
    medianMs,
    evenness: spoken.length < 2 ? null : evenness(spoken),
  };
}

function clockText(totalSeconds) {
  const minutes = Math.floor(totalSeconds / 60);
  return `${minutes}:${String(totalSeconds % 60).padStart(2, '0')}`;
}
