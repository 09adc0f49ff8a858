// Builders for the client messages of docs/protocol.md, so that no other module spells a wire
// field. Values are checked here with the limits of NT5 and NT6, before they leave the tab.

export const PROTOCOL_VERSION = 1;
export const COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'];
export const LIMITS = { coordinate: 100000, minSize: 40, maxSize: 2000, text: 2000, name: 40 };

/** CH1: ids are a random prefix per tab plus a counter, so two tabs never collide. */
export function idFactory(random = () => crypto.getRandomValues(new Uint32Array(2))) {
  const words = random();
  const prefix = [...words].map((word) => word.toString(36)).join('');
  let counter = 0;
  return {
    changeId: () => `${prefix}-${++counter}`,
    noteId: () => `n-${prefix}-${++counter}`,
  };
}

export function hello({ workshopId, token, displayName, lastRevision, facilitatorKey }) {
  return {
    type: 'hello',
    protocol: PROTOCOL_VERSION,
    workshopId,
    token: token ?? null,
    displayName: token ? null : displayName,
    lastRevision: lastRevision ?? null,
    facilitatorKey: facilitatorKey ?? null, // HS7
  };
}

export function createNote(ids, { x, y, width = 200, height = 140, text = '', color = 'yellow' }) {
  return {
    type: 'create_note',
    changeId: ids.changeId(),
    noteId: ids.noteId(),
    x: coordinate(x),
    y: coordinate(y),
    width: size(width),
    height: size(height),
    text: clipText(text),
    color: checkColor(color),
  };
}

export function updateNote(ids, noteId, set) {
  const clean = {};
  if (set.x !== undefined) clean.x = coordinate(set.x);
  if (set.y !== undefined) clean.y = coordinate(set.y);
  if (set.width !== undefined) clean.width = size(set.width);
  if (set.height !== undefined) clean.height = size(set.height);
  if (set.text !== undefined) clean.text = clipText(set.text);
  if (set.color !== undefined) clean.color = checkColor(set.color);
  if (Object.keys(clean).length === 0) throw new Error('update_note must set a property (NT2)');
  return { type: 'update_note', changeId: ids.changeId(), noteId, set: clean };
}

export function deleteNote(ids, noteId) {
  return { type: 'delete_note', changeId: ids.changeId(), noteId };
}

export function bringNoteToFront(ids, noteId) {
  return { type: 'bring_note_to_front', changeId: ids.changeId(), noteId };
}

export function moveCursor(x, y, editingNoteId) {
  return { type: 'move_cursor', x: coordinate(x), y: coordinate(y), editingNoteId: editingNoteId ?? null };
}

export function sync(lastRevision) {
  return { type: 'sync', lastRevision };
}

export function ping(clientTime) {
  return { type: 'ping', clientTime };
}

function finite(value) {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`Not a number: ${value} (NT6)`);
  return value;
}

function coordinate(value) {
  const rounded = Math.round(finite(value) * 100) / 100;
  return Math.max(-LIMITS.coordinate, Math.min(LIMITS.coordinate, rounded));
}

function size(value) {
  return Math.max(LIMITS.minSize, Math.min(LIMITS.maxSize, Math.round(finite(value))));
}

/** NT5 counts UTF-16 units, as the server does; a surrogate pair is never cut in half. */
function clipText(text) {
  const clipped = String(text).slice(0, LIMITS.text);
  const last = clipped.charCodeAt(clipped.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? clipped.slice(0, -1) : clipped;
}

function checkColor(color) {
  if (!COLORS.includes(color)) throw new Error(`Unknown colour ${color} (NT6)`);
  return color;
}
