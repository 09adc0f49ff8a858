// Pan and zoom of the canvas as plain numbers: screen = world × scale + offset. No DOM here, so
// node tests can check the arithmetic that every pointer gesture depends on.

export const MIN_SCALE = 0.2;
export const MAX_SCALE = 3;

export class Viewport {
  constructor({ x = 0, y = 0, scale = 1 } = {}) {
    this.x = x;
    this.y = y;
    this.scale = scale;
  }

  toWorld(screenX, screenY) {
    return { x: (screenX - this.x) / this.scale, y: (screenY - this.y) / this.scale };
  }

  toScreen(worldX, worldY) {
    return { x: worldX * this.scale + this.x, y: worldY * this.scale + this.y };
  }

  panBy(dx, dy) {
    this.x += dx;
    this.y += dy;
  }

  /** Zooms by a factor, keeping the world point under (screenX, screenY) where it is. */
  zoomAt(factor, screenX, screenY) {
    const scale = clamp(this.scale * factor, MIN_SCALE, MAX_SCALE);
    const anchor = this.toWorld(screenX, screenY);
    this.scale = scale;
    this.x = screenX - anchor.x * scale;
    this.y = screenY - anchor.y * scale;
  }

  /** Shows the box (world coordinates) centred in a screen of the given size, never above 100 %. */
  fit(box, width, height, margin = 40) {
    const scale = clamp(
      Math.min((width - 2 * margin) / Math.max(box.width, 1), (height - 2 * margin) / Math.max(box.height, 1), 1),
      MIN_SCALE,
      MAX_SCALE,
    );
    this.scale = scale;
    this.x = width / 2 - (box.x + box.width / 2) * scale;
    this.y = height / 2 - (box.y + box.height / 2) * scale;
  }

  transform() {
    return `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
  }
}

/** The smallest box holding every note, or null when there is none. */
export function boundsOf(notes) {
  if (notes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const note of notes) {
    left = Math.min(left, note.x);
    top = Math.min(top, note.y);
    right = Math.max(right, note.x + note.width);
    bottom = Math.max(bottom, note.y + note.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function clamp(value, min, max) {
  return Math.max(min, Math.min(max, value));
}
