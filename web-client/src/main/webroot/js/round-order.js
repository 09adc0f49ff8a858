// What the facilitator's speaking-order editor does to the order, without any DOM (RT1): every edit
// yields a new complete list of participant ids, because the wire has only one order change,
// set_speaking_order, which replaces the whole order. Also the few readings of the round table
// that the views share (the round's phase, who passed how often, how many speak before me) and
// the turn length typed by the facilitator. Time maths stay in round-clock.js.

import { LIMITS } from './protocol.js';

export const MIN_TURN_SECONDS = 10; // RT3
export const MAX_TURN_SECONDS = 1800;
export const MAX_WARNING_SECONDS = 300;

/** The remote attendance set, whatever shape it arrives in (absent until that feature lands). */
export function remoteSet(remote) {
  if (remote instanceof Set) return remote;
  if (Array.isArray(remote)) return new Set(remote);
  return new Set();
}

/**
 * The people present in order of arrival: `participants` is engine.participantList(), which keeps
 * the order in which people joined. Offline people are left out (they are not in the room), and
 * so is this tab's own person unless `includeSelf`: a facilitator rarely takes a turn.
 */
export function arrivalOrder(participants, { selfId = null, includeSelf = false } = {}) {
  return participants
    .filter((person) => person.online && (includeSelf || person.id !== selfId))
    .map((person) => person.id)
    .slice(0, LIMITS.speakingOrder);
}

/** The same ids with the remote people first, each group keeping its order (a stable partition). */
export function remoteFirst(ids, remote) {
  const away = remoteSet(remote);
  return [...ids.filter((id) => away.has(id)), ...ids.filter((id) => !away.has(id))];
}

/**
 * A uniform random whole number in [0, n), from the browser's cryptographic generator; rejection
 * sampling keeps every value equally likely (a plain modulo would favour the small ones).
 */
export function cryptoIndex(n, getRandomValues = (array) => crypto.getRandomValues(array)) {
  if (n <= 1) return 0;
  const limit = Math.floor(0x100000000 / n) * n;
  const word = new Uint32Array(1);
  do getRandomValues(word);
  while (word[0] >= limit);
  return word[0] % n;
}

/** A Fisher–Yates shuffle of a copy; `randomIndex(n)` gives a whole number in [0, n). */
export function shuffled(ids, randomIndex = cryptoIndex) {
  const mixed = ids.slice();
  for (let i = mixed.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1);
    [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
  }
  return mixed;
}

/**
 * The order shuffled for the "shuffle" button. During a round only the people still waiting are
 * mixed: whoever spoke, and the speaker, keep their places, so nobody is skipped or asked twice
 * (RT1 goes on from the speaker's place in the new order).
 */
export function shuffleOrder(order, roundTable, { randomIndex = cryptoIndex, remote = null, remoteFirstOn = false } = {}) {
  const kept = keptPlaces(order, roundTable);
  const head = order.slice(0, kept);
  let tail = shuffled(order.slice(kept), randomIndex);
  if (remoteFirstOn) tail = remoteFirst(tail, remote);
  return [...head, ...tail];
}

/** How many people at the head of the order a round has already reached (0 when none runs). */
function keptPlaces(order, roundTable) {
  const current = roundTable?.current;
  if (!current) return 0;
  const at = order.indexOf(current.participantId);
  if (at >= 0) return at + 1;
  const spoken = new Set((roundTable.turns ?? []).map((turn) => turn.participantId));
  let kept = 0;
  while (kept < order.length && spoken.has(order[kept])) kept += 1;
  return kept;
}

/** The order with a person moved by delta places (-1 up, +1 down); unchanged at either end. */
export function moveInOrder(order, id, delta) {
  const from = order.indexOf(id);
  return from < 0 ? order : moveTo(order, id, from + delta);
}

/** The order with a person moved to an index (a drop); unchanged when the index is out of range. */
export function moveTo(order, id, to) {
  const from = order.indexOf(id);
  if (from < 0 || to < 0 || to >= order.length || to === from) return order;
  const moved = order.slice();
  moved.splice(from, 1);
  moved.splice(to, 0, id);
  return moved;
}

/** The order with a person appended, once, within the limit of RT1. */
export function addToOrder(order, id) {
  if (order.includes(id) || order.length >= LIMITS.speakingOrder) return order;
  return [...order, id];
}

/** The order with people appended (each once, within the limit), in the order given. */
export function addAllToOrder(order, ids) {
  return ids.reduce(addToOrder, order);
}

export function removeFromOrder(order, id) {
  return order.filter((other) => other !== id);
}

/** Whether two orders are the same list: nothing to send otherwise. */
export function sameOrder(a, b) {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Where a dragged row lands: the index among all rows at which the dragged row's centre now lies.
 * `middles` are the vertical middles of every row before the drag began (dragged one included),
 * `from` the dragged row's index, `centre` where its middle is now.
 */
export function dropIndex(middles, from, centre) {
  let to = 0;
  middles.forEach((middle, i) => {
    if (i !== from && middle < centre) to += 1;
  });
  return to;
}

/** The people present who are not in the order, in order of arrival: the ones to offer "add" for. */
export function outsideOrder(participants, order) {
  const inOrder = new Set(order);
  return participants.filter((person) => person.online && !inOrder.has(person.id));
}

/**
 * What a round table is doing: `running` while a turn runs (RT8), `ended` once a round ended with
 * turns to sum up, `idle` before any round (or after one that ended without a turn).
 */
export function roundPhase(roundTable) {
  if (roundTable?.current) return 'running';
  if (Number.isFinite(roundTable?.endedAt) && (roundTable.turns ?? []).length > 0) return 'ended';
  return 'idle';
}

/** How many times each person passed in the round: participant id -> count (RT5). */
export function passCounts(turns) {
  const counts = new Map();
  for (const turn of turns ?? []) {
    if (turn.passed) counts.set(turn.participantId, (counts.get(turn.participantId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Where a person stands in the round: `speaking`, `spoke`, `passed` (waiting for a second chance),
 * `waiting` or `out` (not in the order).
 */
export function personStatus(roundTable, id) {
  const { order = [], passed = [], turns = [], current = null } = roundTable ?? {};
  if (current?.participantId === id) return 'speaking';
  if (current && passed.includes(id)) return 'passed';
  if (turns.some((turn) => turn.participantId === id && !turn.passed)) return 'spoke';
  if (turns.some((turn) => turn.participantId === id)) return 'passed';
  return order.includes(id) ? 'waiting' : 'out';
}

/**
 * How many people speak before `id`, following the order from the current speaker (RT5): 0 when
 * they come next; null when they are not waiting for a turn in this round (not in the order,
 * speaking, already spoke or passed). Before a round, their place in the order counts.
 */
export function waitingBefore(roundTable, id) {
  const { order = [], turns = [], current = null } = roundTable ?? {};
  const mine = order.indexOf(id);
  if (mine < 0) return null;
  if (!current) return mine;
  const status = personStatus(roundTable, id);
  if (status !== 'waiting') return null;
  const spoken = new Set(turns.map((turn) => turn.participantId));
  spoken.add(current.participantId);
  const at = order.indexOf(current.participantId);
  const from = at >= 0 ? at + 1 : 0;
  if (mine < from) return null; // left behind by a reorder: RT5 will not come back to them
  return order.slice(from, mine).filter((other) => !spoken.has(other)).length;
}

/**
 * A turn length typed by the facilitator, in seconds, or NaN: "2:30" (minutes:seconds), "90 s" or
 * "90s" (seconds), "2", "2 min" or "1,5" (minutes). Within 10 s to 30 min (RT3).
 */
export function parseTurnLength(text) {
  const typed = String(text ?? '').trim().toLowerCase().replace(',', '.');
  let seconds = Number.NaN;
  let match;
  if ((match = /^(\d{1,2}):([0-5]\d)$/.exec(typed))) seconds = Number(match[1]) * 60 + Number(match[2]);
  else if ((match = /^(\d{1,4})\s*(s|sec|secondes?|seconds?)$/.exec(typed))) seconds = Number(match[1]);
  else if ((match = /^(\d{1,2}(?:\.\d+)?)\s*(m|min|minutes?)?$/.exec(typed))) seconds = Math.round(Number(match[1]) * 60);
  return seconds >= MIN_TURN_SECONDS && seconds <= MAX_TURN_SECONDS ? seconds : Number.NaN;
}

/** A turn length as the field shows it: "2:00", "1:30". */
export function formatTurnLength(seconds) {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A warning typed in seconds, or NaN: a whole number from 0 to 300 (RT3). */
export function parseWarning(text) {
  const typed = String(text ?? '').trim();
  if (!/^\d{1,3}$/.test(typed)) return Number.NaN;
  const seconds = Number(typed);
  return seconds <= MAX_WARNING_SECONDS ? seconds : Number.NaN;
}

/** A spoken time, "2:05" or "1:02:05": what a summary shows per person. */
export function formatSpoken(ms) {
  const total = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
