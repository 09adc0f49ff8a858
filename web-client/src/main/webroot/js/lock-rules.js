// What a lock holds back on this screen (LK1 to LK3), decided before anything is sent: the page
// disables what the server would refuse and says why. The server is the one that enforces it.
// No DOM: node tests.

/** Whether the canvas is locked (LK1). */
export function isCanvasLocked(arrangement, canvasId) {
  return arrangement.canvases.get(canvasId)?.locked === true;
}

/**
 * Why this person may not change a note, or create one on a canvas (`note` null): 'canvas' when its
 * canvas is locked, 'note' when the note is, null when nothing holds them back. The facilitator is
 * never held back (LK3).
 */
export function lockReason({ arrangement, facilitator, canvasId, note = null }) {
  if (facilitator) return null;
  if (isCanvasLocked(arrangement, note?.canvasId ?? canvasId)) return 'canvas';
  if (note?.locked === true) return 'note';
  return null;
}
