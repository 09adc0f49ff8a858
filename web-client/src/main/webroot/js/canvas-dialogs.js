// The facilitator's dialogs for canvases: "New canvases" (a template, how many, a name prefix:
// CV1) and "Rename" (CV2). Native <dialog> elements: focus is kept inside while open, Escape
// closes, and the focus goes back to the button that opened them.

import { t, language } from './i18n.js';
import { createCanvas, renameCanvas, LIMITS, TEMPLATES } from './protocol.js';
import { MAX_BATCH, MAX_CANVASES, numberedNames, roomForCanvases } from './canvas-plan.js';
import { loadTemplate, localized } from './templates.js';
import { toast } from './toasts.js';

let counter = 0;

/** Opens the "New canvases" dialog; on success the canvases are proposed to the server. */
export function openNewCanvasesDialog(room) {
  const dialog = newDialog('new-canvases-dialog', t('canvases.newTitle'));
  const { form } = dialog;

  const choices = document.createElement('fieldset');
  choices.className = 'template-choices';
  const legend = document.createElement('legend');
  legend.textContent = t('canvases.template');
  choices.append(legend);
  for (const id of TEMPLATES) choices.append(templateChoice(id, id === 'analyse-platform'));

  const count = field(form, 'number', t('canvases.count', { max: MAX_BATCH }), 'canvas-count');
  Object.assign(count, { min: '1', max: String(MAX_BATCH), step: '1', value: '3', required: true });
  const prefix = field(form, 'text', t('canvases.prefix'), 'canvas-prefix');
  Object.assign(prefix, { value: t('canvases.prefixDefault'), maxLength: LIMITS.title - 3, required: true });
  const preview = document.createElement('p');
  preview.className = 'help';
  preview.setAttribute('aria-live', 'polite');
  const showPreview = () => {
    const names = previewNames(prefix.value, Number(count.value));
    preview.textContent = names ? t('canvases.preview', { first: names[0], last: names.at(-1) }) : '';
  };
  prefix.addEventListener('input', showPreview);
  count.addEventListener('input', showPreview);
  showPreview();
  form.insertBefore(choices, form.querySelector('label'));
  form.insertBefore(preview, dialog.error);

  dialog.onSubmit(() => {
    const wanted = Number(count.value);
    let names;
    try {
      names = numberedNames(prefix.value, wanted);
    } catch {
      return prefix.value.trim() === '' ? [prefix, t('canvases.prefixRequired')] : [count, t('canvases.countRange', { max: MAX_BATCH })];
    }
    const live = room.engine.arrangement().canvases.size;
    if (roomForCanvases(live, wanted) < wanted) {
      return [count, t('canvases.tooMany', { max: MAX_CANVASES, left: roomForCanvases(live, wanted) })];
    }
    const template = form.querySelector('input[name=template]:checked')?.value ?? 'msc';
    for (const name of names) room.connection.send(createCanvas(room.ids, { template, name }));
    toast(t('canvases.created', { count: names.length, first: names[0], last: names.at(-1) }));
    return null;
  });
  dialog.open(count);
}

/** Opens the "Rename" dialog for one canvas. */
export function openRenameDialog(room, canvas) {
  const dialog = newDialog('rename-canvas-dialog', t('canvases.renameTitle'));
  const name = field(dialog.form, 'text', t('canvases.name'), 'canvas-name');
  Object.assign(name, { value: canvas.name, maxLength: LIMITS.title, required: true });
  dialog.onSubmit(() => {
    const clean = name.value.trim();
    if (clean.length === 0) return [name, t('canvases.nameRequired')];
    if (clean !== canvas.name) room.connection.send(renameCanvas(room.ids, canvas.id, clean));
    return null;
  });
  dialog.open(name);
  name.select();
}

function previewNames(prefix, count) {
  try {
    return numberedNames(prefix, count);
  } catch {
    return null;
  }
}

/** A radio button with the template's name and description, filled in once the file arrives. */
function templateChoice(id, checked) {
  const label = document.createElement('label');
  label.className = 'template-choice';
  const radio = document.createElement('input');
  Object.assign(radio, { type: 'radio', name: 'template', value: id, checked });
  radio.dataset.testid = 'template-choice';
  const text = document.createElement('span');
  text.className = 'template-text';
  const name = document.createElement('span');
  name.className = 'template-name';
  name.textContent = id;
  const description = document.createElement('span');
  description.className = 'template-description';
  text.append(name, description);
  label.append(radio, text);
  loadTemplate(id).then(
    (template) => {
      name.textContent = localized(template.name, language());
      description.textContent = localized(template.description, language());
    },
    () => {}, // The id stays shown; the server still knows the template.
  );
  return label;
}

export function field(form, type, labelText, testid) {
  const id = `canvas-field-${++counter}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const input = document.createElement('input');
  input.type = type;
  input.id = id;
  input.dataset.testid = testid;
  form.insertBefore(label, form.querySelector('.form-error'));
  form.insertBefore(input, form.querySelector('.form-error'));
  return input;
}

/**
 * A modal dialog with a title, a form, an error line and Cancel / OK. `onSubmit(check)`: `check`
 * returns null when done, or [input, message] to show the problem and keep the dialog open. Other
 * facilitator's dialogs use it too (private-dialogs.js).
 */
export function newDialog(testid, title) {
  const dialog = document.createElement('dialog');
  dialog.className = 'canvas-dialog';
  dialog.dataset.testid = testid;
  const heading = document.createElement('h2');
  heading.id = `canvas-dialog-title-${++counter}`;
  heading.textContent = title;
  dialog.setAttribute('aria-labelledby', heading.id);
  const form = document.createElement('form');
  form.noValidate = true;
  const error = document.createElement('p');
  error.className = 'form-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = t('canvases.cancel');
  cancel.dataset.testid = 'dialog-cancel';
  const ok = document.createElement('button');
  ok.type = 'submit';
  ok.className = 'primary';
  ok.dataset.testid = 'dialog-submit';
  ok.textContent = t('canvases.ok');
  actions.append(cancel, ok);
  form.append(error, actions);
  dialog.append(heading, form);
  const opener = document.activeElement;
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(dialog);
  return {
    form,
    error,
    onSubmit(check) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const problem = check();
        if (problem) {
          const [input, message] = problem;
          error.hidden = false;
          error.textContent = message;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        dialog.close();
      });
    },
    open(focus) {
      dialog.showModal();
      focus.focus();
    },
  };
}
