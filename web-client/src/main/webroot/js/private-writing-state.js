// What private writing (PW1, PW2) means for a page, read from the engine's arrangement: whether a
// canvas is in private writing or anonymous, how many notes of others it hides from this reader,
// which canvases take no pointers (CU4), and what changed since the page last looked (to say so).
// No DOM, no socket (node tests). The server does the hiding; this only reads what it said.

/**
 * @param {{privateCanvases: Set<string>, anonymousCanvases: Set<string>, hiddenNotes: Map<string, number>}} arrangement
 * @returns {{isPrivate: boolean, anonymous: boolean, hidden: number}}
 */
export function canvasPrivacy(arrangement, canvasId) {
  return {
    isPrivate: arrangement.privateCanvases.has(canvasId),
    anonymous: arrangement.anonymousCanvases.has(canvasId),
    hidden: arrangement.hiddenNotes.get(canvasId) ?? 0,
  };
}

/**
 * CU4: on a canvas in private writing, a pointer shows where a hidden note is being written; on an
 * anonymous one, it shows whose note is whose. The server relays none from there; a page draws none
 * there either, not even one received before the canvas changed.
 */
export function hidesPointers(arrangement, canvasId) {
  return arrangement.privateCanvases.has(canvasId) || arrangement.anonymousCanvases.has(canvasId);
}

/** The words for "N other notes are hidden": none, one, or a number. */
export function hiddenCountKey(count) {
  if (count <= 0) return 'private.hiddenNone';
  return count === 1 ? 'private.hiddenOne' : 'private.hiddenMany';
}

/** What a page remembers of privacy between two looks: the canvases in private writing. */
export function privacyMark(arrangement) {
  return { privateCanvases: new Set(arrangement.privateCanvases) };
}

/**
 * The canvases where private writing started or that were revealed between two looks, among the
 * canvases that still live (a deleted canvas is not "revealed"). `before` is null on the first look,
 * once the workshop's state has arrived: what was already so is not news.
 * @returns {{started: string[], revealed: string[]}}
 */
export function privacyMoves(before, arrangement) {
  if (before === null) return { started: [], revealed: [] };
  const live = (id) => arrangement.canvases.has(id);
  const now = arrangement.privateCanvases;
  return {
    started: [...now].filter((id) => live(id) && !before.privateCanvases.has(id)),
    revealed: [...before.privateCanvases].filter((id) => live(id) && !now.has(id)),
  };
}
