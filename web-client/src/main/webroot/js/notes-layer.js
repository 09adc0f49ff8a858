// The sticky notes on the canvas: drawn from SyncEngine.notes() (NT4 order, NT5 text as text),
// and every gesture on a note turned into a change: drag, resize, keyboard moves, recolour,
// bring to front, delete. Editing text in place lives in note-editor.js, what a note is made of in
// note-prototype.js. Features add to it without living in it: `allow` says whether this person may
// change a note now (locks, LK3), and decorators add to each note (see addDecorator). The notes'
// gestures are heard once, on the world, not by each note: a join of 2,000 notes adds no listener.

import { t } from './i18n.js';
import * as messages from './protocol.js';
import { NoteEditor } from './note-editor.js';
import { NotePrototype, editingMark } from './note-prototype.js';
import { NUDGE_IDLE_MS } from './undo-history.js';

const KEY_STEP = 10;
const KEY_STEP_LARGE = 50;
const DRAG_SEND_MS = 100; // Others see a drag live, at up to ten changes a second.
const DRAG_THRESHOLD_PX = 4;
const DOUBLE_TAP_MS = 350;

export class NotesLayer {
  constructor({ world, engine, connection, ids, viewport, presence, onEditingChange }) {
    Object.assign(this, { world, engine, connection, ids, viewport, presence });
    this.elements = new Map(); // noteId -> element
    this.overrides = new Map(); // noteId -> geometry shown during a drag or resize, not yet sent
    this.drawn = new WeakMap(); // element -> {note, rank} it shows now
    this.marked = new Map(); // noteId -> participant whose editing mark the note shows
    this.gesture = null;
    this.lastTap = null;
    this.color = 'yellow';
    this.shownCanvasId = 'main'; // NT7: the canvas shown; canvases.js changes it
    this.decorators = [];
    this.prototypes = new NotePrototype(this.decorators);
    this.texts = new WeakMap(); // element -> its text's element
    this.toolbars = new WeakMap(); // element -> its toolbar, once the note has been focused
    /** `(action, noteId, {quiet}) => boolean`: 'create' (noteId null) or 'edit'; false says why. */
    this.allow = () => true;
    this.editor = new NoteEditor({
      layer: this,
      onChange: (noteId, text, session) => this.update(noteId, { text }, { session }),
      onEditingChange,
    });
    this.listen();
  }

  /** The canvas whose notes are drawn, and where new notes go (NT7). */
  canvasId() {
    return this.shownCanvasId;
  }

  /** Shows another canvas: an open editor keeps what was typed, then the other notes are drawn. */
  showCanvas(canvasId) {
    if (canvasId === this.shownCanvasId) return;
    this.editor.close({ commit: true });
    this.shownCanvasId = canvasId;
    this.render();
  }

  /**
   * A feature's additions to every note. Once per language, into the toolbar every note's is cloned
   * from: `tools(toolbar)` adds buttons (each with a `data-note-action`, answered by
   * `act(action, noteId)`, which returns true when it was its own). After each draw of a note:
   * `draw(element, note, toolbar)`, the toolbar null until the note is first focused; the note's
   * classes were just set, so a decorator adds its own. Notes already drawn are built again.
   */
  addDecorator(decorator) {
    this.decorators.push(decorator);
    this.prototypes.reset();
    if (this.elements.size > 0) {
      this.editor.close({ commit: true });
      for (const element of this.elements.values()) element.remove();
      this.elements.clear();
    }
    this.redraw();
  }

  /** Draws every note again, for what changed outside the notes (a lock, a selection). */
  redraw() {
    this.drawn = new WeakMap();
    this.render();
  }

  /** Opens the editor of a note, unless the note may not be changed now (LK3). */
  openEditor(noteId) {
    if (this.allow('edit', noteId)) this.editor.open(noteId);
  }

  render() {
    const notes = this.engine.notesOn(this.shownCanvasId);
    const seen = new Set();
    // New notes are built apart and enter the page together, in one insertion: a joining tab's
    // 2,000 notes are one change of the page, not 2,000 (docs/performance.md).
    const arriving = document.createDocumentFragment();
    notes.forEach((note, rank) => {
      seen.add(note.id);
      const element = this.elements.get(note.id) ?? this.create(note.id, arriving);
      const override = this.overrides.get(note.id);
      // Unchanged notes keep their object in the engine: with 2,000 notes, most draws are skipped.
      if (!override && this.drawn.get(element)?.note === note && this.drawn.get(element).rank === rank) return;
      this.draw(element, override ? { ...note, ...override } : note, rank + 1);
      this.drawn.set(element, { note, rank });
    });
    this.world.append(arriving);
    for (const [id, element] of this.elements) {
      if (!seen.has(id)) {
        if (this.editor.noteId === id) this.editor.close({ commit: false });
        if (element.contains(document.activeElement)) this.world.parentElement.focus();
        element.remove();
        this.elements.delete(id);
        this.marked.delete(id);
      }
    }
    this.refreshEditingMarks();
  }

  /**
   * CU2: the name of whoever is editing a note, on the note. Cursor moves call this many times a
   * second: only the notes whose mark changes are touched, not every note on the canvas.
   */
  refreshEditingMarks() {
    const editors = this.presence.editors();
    for (const id of new Set([...this.marked.keys(), ...editors.keys()])) {
      const editor = editors.get(id) ?? null;
      const element = this.elements.get(id);
      if (this.marked.get(id) === editor || !element) continue;
      const mark = editingMark(element);
      mark.hidden = !editor;
      mark.textContent = editor ? t('note.editing', { name: editor.name }) : '';
      if (editor) mark.style.setProperty('--person-color', editor.color);
      if (editor) this.marked.set(id, editor);
      else this.marked.delete(id);
    }
  }

  element(noteId) {
    return this.elements.get(noteId) ?? null;
  }

  /**
   * Creates a note centred on a world point and opens its editor (NT1): the typing that follows is
   * one undo step with the creation (UN1).
   */
  createAt(worldX, worldY) {
    if (!this.allow('create', null)) return;
    const session = {};
    const change = messages.createNote(this.ids, {
      canvasId: this.shownCanvasId,
      x: worldX - 100,
      y: worldY - 70,
      color: this.color,
    });
    this.connection.send(change, { session });
    this.render();
    this.editor.open(change.noteId, { session });
  }

  /** `context.session`: the changes of one gesture or edit share it, and are one undo step (UN1). */
  update(noteId, set, context = {}) {
    if (!this.engine.note(noteId) || !this.allow('edit', noteId)) return;
    this.connection.send(messages.updateNote(this.ids, noteId, set), context);
  }

  draw(element, note, rank) {
    element.dataset.x = String(note.x);
    element.dataset.y = String(note.y);
    // One write of the classes, not one per state; decorators add theirs after it.
    let className = `note note-${note.color}`;
    if (element === this.gesture?.element) className += ' dragging';
    if (this.editor.noteId === note.id) className += ' editing';
    if (!note.text) className += ' note-empty';
    element.className = className;
    element.style.transform = `translate(${note.x}px, ${note.y}px)`;
    element.style.width = `${note.width}px`;
    element.style.height = `${note.height}px`;
    element.style.zIndex = String(rank);
    const text = this.texts.get(element);
    if (text.textContent !== note.text) text.textContent = note.text; // NT5: never innerHTML.
    element.setAttribute('aria-label', this.prototypes.label(note.text));
    const toolbar = this.toolbars.get(element) ?? null;
    if (toolbar) {
      for (const swatch of toolbar.querySelectorAll('[data-color-choice]')) {
        swatch.setAttribute('aria-pressed', String(swatch.dataset.colorChoice === note.color));
      }
    }
    for (const decorator of this.decorators) decorator.draw?.(element, note, toolbar);
  }

  /** A note's element, cloned from the language's prototype and put in `parent` (the world by default). */
  create(noteId, parent = this.world) {
    const element = this.prototypes.note();
    element.dataset.noteId = noteId;
    this.texts.set(element, element.querySelector('.note-text'));
    parent.append(element);
    this.elements.set(noteId, element);
    this.marked.delete(noteId); // A new element shows no mark yet.
    return element;
  }

  /**
   * The note whose element an event happened in, or null: events of the notes are heard here, on
   * the world, once for every note.
   */
  noteOf(event) {
    const element = event.target.closest?.('.note');
    const noteId = element?.dataset.noteId;
    return noteId !== undefined && this.elements.get(noteId) === element ? { element, noteId } : null;
  }

  listen() {
    const on = (type, handler) =>
      this.world.addEventListener(type, (event) => {
        const found = this.noteOf(event);
        if (found) handler(event, found.noteId, found.element);
      });
    on('pointerdown', (event, noteId, element) => {
      // A press on a button of the note is the button's; the board must not start a pan either.
      if (event.target.closest('button')) event.stopPropagation();
      else this.pointerDown(event, noteId, element);
    });
    on('pointermove', (event) => this.pointerMove(event));
    on('pointerup', (event, noteId) => this.pointerUp(event, noteId));
    on('pointercancel', (event, noteId) => this.pointerUp(event, noteId));
    on('dblclick', (event, noteId) => {
      if (event.target.closest('button, textarea')) return;
      event.stopPropagation();
      this.openEditor(noteId);
    });
    on('keydown', (event, noteId, element) => this.keyDown(event, noteId, element));
    // The toolbar is shown to a focused note only: it is built then, the first time.
    on('focusin', (_event, _noteId, element) => this.toolbarOf(element));
    on('click', (event, noteId, element) => {
      const button = event.target.closest('button[data-note-action]');
      if (!button || button.parentElement !== this.toolbars.get(element)) return;
      event.stopPropagation();
      this.act(button.dataset.noteAction, noteId);
    });
  }

  /** The note's toolbar, built and drawn the first time it is needed. */
  toolbarOf(element) {
    let toolbar = this.toolbars.get(element);
    if (!toolbar) {
      toolbar = this.prototypes.toolbar();
      element.prepend(toolbar); // first, as the note's first stops for Tab
      this.toolbars.set(element, toolbar);
      this.drawn.delete(element);
      this.render();
    }
    return toolbar;
  }

  /** What a button of a note's toolbar does: `color:<colour>`, `front` or `delete`. */
  act(action, noteId) {
    if (this.decorators.some((decorator) => decorator.act?.(action, noteId))) return;
    if (action.startsWith('color:')) {
      const color = action.slice('color:'.length);
      this.color = color;
      this.update(noteId, { color });
    } else if (action === 'front') {
      if (this.allow('edit', noteId)) this.connection.send(messages.bringNoteToFront(this.ids, noteId));
    } else if (action === 'delete') {
      this.remove(noteId);
    }
  }

  remove(noteId) {
    if (!this.allow('edit', noteId)) return;
    if (this.editor.noteId === noteId) this.editor.close({ commit: false });
    this.connection.send(messages.deleteNote(this.ids, noteId));
    this.world.parentElement.focus();
  }

  keyDown(event, noteId, element) {
    if (event.target !== element) return; // Keys typed in the editor or on a button are theirs.
    const note = this.engine.note(noteId);
    if (!note) return;
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      const [dx, dy] = moves[event.key];
      this.update(noteId, { x: note.x + dx, y: note.y + dy }, { session: `nudge:${noteId}`, idleMs: NUDGE_IDLE_MS });
    } else if (event.key === 'Enter' || event.key === 'F2') {
      this.openEditor(noteId);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      this.remove(noteId);
    } else if (event.key === 'Escape') {
      this.world.parentElement.focus();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  pointerDown(event, noteId, element) {
    if (event.button !== 0 || event.target.closest('button, textarea')) return;
    event.stopPropagation(); // The board must not start a pan.
    const note = this.engine.note(noteId);
    if (!note) return;
    element.setPointerCapture?.(event.pointerId);
    element.focus({ preventScroll: true });
    const resizing = event.target.classList.contains('note-resize');
    this.gesture = {
      element,
      noteId,
      pointerId: event.pointerId,
      kind: resizing ? 'resize' : 'move',
      startX: event.clientX,
      startY: event.clientY,
      origin: { x: note.x, y: note.y, width: note.width, height: note.height },
      moved: false,
      lastSent: 0,
      // LK3: a note this person may not change does not follow the pointer; they are told once.
      blocked: !this.allow('edit', noteId, { quiet: true }),
      session: {}, // one undo step for the whole drag
    };
    event.preventDefault();
  }

  pointerMove(event) {
    const gesture = this.gesture;
    if (!gesture || gesture.pointerId !== event.pointerId) return;
    const dx = event.clientX - gesture.startX;
    const dy = event.clientY - gesture.startY;
    if (!gesture.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (gesture.blocked) {
      if (!gesture.moved) this.allow('edit', gesture.noteId);
      gesture.moved = true;
      return;
    }
    gesture.moved = true;
    const scale = this.viewport.scale;
    const geometry =
      gesture.kind === 'resize'
        ? { width: clampSize(gesture.origin.width + dx / scale), height: clampSize(gesture.origin.height + dy / scale) }
        : { x: round(gesture.origin.x + dx / scale), y: round(gesture.origin.y + dy / scale) };
    this.overrides.set(gesture.noteId, geometry);
    const now = performance.now();
    if (now - gesture.lastSent >= DRAG_SEND_MS) {
      gesture.lastSent = now;
      this.update(gesture.noteId, geometry, { session: gesture.session });
    } else {
      this.render();
    }
  }

  pointerUp(event, noteId) {
    const gesture = this.gesture;
    if (!gesture || gesture.pointerId !== event.pointerId) return;
    this.gesture = null;
    this.drawn.delete(gesture.element);
    const geometry = this.overrides.get(noteId);
    this.overrides.delete(noteId);
    if (gesture.moved && geometry && event.type === 'pointerup') {
      this.update(noteId, geometry, { session: gesture.session });
    } else if (!gesture.moved && event.pointerType === 'touch') {
      // Touch screens send no dblclick here: two taps on the same note open the editor.
      const now = performance.now();
      if (this.lastTap?.noteId === noteId && now - this.lastTap.at < DOUBLE_TAP_MS) {
        this.lastTap = null;
        this.openEditor(noteId);
      } else {
        this.lastTap = { noteId, at: now };
      }
    }
    this.render();
  }
}

function clampSize(value) {
  return Math.max(40, Math.min(2000, Math.round(value)));
}

function round(value) {
  return Math.round(value);
}
