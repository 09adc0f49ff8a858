// The facilitator's access dialogs, opened from the top bar's "⋯" menu: "Accès à l'atelier" (lock
// the workshop against newcomers, RO3; ask newcomers for a passcode or stop asking, RO4) and
// "Code QR" (the invitation link as the server draws it, RO7, with the link itself to copy). Both
// are native modal <dialog>s: the focus stays inside, Escape closes, and the focus goes back to
// the "⋯" button. The access dialog follows the shared state while open, so a second facilitator's
// change shows in it at once. The current passcode is never shown: the server keeps only a hash.

import { joinUrlOf, passcodeProblem, qrCodeUrl, shortLink } from './access-rules.js';
import { t } from './i18n.js';
import { lockWorkshop, setPasscode } from './protocol.js';
import { copyLink, toast } from './toasts.js';

let counter = 0;

/** The dialog's frame: a title, its content, a Close button; removed from the page once closed. */
function frame(testid, title, returnFocusTo) {
  const dialog = document.createElement('dialog');
  dialog.className = 'canvas-dialog access-dialog';
  dialog.dataset.testid = testid;
  const heading = document.createElement('h2');
  heading.id = `access-dialog-title-${++counter}`;
  heading.textContent = title;
  dialog.setAttribute('aria-labelledby', heading.id);
  const body = document.createElement('div');
  body.className = 'access-dialog-body';
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  const close = document.createElement('button');
  close.type = 'button';
  close.dataset.testid = 'access-dialog-close';
  close.textContent = t('access.close');
  close.addEventListener('click', () => dialog.close());
  actions.append(close);
  dialog.append(heading, body, actions);
  dialog.addEventListener('close', () => {
    dialog.remove();
    dialog.onClosed?.();
    if (returnFocusTo?.isConnected) returnFocusTo.focus();
  });
  document.body.append(dialog);
  return { dialog, body, close };
}

function element(tag, className, text = '') {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text) made.textContent = text;
  return made;
}

/** Lock and passcode, live from the shared state while open. */
export function openAccessDialog(room, returnFocusTo) {
  const { dialog, body } = frame('access-dialog', t('access.dialog.title'), returnFocusTo);

  const lock = element('section', 'access-section');
  const lockTitle = element('h3', '', t('access.lock.legend'));
  const lockState = element('p', 'access-state');
  lockState.dataset.testid = 'access-lock-state';
  const lockButton = element('button', '');
  lockButton.type = 'button';
  lockButton.dataset.testid = 'access-lock-toggle';
  lockButton.addEventListener('click', () => {
    const locked = !room.engine.arrangement().locked;
    room.connection.send(lockWorkshop(room.ids, locked));
    toast(t(locked ? 'access.lock.locked' : 'access.lock.unlocked'));
  });
  lock.append(lockTitle, lockState, lockButton);

  const passcode = element('section', 'access-section');
  const passcodeTitle = element('h3', '', t('access.passcode.legend'));
  const passcodeState = element('p', 'access-state');
  passcodeState.dataset.testid = 'access-passcode-state';
  const form = element('form', 'access-passcode-form');
  form.noValidate = true;
  const inputId = `access-passcode-${counter}`;
  const label = element('label', '', t('access.passcode.label'));
  label.htmlFor = inputId;
  const input = element('input', '');
  Object.assign(input, { id: inputId, type: 'text', autocomplete: 'off', spellcheck: false, maxLength: 60 });
  input.dataset.testid = 'access-passcode-input';
  const error = element('p', 'form-error');
  error.id = `${inputId}-error`;
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const save = element('button', 'primary', t('access.passcode.save'));
  save.type = 'submit';
  save.dataset.testid = 'access-passcode-save';
  const clear = element('button', 'link-button danger', t('access.passcode.clear'));
  clear.type = 'button';
  clear.dataset.testid = 'access-passcode-clear';
  const row = element('div', 'access-passcode-row');
  row.append(input, save);
  form.append(label, row, error);
  passcode.append(passcodeTitle, passcodeState, form, clear);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = passcodeProblem(input.value);
    error.hidden = !problem;
    error.textContent = problem ? t(problem) : '';
    input.setAttribute('aria-invalid', String(Boolean(problem)));
    if (problem) {
      input.setAttribute('aria-describedby', error.id);
      input.focus();
      return;
    }
    input.removeAttribute('aria-describedby');
    room.connection.send(setPasscode(room.ids, input.value));
    input.value = '';
    toast(t('access.passcode.saved'));
  });
  clear.addEventListener('click', () => {
    room.connection.send(setPasscode(room.ids, null));
    toast(t('access.passcode.cleared'));
    input.focus();
  });

  const help = element('p', 'help', t('access.peopleHelp'));
  body.append(lock, passcode, help);

  const draw = () => {
    if (!room.isFacilitator()) {
      dialog.close(); // handed over meanwhile: these are no longer this person's controls
      return;
    }
    const { locked, passcodeRequired } = room.engine.arrangement();
    lockState.textContent = t(locked ? 'access.lock.closed' : 'access.lock.open');
    lockState.dataset.locked = String(locked);
    lockButton.textContent = t(locked ? 'access.lock.unlock' : 'access.lock.lock');
    lockButton.className = locked ? '' : 'primary';
    passcodeState.textContent = t(passcodeRequired ? 'access.passcode.required' : 'access.passcode.none');
    passcodeState.dataset.required = String(passcodeRequired);
    clear.hidden = !passcodeRequired;
  };
  dialog.onClosed = room.engine.subscribe(draw);
  draw();
  dialog.showModal();
  lockButton.focus();
}

/** The invitation link as a QR code (RO7) and as text, to scan or to type. */
export function openQrDialog(room, returnFocusTo) {
  const { dialog, body } = frame('qr-dialog', t('access.qr.title'), returnFocusTo);
  const url = joinUrlOf(room.workshop);
  const image = element('img', 'qr-image');
  image.dataset.testid = 'qr-image';
  image.alt = t('access.qr.alt', { link: shortLink(url) });
  image.width = 264;
  image.height = 264;
  const failed = element('p', 'form-error', t('access.qr.failed'));
  failed.hidden = true;
  image.addEventListener('error', () => {
    image.hidden = true;
    failed.hidden = false;
  });
  image.src = qrCodeUrl(room.workshop.id);
  const help = element('p', 'help', t('access.qr.help'));
  const link = element('a', 'qr-link', shortLink(url));
  link.href = url;
  link.dataset.testid = 'qr-link';
  link.target = '_blank';
  link.rel = 'noopener';
  const copy = element('button', '', t('access.qr.copy'));
  copy.type = 'button';
  copy.dataset.testid = 'qr-copy';
  copy.addEventListener('click', () => copyLink(link, { done: t('copy.done'), failed: t('copy.failed') }));
  const projector = element('p', 'help', t('access.qr.projector'));
  const linkRow = element('p', 'qr-link-row');
  linkRow.append(link, copy);
  body.append(image, failed, help, linkRow, projector);
  dialog.showModal();
  copy.focus();
}
