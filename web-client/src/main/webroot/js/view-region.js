// Follow and summon as plain numbers (FS1 to FS3): the world rectangle a board shows, the view
// that shows a rectangle whole on a board of another size, the easing of a follower towards the
// facilitator's view, and which facilitator a follower follows. No DOM, so node tests check it.

import { MAX_SCALE, MIN_SCALE } from './viewport.js';

/** The rectangle of the world a board of `width` × `height` pixels shows with `viewport`. */
export function visibleRegion(viewport, width, height) {
  return {
    x: -viewport.x / viewport.scale,
    y: -viewport.y / viewport.scale,
    width: width / viewport.scale,
    height: height / viewport.scale,
  };
}

/**
 * FS3: the viewport ({x, y, scale}) that shows `region` whole and centred on a board of `width` ×
 * `height` pixels, at the largest zoom that holds it within the board's limits. A board of another
 * shape sees a little more on two sides, never less (unless the zoom limits forbid it).
 */
export function fitRegion(region, width, height) {
  const scale = clamp(Math.min(width / region.width, height / region.height), MIN_SCALE, MAX_SCALE);
  return {
    x: width / 2 - (region.x + region.width / 2) * scale,
    y: height / 2 - (region.y + region.height / 2) * scale,
    scale,
  };
}

/** The world point at the centre of a board of `width` × `height`, and the zoom: a "look". */
export function lookOf(viewport, width, height) {
  return {
    cx: (width / 2 - viewport.x) / viewport.scale,
    cy: (height / 2 - viewport.y) / viewport.scale,
    scale: viewport.scale,
  };
}

/** The viewport of a look on a board of `width` × `height`. */
export function viewportOf(look, width, height) {
  return { x: width / 2 - look.cx * look.scale, y: height / 2 - look.cy * look.scale, scale: look.scale };
}

/**
 * A look `fraction` of the way from `from` to `to`: the centre moves in a straight line and the
 * zoom geometrically, so that zooming in and out ease alike.
 */
export function easeLook(from, to, fraction) {
  const f = clamp(fraction, 0, 1);
  return {
    cx: from.cx + (to.cx - from.cx) * f,
    cy: from.cy + (to.cy - from.cy) * f,
    scale: from.scale * (to.scale / from.scale) ** f,
  };
}

/**
 * How far to ease in one frame of `elapsedMs`, for a motion that covers about 63 % of what is
 * left every `timeConstantMs`: the same speed at 30 and at 120 frames a second.
 */
export function easingFraction(elapsedMs, timeConstantMs = 90) {
  if (elapsedMs <= 0) return 0;
  return 1 - Math.exp(-elapsedMs / timeConstantMs);
}

/** Whether two looks differ by less than half a pixel on screen and a thousandth of zoom. */
export function looksAlike(a, b) {
  return (
    Math.abs(a.cx - b.cx) * b.scale < 0.5 &&
    Math.abs(a.cy - b.cy) * b.scale < 0.5 &&
    Math.abs(a.scale / b.scale - 1) < 0.001
  );
}

/** Whether two shared views name the same canvas and the same rectangle (to 1/100 of a unit). */
export function sameView(a, b) {
  if (!a || !b || a.canvasId !== b.canvasId) return false;
  return ['x', 'y', 'width', 'height'].every((key) => Math.abs(a.view[key] - b.view[key]) < 0.01);
}

/**
 * FS3: the facilitators' views a screen has seen, by participant id; a follower follows the one
 * whose view changed last. A view sent again unchanged (FS2 repeats it every 3 seconds) does not
 * make its facilitator the one followed.
 */
export class FacilitatorViews {
  constructor() {
    this.views = new Map(); // participantId -> {participantId, canvasId, view, changedAt}
    this.counter = 0; // an order of changes, not a clock: two in one millisecond stay ordered
  }

  /** Takes a facilitator_view; answers whether it changed anything. */
  take({ participantId, canvasId, view }) {
    const known = this.views.get(participantId);
    const next = { participantId, canvasId, view };
    if (known && sameView(known, next)) return false;
    this.views.set(participantId, { ...next, changedAt: ++this.counter });
    return true;
  }

  /** The view of the facilitator whose view changed last, or null before any. */
  leading() {
    let leading = null;
    for (const view of this.views.values()) {
      if (!leading || view.changedAt > leading.changedAt) leading = view;
    }
    return leading;
  }
}

function clamp(value, min, max) {
  return Math.max(min, Math.min(max, value));
}
