// The facilitator's "Dot voting" dialog (DV1): on the canvas shown, all its notes or one pillar's
// (when its template has pillars), how many dots each person gets, an optional limit per note,
// and whether the vote stays secret until it closes. A native <dialog>: focus stays inside while
// open, Escape closes, and the focus goes back to the button that opened it.

import { t } from './i18n.js';
import { openVote } from './protocol.js';
import { MAX_DOTS, isOpen } from './dot-votes.js';
import { loadTemplate, loadedTemplate, pillarZones } from './templates.js';
import { toast } from './toasts.js';

let counter = 0;

/** Opens the dialog for the canvas shown; on success the vote is proposed to the server. */
export function openVoteDialog(room, canvas) {
  const arranged = room.engine.arrangement();
  const current = arranged.votes.get(canvas.id);
  // What the server would refuse is said before anything is typed (DV1).
  const refusal = isOpen(current) ? 'vote_open' : arranged.privateCanvases.has(canvas.id) ? 'private_canvas' : null;
  if (refusal) {
    toast(t(`error.${refusal}`), 'error');
    return;
  }
  if (!loadedTemplate(canvas.template)) {
    // Its pillars are offered once the template is known; without it, the whole canvas only.
    loadTemplate(canvas.template).then(
      () => openVoteDialog(room, canvas),
      () => buildDialog(room, canvas, current),
    );
    return;
  }
  buildDialog(room, canvas, current);
}

function buildDialog(room, canvas, current) {
  const dialog = document.createElement('dialog');
  dialog.className = 'canvas-dialog vote-dialog';
  dialog.dataset.testid = 'vote-dialog';
  const heading = document.createElement('h2');
  heading.id = `vote-dialog-title-${++counter}`;
  heading.textContent = t('vote.dialogTitle');
  dialog.setAttribute('aria-labelledby', heading.id);
  const where = paragraph('help', t('vote.dialogCanvas', { name: canvas.name }));
  const form = document.createElement('form');
  form.noValidate = true;

  const pillars = pillarZones(loadedTemplate(canvas.template)).map(({ pillar }) => pillar);
  const scope = document.createElement('fieldset');
  scope.className = 'vote-scope';
  const legend = document.createElement('legend');
  legend.textContent = t('vote.scope');
  const pillar = document.createElement('select');
  pillar.dataset.testid = 'vote-pillar';
  pillar.setAttribute('aria-label', t('vote.pillar'));
  for (const code of pillars) pillar.append(new Option(t(`agenda.pillar.${code}`), code));
  const all = radio('vote-scope', 'canvas', t('vote.scopeCanvas'), true);
  const one = radio('vote-scope', 'pillar', t('vote.scopePillar'), false);
  one.label.append(pillar);
  scope.append(legend, all.label, one.label);
  if (pillars.length === 0) {
    one.label.hidden = true;
    scope.append(paragraph('help', t('vote.noPillars')));
  }
  const syncPillar = () => {
    pillar.disabled = !one.input.checked;
  };
  all.input.addEventListener('change', syncPillar);
  one.input.addEventListener('change', syncPillar);
  syncPillar();

  const dots = field(form, 'number', t('vote.dots', { max: MAX_DOTS }), 'vote-dots');
  Object.assign(dots, { min: '1', max: String(MAX_DOTS), step: '1', value: '3', required: true });
  const limit = checkbox(t('vote.limit'), 'vote-limit');
  const max = field(form, 'number', t('vote.maxPerNote'), 'vote-max');
  Object.assign(max, { min: '1', step: '1', value: '1' });
  const syncLimit = () => {
    max.disabled = !limit.input.checked;
  };
  limit.input.addEventListener('change', syncLimit);
  syncLimit();
  const secret = checkbox(t('vote.secret'), 'vote-secret');
  const replaces = current ? paragraph('help', t('vote.replaceResults')) : null;

  const error = paragraph('form-error', '');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  const cancel = button('button', '', t('vote.cancel'), 'dialog-cancel');
  const ok = button('submit', 'primary', t('vote.start'), 'dialog-submit');
  actions.append(cancel, ok);
  form.prepend(scope);
  form.querySelector(`label[for="${max.id}"]`).before(limit.label); // the checkbox, then what it enables
  form.append(secret.label);
  if (replaces) form.append(replaces);
  form.append(error, actions);
  dialog.append(heading, where, form);

  const opener = document.activeElement;
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = check(dots, limit.input.checked ? max : null);
    for (const input of [dots, max]) input.removeAttribute('aria-invalid');
    if (problem) {
      const [input, message] = problem;
      error.hidden = false;
      error.textContent = message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    room.connection.send(
      openVote(room.ids, {
        canvasId: canvas.id,
        pillar: one.input.checked && pillars.length > 0 ? pillar.value : null,
        dotsPerPerson: Number(dots.value),
        maxPerNote: limit.input.checked ? Number(max.value) : null,
        secret: secret.input.checked,
      }),
    );
    toast(t('vote.started'));
    dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  dots.focus();
}

/** DV1's limits, said before the server would refuse them: [input, message] or null. */
function check(dots, max) {
  const count = Number(dots.value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_DOTS) return [dots, t('vote.dotsRange', { max: MAX_DOTS })];
  if (max) {
    const most = Number(max.value);
    if (!Number.isInteger(most) || most < 1 || most > count) return [max, t('vote.limitRange', { max: count })];
  }
  return null;
}

function field(form, type, labelText, testid) {
  const id = `vote-field-${++counter}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const input = document.createElement('input');
  input.type = type;
  input.id = id;
  input.dataset.testid = testid;
  form.append(label, input);
  return input;
}

function radio(name, value, text, checked) {
  const label = document.createElement('label');
  label.className = 'vote-choice';
  const input = document.createElement('input');
  Object.assign(input, { type: 'radio', name, value, checked });
  input.dataset.testid = `vote-scope-${value}`;
  const span = document.createElement('span');
  span.textContent = text;
  label.append(input, span);
  return { label, input };
}

function checkbox(text, testid) {
  const label = document.createElement('label');
  label.className = 'vote-choice';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.dataset.testid = testid;
  const span = document.createElement('span');
  span.textContent = text;
  label.append(input, span);
  return { label, input };
}

function paragraph(className, text) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function button(type, className, text, testid) {
  const element = document.createElement('button');
  element.type = type;
  element.className = className;
  element.textContent = text;
  element.dataset.testid = testid;
  return element;
}
