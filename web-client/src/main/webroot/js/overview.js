// The facilitator's overview: every canvas as a live miniature (zones as outlines, notes as small
// coloured rectangles, scaled to the template's bounds), with its name, the notes per pillar and
// the total. Each miniature is a button that jumps into its canvas. It is drawn only while open,
// at most once per frame (canvases.js schedules it), and a miniature whose notes did not change
// keeps its drawing.

import { t } from './i18n.js';
import { localized, pillarCounts, pillarZones, totalOf } from './templates.js';

const SVG = 'http://www.w3.org/2000/svg';

export class Overview {
  constructor({ before, onOpenCanvas }) {
    this.onOpenCanvas = onOpenCanvas;
    this.element = document.createElement('section');
    this.element.className = 'canvas-overview';
    this.element.dataset.testid = 'overview-panel';
    this.element.hidden = true;
    this.heading = document.createElement('h2');
    this.heading.className = 'overview-title';
    this.heading.id = 'canvas-overview-title';
    this.element.setAttribute('aria-labelledby', this.heading.id);
    this.grid = document.createElement('div');
    this.grid.className = 'overview-grid';
    this.element.append(this.heading, this.grid);
    before.before(this.element);
    this.cards = new Map(); // canvasId -> {button, drawn: {notes, template, language, name}}
  }

  get open() {
    return !this.element.hidden;
  }

  /** `templateOf(canvas)` gives the loaded template or null; `notesOn(id)` the canvas's notes. */
  render({ canvases, currentId, templateOf, notesOn, language }) {
    if (!this.open) return;
    this.heading.textContent = t('canvases.overviewTitle', { count: canvases.size });
    let index = 0;
    for (const canvas of canvases.values()) {
      const card = this.cards.get(canvas.id) ?? this.card(canvas.id);
      this.update(card, canvas, templateOf(canvas), notesOn(canvas.id), language);
      card.button.classList.toggle('current', canvas.id === currentId);
      if (this.grid.children[index] !== card.button) this.grid.insertBefore(card.button, this.grid.children[index] ?? null);
      index++;
    }
    for (const [id, card] of this.cards) {
      if (!canvases.has(id)) {
        card.button.remove();
        this.cards.delete(id);
      }
    }
  }

  card(canvasId) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'miniature';
    button.dataset.testid = 'canvas-miniature';
    button.dataset.canvasId = canvasId;
    button.addEventListener('click', () => this.onOpenCanvas(canvasId));
    const name = document.createElement('span');
    name.className = 'miniature-name';
    const map = document.createElementNS(SVG, 'svg');
    map.setAttribute('class', 'miniature-map');
    map.setAttribute('aria-hidden', 'true');
    map.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    const zones = document.createElementNS(SVG, 'g');
    const notes = document.createElementNS(SVG, 'g');
    map.append(zones, notes);
    const counts = document.createElement('span');
    counts.className = 'miniature-counts';
    const total = document.createElement('span');
    total.className = 'miniature-total';
    total.dataset.testid = 'miniature-total';
    button.append(name, map, counts, total);
    const card = { button, name, map, zones, notes, counts, total, drawn: {} };
    this.cards.set(canvasId, card);
    return card;
  }

  update(card, canvas, template, notes, language) {
    const { drawn } = card;
    if (drawn.name !== canvas.name) card.name.textContent = canvas.name;
    const templateChanged = drawn.template !== template || drawn.language !== language;
    if (templateChanged) {
      const box = template?.bounds ?? { x: -1200, y: -800, width: 2400, height: 1600 };
      const margin = Math.max(box.width, box.height) * 0.02; // Edge strokes are drawn whole.
      card.map.setAttribute(
        'viewBox',
        `${box.x - margin} ${box.y - margin} ${box.width + 2 * margin} ${box.height + 2 * margin}`,
      );
      card.zones.replaceChildren(...(template?.zones ?? []).map((zone) => rect(zone, `mini-zone mini-zone-${zone.pillar ?? 'other'}`)));
    }
    if (templateChanged || !sameNotes(drawn.notes, notes)) {
      card.notes.replaceChildren(
        ...notes.map((note) => {
          const shape = rect(note, `mini-note mini-note-${note.color}`);
          shape.dataset.testid = 'miniature-note';
          return shape;
        }),
      );
      const counts = pillarCounts(template, notes);
      const names = new Map(pillarZones(template).map(({ pillar, zone }) => [pillar, localized(zone.name, language)]));
      card.counts.replaceChildren(
        ...[...counts].map(([pillar, count]) => {
          const item = document.createElement('span');
          item.className = `miniature-count pillar-${pillar}`;
          item.dataset.testid = 'miniature-count';
          item.dataset.pillar = pillar;
          item.dataset.count = String(count);
          item.textContent = t('canvases.miniatureCount', { pillar: names.get(pillar), count });
          return item;
        }),
      );
      card.total.dataset.total = String(notes.length);
      card.total.textContent = t('canvases.total', { count: notes.length, inPillars: totalOf(counts) });
      card.button.dataset.total = String(notes.length);
    }
    card.drawn = { name: canvas.name, template, language, notes };
  }
}

function rect(box, className) {
  const shape = document.createElementNS(SVG, 'rect');
  shape.setAttribute('x', String(box.x));
  shape.setAttribute('y', String(box.y));
  shape.setAttribute('width', String(box.width));
  shape.setAttribute('height', String(box.height));
  shape.setAttribute('class', className);
  return shape;
}

/** The engine keeps an unchanged note's object: same objects in the same order, same drawing. */
function sameNotes(before, now) {
  if (!before || before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (before[i] !== now[i]) return false;
  return true;
}
