// The canvas itself: panning (drag the background, wheel, one finger), zooming (Ctrl + wheel,
// pinch, + and - keys, the toolbar), creating notes (double-click, double-tap, N, the button)
// and reporting this person's pointer to the others (CU1).

import { detailAt } from './level-of-detail.js';
import { Viewport, boundsOf } from './viewport.js';

const ZOOM_STEP = 1.2;
const DOUBLE_TAP_MS = 350;

export class Board {
  constructor({ element, toolbar, connection }) {
    this.element = element;
    this.world = element.querySelector('.world');
    this.toolbar = toolbar;
    this.connection = connection;
    this.viewport = new Viewport();
    this.pointers = new Map(); // pointerId -> {x, y}: the fingers or mouse on the background
    this.pinch = null;
    this.lastTap = 0;
    this.lastPointer = null; // world coordinates of this person's pointer, for cursor messages
    this.editingNoteId = null;
    this.notes = null; // set by attach(): the NotesLayer
    this.centred = false;
    this.home = null; // () => box in world coordinates that the default view shows, or null
    this.viewListeners = new Set();
    this.detail = 'near'; // the notes' level of detail (level-of-detail.js)
    this.fitted = null; // {box, width, height}: what the view was fitted to, until it is moved
  }

  /**
   * `listener({byPerson})` after every change of the view; `byPerson` when this person's own
   * gesture made it (pan, zoom, keys, the zoom buttons), not a program (follow and summon, FS3).
   */
  onView(listener) {
    this.viewListeners.add(listener);
  }

  attach(notes) {
    this.notes = notes;
    const el = this.element;
    el.addEventListener('pointerdown', (event) => this.pointerDown(event));
    el.addEventListener('pointermove', (event) => this.pointerMove(event));
    el.addEventListener('pointerup', (event) => this.pointerUp(event));
    el.addEventListener('pointercancel', (event) => this.pointerUp(event));
    el.addEventListener('dblclick', (event) => {
      if (event.target === el || event.target === this.world) this.createAtScreen(event.clientX, event.clientY);
    });
    el.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    el.addEventListener('keydown', (event) => this.keyDown(event));
    this.toolbar.querySelector('[data-testid=add-note-button]').addEventListener('click', () => this.createAtCentre());
    this.toolbar.querySelector('[data-testid=zoom-in]').addEventListener('click', () => this.zoomCentre(ZOOM_STEP));
    this.toolbar.querySelector('[data-testid=zoom-out]').addEventListener('click', () => this.zoomCentre(1 / ZOOM_STEP));
    this.toolbar.querySelector('[data-testid=zoom-reset]').addEventListener('click', () => this.resetView());
    // A view fitted to a box keeps it whole while nobody moves it: the first fit can come before
    // the bars around the board have their final size (the template is asked for early).
    new ResizeObserver(() => this.refit()).observe(el);
    this.apply();
  }

  /**
   * The first time notes arrive, they are brought into view; later the view is the person's. The
   * canvas's template, when known (`home`, set by canvases.js), wins over the notes.
   */
  centreOnContent(allNotes, byPerson = false) {
    if (this.centred) return;
    const box = this.home?.() ?? boundsOf(allNotes);
    if (this.fitBox(box, byPerson)) this.centred = true;
  }

  /** Shows the box whole (never above 100 %), or the origin at 100 % without a box. */
  fitBox(box, byPerson = false) {
    const rect = this.element.getBoundingClientRect();
    if (rect.width === 0) return false;
    if (box) {
      this.viewport.fit(box, rect.width, rect.height);
    } else {
      Object.assign(this.viewport, { x: rect.width / 2, y: rect.height / 2, scale: 1 }); // Origin at the centre.
    }
    this.apply(byPerson);
    this.fitted = { box, width: rect.width, height: rect.height };
    return true;
  }

  /** The fit again, when the board's size changed since and the view was not moved. */
  refit() {
    if (this.fitted === null) return;
    const rect = this.element.getBoundingClientRect();
    if (rect.width !== this.fitted.width || rect.height !== this.fitted.height) this.fitBox(this.fitted.box);
  }

  resetView() {
    this.centred = false;
    this.centreOnContent(this.notes.engine.notesOn(this.notes.canvasId()), true);
  }

  /** Exactly 100 %, keeping the point at the centre of the screen where it is. */
  actualSize() {
    const rect = this.element.getBoundingClientRect();
    const centre = this.viewport.toWorld(rect.width / 2, rect.height / 2);
    Object.assign(this.viewport, { scale: 1, x: rect.width / 2 - centre.x, y: rect.height / 2 - centre.y });
    this.apply(true);
  }

  /** CU2: others see who edits which note, even when the edit began from the keyboard. */
  setEditing(noteId) {
    this.editingNoteId = noteId;
    if (!this.lastPointer) {
      const rect = this.element.getBoundingClientRect();
      this.lastPointer = this.viewport.toWorld(rect.width / 2, rect.height / 2);
    }
    this.reportPointer();
  }

  createAtCentre() {
    const rect = this.element.getBoundingClientRect();
    const centre = this.viewport.toWorld(rect.width / 2, rect.height / 2);
    this.notes.createAt(centre.x, centre.y);
  }

  createAtScreen(clientX, clientY) {
    const rect = this.element.getBoundingClientRect();
    const point = this.viewport.toWorld(clientX - rect.left, clientY - rect.top);
    this.notes.createAt(point.x, point.y);
  }

  keyDown(event) {
    if (event.target.closest('textarea, input, button')) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key === 'n' || key === 'N') {
      this.createAtCentre();
    } else if (key === '+' || key === '=') {
      this.zoomCentre(ZOOM_STEP);
    } else if (key === '-') {
      this.zoomCentre(1 / ZOOM_STEP);
    } else if (key === '0') {
      this.resetView();
    } else if (key === '1') {
      this.actualSize();
    } else if (event.target === this.element && key.startsWith('Arrow')) {
      const pan = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] }[key];
      this.viewport.panBy(...pan);
      this.apply(true);
    } else {
      return;
    }
    event.preventDefault();
  }

  pointerDown(event) {
    if (event.target !== this.element && event.target !== this.world) return;
    this.element.focus({ preventScroll: true });
    this.element.setPointerCapture?.(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) };
    }
    if (event.pointerType === 'touch' && this.pointers.size === 1) {
      const now = performance.now();
      if (now - this.lastTap < DOUBLE_TAP_MS) {
        this.lastTap = 0;
        this.pointers.clear();
        this.createAtScreen(event.clientX, event.clientY);
        return;
      }
      this.lastTap = now;
    }
  }

  pointerMove(event) {
    const rect = this.element.getBoundingClientRect();
    this.lastPointer = this.viewport.toWorld(event.clientX - rect.left, event.clientY - rect.top);
    this.reportPointer();
    const previous = this.pointers.get(event.pointerId);
    if (!previous) return;
    const current = { x: event.clientX, y: event.clientY };
    this.pointers.set(event.pointerId, current);
    if (this.pinch && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const middle = { x: (a.x + b.x) / 2 - rect.left, y: (a.y + b.y) / 2 - rect.top };
      this.viewport.zoomAt(distance / this.pinch.distance, middle.x, middle.y);
      this.pinch.distance = distance;
    } else {
      this.viewport.panBy(current.x - previous.x, current.y - previous.y);
    }
    this.apply(true);
  }

  pointerUp(event) {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size < 2) this.pinch = null;
  }

  wheel(event) {
    event.preventDefault();
    const rect = this.element.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      // Trackpad pinches arrive as Ctrl + wheel too.
      this.viewport.zoomAt(Math.exp(-event.deltaY / 300), event.clientX - rect.left, event.clientY - rect.top);
    } else {
      this.viewport.panBy(-event.deltaX, -event.deltaY);
    }
    this.apply(true);
  }

  zoomCentre(factor) {
    const rect = this.element.getBoundingClientRect();
    this.viewport.zoomAt(factor, rect.width / 2, rect.height / 2);
    this.apply(true);
  }

  reportPointer() {
    if (this.lastPointer) this.connection.moveCursor(this.lastPointer.x, this.lastPointer.y, this.editingNoteId, this.notes.canvasId());
  }

  apply(byPerson = false) {
    this.fitted = null; // moved: a later change of size keeps this view as it is
    // Only the world's transform: a property set on the board would be inherited by every note,
    // and restyle 2,000 of them at each zoom, the join's first fit included (docs/performance.md).
    this.world.style.transform = this.viewport.transform();
    // Far out, the notes' text is not laid out: one class on the board, restyling the notes only
    // when the level changes (docs/adr/0021-level-of-detail-of-notes.md).
    const detail = detailAt(this.viewport.scale, this.detail);
    if (detail !== this.detail) {
      this.detail = detail;
      this.element.classList.toggle('board-far', detail === 'far');
    }
    const label = this.toolbar.querySelector('[data-testid=zoom-reset]');
    label.textContent = `${Math.round(this.viewport.scale * 100)} %`;
    for (const listener of this.viewListeners) listener({ byPerson });
  }
}
