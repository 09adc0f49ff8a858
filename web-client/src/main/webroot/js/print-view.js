// The print view of the current canvas: the workshop's title, the canvas's name and the date,
// then the canvas fitted to a landscape page (zones and notes, no controls), then every note's
// full text grouped by zone, since a note drawn that small may not show all its text. The
// stylesheet's @media print block hides the rest of the page.

import { t, language } from './i18n.js';
import { localized, zoneOf } from './templates.js';
import { Viewport, boundsOf } from './viewport.js';

// The board's printed size, in CSS pixels: 25.5 cm by 15.5 cm fits a landscape Letter or A4
// page with 1 cm margins and the header above (the same sizes are in atelier.css).
const PRINT_WIDTH = (25.5 / 2.54) * 96;
const PRINT_HEIGHT = (15.5 / 2.54) * 96;

/** @param {{room: object, shown: () => {canvas: object, template: object|null} | null}} options */
export function mountPrint({ room, shown }) {
  const boardElement = room.board.element;
  const header = document.createElement('header');
  header.className = 'print-header print-only';
  header.dataset.testid = 'print-header';
  const title = document.createElement('h1');
  const subtitle = document.createElement('p');
  header.append(title, subtitle);
  boardElement.before(header);
  const list = document.createElement('section');
  list.className = 'print-notes print-only';
  list.dataset.testid = 'print-notes';
  boardElement.after(list);

  addEventListener('beforeprint', () => {
    const current = shown();
    if (!current) return;
    const { canvas, template } = current;
    const notes = room.engine.notesOn(canvas.id);
    title.textContent = document.getElementById('workshop-title')?.textContent || room.workshop.title;
    const locale = language() === 'fr' ? 'fr-CA' : 'en-CA';
    const date = new Date().toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
    subtitle.textContent = t('canvases.printSubtitle', { name: canvas.name, date });
    // Fit the template (or the notes of a canvas without one) to the printed board.
    const box = template?.bounds ?? boundsOf(notes) ?? { x: -600, y: -400, width: 1200, height: 800 };
    const viewport = new Viewport();
    viewport.fit(box, PRINT_WIDTH, PRINT_HEIGHT, 12);
    room.board.world.style.transform = viewport.transform();
    list.replaceChildren(...notesByZone(template, notes));
  });
  // Back to the person's own view of the canvas.
  addEventListener('afterprint', () => room.board.apply());
}

/** Headings per zone in the template's order, then the notes outside every zone. */
function notesByZone(template, notes) {
  const groups = new Map((template?.zones ?? []).map((zone) => [zone.id, { zone, notes: [] }]));
  const outside = [];
  const ordered = [...notes].sort((a, b) => a.y - b.y || a.x - b.x); // Reading order on the canvas.
  for (const note of ordered) {
    if (!note.text.trim()) continue;
    const zone = zoneOf(template, note);
    (zone ? groups.get(zone.id).notes : outside).push(note);
  }
  const sections = [];
  const heading = document.createElement('h2');
  heading.textContent = t('canvases.printNotes');
  sections.push(heading);
  const add = (name, items) => {
    if (items.length === 0) return;
    const title = document.createElement('h3');
    title.textContent = name;
    const list = document.createElement('ul');
    for (const note of items) {
      const item = document.createElement('li');
      item.textContent = note.text; // NT5: text, never markup.
      list.append(item);
    }
    sections.push(title, list);
  };
  for (const { zone, notes: items } of groups.values()) add(localized(zone.name, language()), items);
  add(template?.zones?.length ? t('canvases.printOutside') : t('canvases.printAll'), outside);
  if (sections.length === 1) {
    const empty = document.createElement('p');
    empty.textContent = t('canvases.printEmpty');
    sections.push(empty);
  }
  return sections;
}
