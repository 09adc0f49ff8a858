// Level of detail (docs/adr/0021-level-of-detail-of-notes.md): zoomed out so far that a note's
// text is too small to read, the notes are drawn without laying their text out (a greyed bar in
// its place), as Figma and Miro do; zoomed in, the text is laid out again. The board switches with
// one class, so the switch is one style change, not one per note. The text stays in the page and
// in each note's accessible name at every zoom. No DOM: node tests.

/** The size of a note's text at 100 % (css/atelier.css, `.note-text`). */
export const NOTE_FONT_PX = 15;

/** Below this size on screen, text is not read but guessed at: it is not laid out. */
export const READABLE_PX = 6;

/**
 * How far past the threshold a zoom must go before the level changes back: a pinch that hovers
 * at the threshold does not lay 2,000 notes' text out and drop it again at every frame.
 */
export const HYSTERESIS = 0.05;

/** 'far' (text not laid out) or 'near', for a zoom of `scale`, given the level drawn now. */
export function detailAt(scale, previous = 'near') {
  const threshold = READABLE_PX / NOTE_FONT_PX;
  if (previous === 'far') return scale > threshold * (1 + HYSTERESIS) ? 'near' : 'far';
  return scale < threshold * (1 - HYSTERESIS) ? 'far' : 'near';
}
