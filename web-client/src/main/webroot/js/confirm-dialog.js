// A question before a change that cannot be taken back from the page (removing a person, handing
// over the facilitation): a native modal <dialog> that names the person and says what follows.
// Escape or Cancel says no; the focus starts on Cancel, so a hurried Enter changes nothing, and
// goes back to where it was once the dialog closes.

import { t } from './i18n.js';

let counter = 0;

/**
 * Resolves to true when the person confirms.
 * @param {{title: string, text: string, confirm: string, danger?: boolean, testid: string,
 *          returnFocusTo?: HTMLElement}} question `returnFocusTo`: where the focus goes after (the
 *   menu's button when a menu item asked), else where it was
 */
export function askToConfirm({ title, text, confirm, danger = false, testid, returnFocusTo = null }) {
  const dialog = document.createElement('dialog');
  dialog.className = 'canvas-dialog confirm-dialog';
  dialog.dataset.testid = testid;
  const heading = document.createElement('h2');
  heading.id = `confirm-dialog-title-${++counter}`;
  heading.textContent = title;
  const body = document.createElement('p');
  body.id = `confirm-dialog-text-${counter}`;
  body.textContent = text;
  dialog.setAttribute('aria-labelledby', heading.id);
  dialog.setAttribute('aria-describedby', body.id);
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.dataset.testid = 'confirm-cancel';
  cancel.textContent = t('access.cancel');
  const ok = document.createElement('button');
  ok.type = 'button';
  ok.className = danger ? 'primary danger-button' : 'primary';
  ok.dataset.testid = 'confirm-ok';
  ok.textContent = confirm;
  actions.append(cancel, ok);
  dialog.append(heading, body, actions);
  const opener = returnFocusTo ?? document.activeElement;
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer = false;
    ok.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    });
    dialog.showModal();
    cancel.focus();
  });
}
