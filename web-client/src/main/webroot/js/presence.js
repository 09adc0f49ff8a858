// Who is here (HS6) and where their pointers are (CU1, CU2). Cursors are drawn in canvas
// coordinates inside the world layer, so they pan and zoom with the notes.

import { t } from './i18n.js';

const IDLE_AFTER_MS = 8000;

export class Presence {
  constructor({ list, world, engine, selfId }) {
    Object.assign(this, { list, world, engine, selfId });
    this.canvasId = () => 'main'; // the canvas shown; app.js points it at the notes layer's
    // CU4: canvases where others' pointers and editing marks are not drawn (private-writing.js).
    this.hidesCanvas = () => false;
    this.cursors = new Map(); // participantId -> {x, y, editingNoteId, at, element}
    this.items = new Map(); // participantId -> its item in the list
    this.personTools = [];
    this.idleTimer = setInterval(() => this.markIdle(), 2000);
  }

  /** Who other than this tab is editing which note now (CU2): note id -> participant. */
  editors() {
    const editing = new Map();
    for (const [participantId, cursor] of this.cursors) {
      const person = this.engine.participants.get(participantId);
      if (cursor.editingNoteId && person && !this.hidesCanvas(cursor.canvasId)) editing.set(cursor.editingNoteId, person);
    }
    return editing;
  }

  cursorMoved({ participantId, canvasId = 'main', x, y, editingNoteId }) {
    if (participantId === this.selfId()) return;
    if (!this.cursors.has(participantId)) this.cursorElement(participantId);
    const cursor = this.cursors.get(participantId);
    Object.assign(cursor, { canvasId, x, y, editingNoteId, at: Date.now() });
    this.cursors.set(participantId, cursor);
    cursor.element.classList.remove('idle');
    // CU3: a cursor on another canvas is not drawn on this one.
    cursor.element.hidden = !this.drawsOn(canvasId);
    cursor.element.style.transform = `translate(${x}px, ${y}px)`;
  }

  /** CU3 CU4: a cursor is drawn on the canvas shown, unless that canvas hides pointers. */
  drawsOn(canvasId) {
    return canvasId === this.canvasId() && !this.hidesCanvas(canvasId);
  }

  /**
   * Features add a control to every person of the list (the facilitator's group choice): `tool`
   * is called at each render with the person and a container kept for that person.
   */
  addPersonTool(tool) {
    this.personTools.push(tool);
  }

  render() {
    const selfId = this.selfId();
    const people = this.engine
      .participantList()
      .sort((a, b) => (b.id === selfId) - (a.id === selfId) || b.online - a.online || a.name.localeCompare(b.name));
    // Items are kept and updated in place: a control inside one (a select) keeps its focus and
    // stays open while notes move. Only an item whose place changes is moved.
    const seen = new Set();
    people.forEach((person, index) => {
      seen.add(person.id);
      const item = this.items.get(person.id) ?? this.participantItem(person.id);
      this.updateItem(item, person, selfId);
      if (this.list.children[index] !== item) this.list.insertBefore(item, this.list.children[index] ?? null);
    });
    for (const [id, item] of this.items) {
      if (!seen.has(id)) {
        item.remove();
        this.items.delete(id);
      }
    }
    for (const [participantId, cursor] of this.cursors) {
      const person = this.engine.participants.get(participantId);
      if (!person || !person.online) {
        cursor.element.remove(); // CU2: going offline clears the cursor and the editing mark.
        this.cursors.delete(participantId);
      } else {
        cursor.label.textContent = person.name;
        cursor.element.style.setProperty('--person-color', person.color);
        cursor.element.hidden = !this.drawsOn(cursor.canvasId); // the canvas may have turned private
      }
    }
  }

  participantItem(participantId) {
    const item = document.createElement('li');
    item.dataset.testid = 'participant';
    item.dataset.participantId = participantId;
    const dot = document.createElement('span');
    dot.className = 'person-dot';
    const name = document.createElement('span');
    name.className = 'person-name';
    const state = document.createElement('span');
    state.className = 'person-state';
    const tools = document.createElement('span');
    tools.className = 'person-tools';
    item.append(dot, name, state, tools);
    this.items.set(participantId, item);
    return item;
  }

  updateItem(item, person, selfId) {
    item.className = `participant ${person.online ? 'online' : 'offline'}`;
    item.dataset.online = String(person.online);
    const [dot, name, state, tools] = item.children;
    dot.style.setProperty('--person-color', person.color);
    setText(name, person.id === selfId ? `${person.name} ${t('people.you')}` : person.name);
    setText(state, t(person.online ? 'people.online' : 'people.offline'));
    for (const tool of this.personTools) tool(person, tools);
  }

  cursorElement(participantId) {
    const element = document.createElement('div');
    element.className = 'cursor';
    element.dataset.testid = 'cursor';
    element.dataset.participantId = participantId;
    element.setAttribute('aria-hidden', 'true');
    const arrow = document.createElement('span');
    arrow.className = 'cursor-arrow';
    const label = document.createElement('span');
    label.className = 'cursor-label';
    element.append(arrow, label);
    this.world.append(element);
    const person = this.engine.participants.get(participantId);
    label.textContent = person?.name ?? '';
    if (person) element.style.setProperty('--person-color', person.color);
    this.cursors.set(participantId, { element, label });
    return element;
  }

  markIdle() {
    const now = Date.now();
    for (const cursor of this.cursors.values()) {
      if (now - cursor.at > IDLE_AFTER_MS) cursor.element.classList.add('idle');
    }
  }
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
