// What every note of a language looks like before it is drawn, built once per language: the note
// (its text and resize corner) and, apart, its toolbar with the buttons features add.
// Notes are clones of the note; a note's toolbar is a clone of the toolbar, made when the note is
// first focused: it is hidden until then, and with its buttons it was two thirds of a note's
// elements (docs/performance.md, "Drawing a 2,000-note workshop in the browser").

import { language, t } from './i18n.js';
import { COLORS } from './protocol.js';

/** A mark no label holds: where the note's text goes in the label's sentence. */
const TEXT_SLOT = '\u0000';

export class NotePrototype {
  /** `decorators`: the layer's list, read when a language's prototype is first built. */
  constructor(decorators) {
    this.decorators = decorators;
    this.built = null;
  }

  /** Forgets what was built: a decorator was added, its buttons go into the next toolbars. */
  reset() {
    this.built = null;
  }

  current() {
    const lang = language();
    if (this.built?.lang !== lang) this.built = this.build(lang);
    return this.built;
  }

  /** A new note's element, unlabelled and undrawn. */
  note() {
    return this.current().note.cloneNode(true);
  }

  /** A new toolbar, labelled. */
  toolbar() {
    return this.current().toolbar.cloneNode(true);
  }

  /**
   * The note's accessible name, which carries its text at every zoom (docs/adr/0021): the
   * sentence is translated once per language, not once per note.
   */
  label(text) {
    const { labelParts, emptyLabel } = this.current();
    return text ? labelParts[0] + text + labelParts[1] : emptyLabel;
  }

  build(lang) {
    const note = document.createElement('div');
    note.className = 'note';
    note.dataset.testid = 'note';
    note.tabIndex = 0;
    note.setAttribute('role', 'group');
    const text = part('div', 'note-text');
    const resize = part('span', 'note-resize');
    resize.setAttribute('aria-hidden', 'true');
    note.append(text, resize); // the editing mark comes when someone first edits it (editingMark)
    const toolbar = this.buildToolbar();
    for (const decorator of this.decorators) decorator.tools?.(toolbar);
    const [before, after = ''] = t('note.label', { text: TEXT_SLOT }).split(TEXT_SLOT);
    return { lang, note, toolbar, labelParts: [before, after], emptyLabel: t('note.empty') };
  }

  buildToolbar() {
    const bar = document.createElement('div');
    bar.className = 'note-toolbar';
    for (const color of COLORS) {
      const swatch = button(`color-${color}`, `swatch swatch-${color}`, t('note.color', { color: t(`color.${color}`) }), `color:${color}`);
      swatch.dataset.colorChoice = color;
      bar.append(swatch);
    }
    const front = button('front-note', 'tool', t('note.front'), 'front');
    front.textContent = '⤒';
    const remove = button('delete-note', 'tool tool-danger', t('note.delete'), 'delete');
    remove.textContent = '✕';
    bar.append(front, remove);
    return bar;
  }
}

/** The mark that says who edits a note (CU2), made the first time someone does. */
export function editingMark(element) {
  let mark = element.querySelector('.note-editing');
  if (!mark) {
    mark = part('span', 'note-editing');
    mark.hidden = true;
    element.append(mark);
  }
  return mark;
}

function part(tag, className) {
  const element = document.createElement(tag);
  element.className = className;
  element.dataset.testid = className;
  return element;
}

/** A toolbar's button: what it does is its `data-note-action`, answered by the layer. */
export function button(testid, className, label, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.dataset.testid = testid;
  element.dataset.noteAction = action;
  element.setAttribute('aria-label', label);
  element.title = label;
  return element;
}
