// The decisions about canvases and groups that need no page: which canvas a person sees, the
// names of a batch of new canvases, and how people are spread over the groups (CV1 to CV4).
// Node-tested; canvases.js and group-tools.js act on what these return.

import { LIMITS } from './protocol.js';

export const MAX_CANVASES = 40; // CV1: live canvases a workshop may hold
export const MAX_BATCH = 10; // canvases the facilitator creates at once
export const MAIN_CANVAS = 'main';

/**
 * The canvas to show: the one shown now while it exists, else the person's group canvas (CV4),
 * else the first live canvas; null while no canvas is known yet.
 */
export function canvasToShow(canvases, groupCanvasId, currentId) {
  if (currentId && canvases.has(currentId)) return currentId;
  if (groupCanvasId && canvases.has(groupCanvasId)) return groupCanvasId;
  const first = canvases.keys().next();
  return first.done ? null : first.value;
}

/**
 * "Prefix 1" to "Prefix N", each within the name limit (the number is never cut off). Throws
 * when the prefix is empty once trimmed or N is outside 1 to MAX_BATCH.
 */
export function numberedNames(prefix, count) {
  const clean = String(prefix ?? '').trim();
  if (clean.length === 0) throw new RangeError('A name prefix is required');
  if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) {
    throw new RangeError(`Between 1 and ${MAX_BATCH} canvases at once`);
  }
  const names = [];
  for (let i = 1; i <= count; i++) {
    const suffix = ` ${i}`;
    names.push(clean.slice(0, LIMITS.title - suffix.length).trimEnd() + suffix);
  }
  return names;
}

/** How many of `wanted` new canvases fit under the CV1 limit. */
export function roomForCanvases(liveCount, wanted) {
  return Math.max(0, Math.min(wanted, MAX_CANVASES - liveCount));
}

/**
 * The canvases groups are spread over: every canvas but `main`, or `main` alone when it is the
 * only one. In creation order.
 */
export function groupCanvases(canvases) {
  const ids = [...canvases.keys()];
  const others = ids.filter((id) => id !== MAIN_CANVAS);
  return others.length > 0 ? others : ids;
}

/**
 * Round robin: the online participants other than the facilitator, in a stable order (name, then
 * id), take the canvases in turn. Returns [participantId, canvasId] pairs for every person whose
 * group changes; people already in the right group are left out, so nothing is sent for them.
 */
export function spreadRoundRobin(participants, canvasIds, { facilitatorId, groups = new Map() } = {}) {
  if (canvasIds.length === 0) return [];
  const people = participants
    .filter((person) => person.online && person.id !== facilitatorId)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const moves = [];
  people.forEach((person, index) => {
    const canvasId = canvasIds[index % canvasIds.length];
    if (groups.get(person.id) !== canvasId) moves.push([person.id, canvasId]);
  });
  return moves;
}

/** How many online participants (facilitator aside) a spread would place. */
export function spreadableCount(participants, facilitatorId) {
  return participants.filter((person) => person.online && person.id !== facilitatorId).length;
}
