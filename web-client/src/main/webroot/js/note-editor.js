// Editing a note's text in place: a textarea over the note. What is typed is sent while typing
// (debounced) so others see it live, and once more when the editor closes. Escape, Ctrl+Enter
// and clicking elsewhere close it; Enter alone is a new line, as on paper.

import { t } from './i18n.js';
import { LIMITS } from './protocol.js';

const TYPING_SEND_MS = 300;

export class NoteEditor {
  constructor({ layer, onChange, onEditingChange = () => {} }) {
    Object.assign(this, { layer, onChange, onEditingChange });
    this.noteId = null;
    this.textarea = null;
    this.sentText = null;
    this.timer = null;
    this.session = null; // what this opening's sends share: one undo step (UN1)
  }

  /** `session`: given when the typing belongs to a step already begun (a new note's). */
  open(noteId, { session = {} } = {}) {
    if (this.noteId === noteId) return;
    this.close({ commit: true });
    const note = this.layer.engine.note(noteId);
    const element = this.layer.element(noteId);
    if (!note || !element) return;
    const textarea = document.createElement('textarea');
    textarea.className = 'note-editor';
    textarea.dataset.testid = 'note-editor';
    textarea.maxLength = LIMITS.text;
    textarea.value = note.text;
    textarea.setAttribute('aria-label', t('note.editorLabel'));
    textarea.addEventListener('input', () => this.typed());
    textarea.addEventListener('keydown', (event) => this.keyDown(event));
    textarea.addEventListener('blur', () => {
      if (this.textarea === textarea) this.close({ commit: true });
    });
    textarea.addEventListener('pointerdown', (event) => event.stopPropagation());
    textarea.addEventListener('dblclick', (event) => event.stopPropagation());
    element.classList.add('editing');
    element.append(textarea);
    this.noteId = noteId;
    this.textarea = textarea;
    this.sentText = note.text;
    this.session = session;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    this.onEditingChange(noteId);
  }

  /** Closes the editor; with commit, what was typed and not yet sent is sent now. */
  close({ commit, refocus = false }) {
    if (this.textarea === null) return;
    const { noteId, textarea } = this;
    clearTimeout(this.timer);
    this.timer = null;
    this.noteId = null;
    this.textarea = null;
    if (commit) this.send(noteId, textarea.value);
    const element = this.layer.element(noteId);
    element?.classList.remove('editing');
    textarea.remove();
    if (refocus) element?.focus({ preventScroll: true });
    this.onEditingChange(null);
  }

  typed() {
    clearTimeout(this.timer);
    const noteId = this.noteId;
    this.timer = setTimeout(() => {
      if (this.noteId === noteId) this.send(noteId, this.textarea.value);
    }, TYPING_SEND_MS);
  }

  keyDown(event) {
    event.stopPropagation(); // Letters typed here are text, not canvas shortcuts.
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      this.close({ commit: true, refocus: true });
    }
  }

  send(noteId, text) {
    if (text === this.sentText) return;
    this.sentText = text;
    this.onChange(noteId, text, this.session);
  }
}
