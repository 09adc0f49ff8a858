// Who is here (HS6) and where their pointers are (CU1, CU2). Cursors are drawn in canvas
// coordinates inside the world layer, so they pan and zoom with the notes.

import { t } from './i18n.js';

const IDLE_AFTER_MS = 8000;

export class Presence {
  constructor({ list, world, engine, selfId }) {
    Object.assign(this, { list, world, engine, selfId });
    this.cursors = new Map(); // participantId -> {x, y, editingNoteId, at, element}
    this.idleTimer = setInterval(() => this.markIdle(), 2000);
  }

  /** Who other than this tab is editing which note now (CU2): note id -> participant. */
  editors() {
    const editing = new Map();
    for (const [participantId, cursor] of this.cursors) {
      const person = this.engine.participants.get(participantId);
      if (cursor.editingNoteId && person) editing.set(cursor.editingNoteId, person);
    }
    return editing;
  }

  cursorMoved({ participantId, x, y, editingNoteId }) {
    if (participantId === this.selfId()) return;
    if (!this.cursors.has(participantId)) this.cursorElement(participantId);
    const cursor = this.cursors.get(participantId);
    Object.assign(cursor, { x, y, editingNoteId, at: Date.now() });
    this.cursors.set(participantId, cursor);
    cursor.element.classList.remove('idle');
    cursor.element.style.transform = `translate(${x}px, ${y}px)`;
  }

  render() {
    const selfId = this.selfId();
    const people = this.engine
      .participantList()
      .sort((a, b) => (b.id === selfId) - (a.id === selfId) || b.online - a.online || a.name.localeCompare(b.name));
    this.list.replaceChildren(...people.map((person) => this.participantItem(person, selfId)));
    for (const [participantId, cursor] of this.cursors) {
      const person = this.engine.participants.get(participantId);
      if (!person || !person.online) {
        cursor.element.remove(); // CU2: going offline clears the cursor and the editing mark.
        this.cursors.delete(participantId);
      } else {
        cursor.label.textContent = person.name;
        cursor.element.style.setProperty('--person-color', person.color);
      }
    }
  }

  participantItem(person, selfId) {
    const item = document.createElement('li');
    item.className = `participant ${person.online ? 'online' : 'offline'}`;
    item.dataset.testid = 'participant';
    item.dataset.participantId = person.id;
    item.dataset.online = String(person.online);
    const dot = document.createElement('span');
    dot.className = 'person-dot';
    dot.style.setProperty('--person-color', person.color);
    const name = document.createElement('span');
    name.className = 'person-name';
    name.textContent = person.id === selfId ? `${person.name} ${t('people.you')}` : person.name;
    const state = document.createElement('span');
    state.className = 'person-state';
    state.textContent = t(person.online ? 'people.online' : 'people.offline');
    item.append(dot, name, state);
    return item;
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
