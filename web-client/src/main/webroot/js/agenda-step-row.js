// One step in the agenda panel: what everyone sees (kind, title, minutes, whether it is the
// current step) and, for the facilitator, its buttons and its editor. A row is kept for as long as
// its step exists, so that the field being typed in keeps its focus, caret and text when the
// agenda changes under it; a field is only refreshed from the shared agenda when nobody is typing
// in it and no draft of it waits to be sent.

import { MAX_PILLAR_MINUTES, parseMinutes, validTitle } from './agenda-edit.js';
import { t } from './i18n.js';
import { imageMarkdown, IMAGE_TYPES, insertImageParagraph, uploadImage } from './image-upload.js';
import { LIMITS, STEP_KINDS, TEMPLATES } from './protocol.js';

let rowCount = 0;

export class StepRow {
  /**
   * @param {object} panel what the row asks of its panel: draft(stepId, field, value),
   *   flush(), go(stepId), move(stepId, delta), remove(stepId), room
   */
  constructor(panel, stepId) {
    this.panel = panel;
    this.stepId = stepId;
    this.key = `agenda-step-${++rowCount}`;
    this.step = null;
    this.expanded = false;
    this.build();
  }

  build() {
    const li = make('li', 'agenda-step', 'agenda-step');
    li.dataset.stepId = this.stepId;
    this.element = li;
    const line = make('div', 'agenda-step-line');
    this.number = make('span', 'agenda-step-number');
    const text = make('div', 'agenda-step-text');
    this.kind = make('span', 'agenda-step-kind', 'agenda-step-kind');
    this.title = make('span', 'agenda-step-title', 'agenda-step-title');
    this.title.id = `${this.key}-title`;
    text.append(this.kind, this.title);
    this.minutes = make('span', 'agenda-step-minutes');
    this.now = make('span', 'agenda-step-now');
    line.append(this.number, text, this.minutes, this.now);
    li.append(line);

    this.actions = make('div', 'agenda-step-actions');
    this.goButton = this.button('step-go', 'link-button', () => this.panel.go(this.stepId));
    this.upButton = this.button('step-up', 'icon-button', () => this.panel.move(this.stepId, -1));
    this.upButton.textContent = '↑';
    this.downButton = this.button('step-down', 'icon-button', () => this.panel.move(this.stepId, 1));
    this.downButton.textContent = '↓';
    this.editButton = this.button('step-edit', 'link-button', () => this.setExpanded(!this.expanded));
    this.editButton.setAttribute('aria-controls', `${this.key}-editor`);
    this.removeButton = this.button('step-remove', 'link-button danger', () => this.panel.remove(this.stepId));
    this.actions.append(this.goButton, this.upButton, this.downButton, this.editButton, this.removeButton);
    li.append(this.actions);
    li.addEventListener('keydown', (event) => {
      // Alt+↑/↓ moves the step from anywhere in its row but a text area, where it moves the caret.
      if (!event.altKey || !['ArrowUp', 'ArrowDown'].includes(event.key)) return;
      if (!this.panel.room.isFacilitator() || event.target.tagName === 'TEXTAREA') return;
      event.preventDefault();
      this.panel.move(this.stepId, event.key === 'ArrowUp' ? -1 : 1);
    });
    this.buildEditor();
  }

  buildEditor() {
    const editor = make('div', 'agenda-step-editor', 'step-editor');
    editor.id = `${this.key}-editor`;
    editor.hidden = true;
    this.editor = editor;
    this.fields = {};
    this.labels = {};
    this.errors = {};
    this.touched = new Set(); // fields typed in since they got the focus
    this.uploading = false;
    this.selection = null; // [start, end] of the body's selection when the image button was pressed

    this.fields.title = this.field('title', 'input', { maxLength: LIMITS.title });
    this.fields.kind = this.field('kind', 'select');
    for (const kind of STEP_KINDS) this.fields.kind.append(option(kind));
    this.fields.minutes = this.field('minutes', 'input', { type: 'number', min: '0', max: String(LIMITS.stepMinutes) });
    this.fields.template = this.field('template', 'select');
    for (const template of TEMPLATES) this.fields.template.append(option(template));
    this.fields.pillarMinutes = this.field('pillarMinutes', 'input', {
      type: 'number',
      min: '1',
      max: String(MAX_PILLAR_MINUTES),
    });
    this.fields.body = this.field('body', 'textarea', { rows: 8, maxLength: LIMITS.stepBody });

    this.help = make('details', 'markdown-help');
    this.helpSummary = make('summary');
    this.helpList = make('ul');
    this.help.append(this.helpSummary, this.helpList);

    this.file = make('input', 'visually-hidden', 'step-image-file');
    // The extensions too: some systems' file pickers filter by them rather than by type.
    Object.assign(this.file, { type: 'file', accept: [...IMAGE_TYPES, '.png', '.jpg', '.jpeg'].join(','), tabIndex: -1 });
    this.file.setAttribute('aria-hidden', 'true');
    this.file.addEventListener('change', () => this.upload());
    this.imageButton = this.button('step-image', '', () => {
      // Where the picture goes: the caret now, before the file picker takes the focus.
      const body = this.fields.body;
      this.selection = [body.selectionStart, body.selectionEnd];
      this.file.value = '';
      this.file.click();
    });
    this.uploadStatus = make('p', 'upload-status', 'upload-status');
    this.uploadStatus.setAttribute('role', 'status');
    const tools = make('div', 'agenda-body-tools');
    tools.append(this.imageButton, this.file, this.help);

    const grid = make('div', 'agenda-editor-grid');
    for (const name of ['title', 'kind', 'minutes', 'template', 'pillarMinutes']) grid.append(this.labels[name]);
    editor.append(grid, this.labels.body, tools, this.uploadStatus);
    this.element.append(editor);
  }

  /** A labelled field whose edits become drafts: sent after a pause in typing, or on change/blur. */
  field(name, tag, properties = {}) {
    const label = make('label', `agenda-field agenda-field-${name}`);
    const caption = make('span', 'agenda-field-caption');
    const input = make(tag, '', `step-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    Object.assign(input, properties);
    input.id = `${this.key}-${name}`;
    const error = make('span', 'agenda-field-error');
    error.id = `${this.key}-${name}-error`;
    error.hidden = true;
    input.setAttribute('aria-describedby', error.id);
    label.append(caption, input, error);
    this.labels[name] = label;
    this.errors[name] = error;
    const typed = () => {
      this.touched.add(name);
      this.typed(name);
    };
    input.addEventListener('focus', () => this.touched.delete(name));
    input.addEventListener('input', typed);
    input.addEventListener('change', () => {
      typed();
      this.panel.flush();
    });
    input.addEventListener('blur', () => {
      // What was typed here wins over an agenda that replaced it meanwhile from elsewhere (an
      // agenda_set sent by another tab from an older agenda): it is sent again if it differs.
      if (this.touched.has(name)) this.typed(name);
      this.panel.flush();
      this.settle(name);
    });
    return input;
  }

  /** A value typed in a field becomes a draft when it is one the server accepts. */
  typed(name) {
    const input = this.fields[name];
    let value = input.value;
    let problem = null;
    if (name === 'title' && !validTitle(value)) problem = 'agenda.editor.titleRequired';
    if (name === 'minutes') {
      value = parseMinutes(value, { max: LIMITS.stepMinutes });
      if (Number.isNaN(value)) problem = 'agenda.editor.minutesInvalid';
    }
    if (name === 'pillarMinutes') {
      value = parseMinutes(value, { min: 1, max: MAX_PILLAR_MINUTES, empty: null });
      if (Number.isNaN(value)) problem = 'agenda.editor.pillarMinutesInvalid';
    }
    this.errors[name].hidden = problem === null;
    this.errors[name].textContent = problem === null ? '' : t(problem, { max: LIMITS.stepMinutes });
    input.setAttribute('aria-invalid', String(problem !== null));
    this.panel.draft(this.stepId, name, problem === null ? value : undefined, { now: name === 'kind' || name === 'template' });
    if (name === 'kind') this.showKindFields(value);
  }

  /** Leaving a field whose value the server would refuse puts the stored value back. */
  settle(name) {
    if (this.errors[name].hidden) return;
    this.errors[name].hidden = true;
    this.fields[name].setAttribute('aria-invalid', 'false');
    if (this.step) this.fields[name].value = fieldValue(this.step, name);
  }

  button(testid, className, action) {
    const button = make('button', className, testid);
    button.type = 'button';
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') action();
    });
    return button;
  }

  setExpanded(expanded) {
    this.expanded = expanded;
    this.editor.hidden = !expanded;
    this.editButton.setAttribute('aria-expanded', String(expanded));
    this.editButton.textContent = t(expanded ? 'agenda.editor.close' : 'agenda.editor.open');
    if (!expanded) this.panel.flush();
  }

  /** Draws the step; `drafts` holds the fields typed here and not yet in the shared agenda. */
  update(step, { index, count, current, facilitator, drafts }) {
    this.step = step;
    this.element.dataset.current = String(current);
    this.element.classList.toggle('current', current);
    if (current) this.element.setAttribute('aria-current', 'step');
    else this.element.removeAttribute('aria-current');
    this.number.textContent = String(index + 1);
    this.kind.textContent = t(`agenda.kind.${step.kind}`);
    this.title.textContent = step.title;
    this.minutes.textContent = t('agenda.panel.minutes', { minutes: step.minutes });
    this.now.textContent = current ? t('agenda.panel.now') : '';
    this.now.hidden = !current;

    this.actions.hidden = !facilitator;
    if (!facilitator && this.expanded) this.setExpanded(false);
    this.goButton.hidden = current;
    this.goButton.textContent = t('agenda.panel.go');
    this.goButton.setAttribute('aria-label', t('agenda.panel.goLabel', { title: step.title }));
    setDisabled(this.upButton, index === 0);
    setDisabled(this.downButton, index === count - 1);
    this.upButton.setAttribute('aria-label', t('agenda.panel.moveUp', { title: step.title }));
    this.downButton.setAttribute('aria-label', t('agenda.panel.moveDown', { title: step.title }));
    this.editButton.textContent = t(this.expanded ? 'agenda.editor.close' : 'agenda.editor.open');
    this.editButton.setAttribute('aria-expanded', String(this.expanded));
    this.removeButton.textContent = t('agenda.panel.remove');
    this.removeButton.setAttribute('aria-label', t('agenda.panel.removeLabel', { title: step.title }));
    this.translateEditor();

    const draft = drafts.get(step.id) ?? {};
    for (const [name, input] of Object.entries(this.fields)) {
      const typing = document.activeElement === input || draft[name] !== undefined || !this.errors[name].hidden;
      if (!typing) {
        const value = fieldValue(step, name);
        if (input.value !== value) input.value = value;
      }
    }
    this.showKindFields(draft.kind ?? step.kind);
  }

  showKindFields(kind) {
    this.labels.template.hidden = kind !== 'canvas';
    this.labels.pillarMinutes.hidden = kind !== 'canvas';
  }

  translateEditor() {
    const captions = {
      title: 'agenda.editor.title',
      kind: 'agenda.editor.kind',
      minutes: 'agenda.editor.minutes',
      template: 'agenda.editor.template',
      pillarMinutes: 'agenda.editor.pillarMinutes',
      body: 'agenda.editor.body',
    };
    for (const [name, key] of Object.entries(captions)) {
      this.labels[name].querySelector('.agenda-field-caption').textContent = t(key);
    }
    for (const item of this.fields.kind.options) item.textContent = t(`agenda.kind.${item.value}`);
    for (const item of this.fields.template.options) item.textContent = t(`agenda.template.${item.value}`);
    this.fields.pillarMinutes.placeholder = t('agenda.editor.pillarMinutesNone');
    this.imageButton.textContent = t('agenda.editor.image');
    this.helpSummary.textContent = t('agenda.editor.markdownHelp');
    const lines = ['headings', 'emphasis', 'lists', 'links'].map((key) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = t(`agenda.editor.markdown.${key}`);
      item.append(code);
      return item;
    });
    this.helpList.replaceChildren(...lines);
  }

  /** Posts the chosen picture, then puts its Markdown where the caret was in the text. */
  async upload() {
    const file = this.file.files?.[0];
    if (!file || this.uploading) return;
    const room = this.panel.room;
    const body = this.fields.body;
    // The caret noted when the button was pressed; else the text area's own (it keeps it unfocused).
    const [start, end] = this.selection ?? [body.selectionStart, body.selectionEnd];
    this.selection = null;
    this.status(t('agenda.upload.sending'), false);
    this.uploading = true;
    // aria-disabled, not disabled: the button keeps the focus, and says it is busy meanwhile.
    setDisabled(this.imageButton, true);
    this.imageButton.setAttribute('aria-busy', 'true');
    try {
      // The key, or a promoted facilitator's own token (RO6).
      const image = await uploadImage({ workshopId: room.workshop.id, facilitatorKey: room.credential(), file });
      const inserted = insertImageParagraph(body.value, start, end, imageMarkdown(image.id, file.name));
      if (inserted.value.length > LIMITS.stepBody) {
        this.status(t('agenda.upload.too_long', { max: LIMITS.stepBody }), true);
        return;
      }
      body.value = inserted.value;
      body.focus();
      body.setSelectionRange(inserted.caret, inserted.caret);
      this.typed('body');
      this.panel.flush();
      this.status(t('agenda.upload.done'), false);
    } catch (error) {
      this.status(t(`agenda.upload.${error.code ?? 'failed'}`, { message: error.message ?? '' }), true);
    } finally {
      this.uploading = false;
      setDisabled(this.imageButton, false);
      this.imageButton.removeAttribute('aria-busy');
    }
  }

  status(text, isError) {
    this.uploadStatus.textContent = text;
    this.uploadStatus.classList.toggle('form-error', isError);
    this.uploadStatus.setAttribute('role', isError ? 'alert' : 'status');
  }

  /** Puts the keyboard in the title field, for a step just added. */
  focusTitle() {
    this.setExpanded(true);
    this.fields.title.focus();
    this.fields.title.select();
  }
}

function fieldValue(step, name) {
  const value = step[name];
  return value === null || value === undefined ? '' : String(value);
}

function setDisabled(button, disabled) {
  // aria-disabled, not disabled: a button that becomes disabled under the focus would drop it.
  button.setAttribute('aria-disabled', String(disabled));
}

function option(value) {
  const item = document.createElement('option');
  item.value = value;
  return item;
}

function make(tag, className = '', testid = '') {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (testid) made.dataset.testid = testid;
  return made;
}
