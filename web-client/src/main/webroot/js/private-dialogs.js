// The facilitator's two dialogs of private writing: starting it on a canvas (PW1), with what it
// does said first, since every note of the others leaves the screens at once, the facilitator's
// too; and revealing it (PW2), with the choice to keep the authors anonymous, said to be final.
// Native <dialog> elements through canvas-dialogs.js: Escape closes, the focus goes back.

import { newDialog } from './canvas-dialogs.js';
import { t } from './i18n.js';
import { setCanvasPrivacy } from './protocol.js';

let counter = 0;

/** PW1: asks before starting private writing on the canvas, then proposes it. */
export function openStartDialog(room, canvas) {
  const dialog = newDialog('private-start-dialog', t('private.startTitle'));
  explain(dialog, t('private.startExplain', { name: canvas.name }));
  submitLabel(dialog, t('private.startConfirm'));
  dialog.onSubmit(() => {
    // Someone else may have started it meanwhile (several facilitators): nothing more to do.
    if (!room.engine.arrangement().privateCanvases.has(canvas.id)) {
      room.connection.send(setCanvasPrivacy(room.ids, canvas.id, true, false));
    }
    return null;
  });
  dialog.open(dialog.form.querySelector('[data-testid=dialog-submit]'));
}

/**
 * PW2: reveals the canvas's notes to everyone; "keep the authors anonymous" cannot be undone, so
 * it is off unless the canvas is anonymous already (then it stays so, and the box says it).
 */
export function openRevealDialog(room, canvas) {
  const dialog = newDialog('private-reveal-dialog', t('private.revealTitle', { name: canvas.name }));
  const already = room.engine.arrangement().anonymousCanvases.has(canvas.id);
  explain(dialog, t('private.revealExplain'));
  const id = `private-anonymous-${++counter}`;
  const label = document.createElement('label');
  label.className = 'private-anonymous';
  label.htmlFor = id;
  const box = document.createElement('input');
  Object.assign(box, { type: 'checkbox', id, checked: already, disabled: already });
  box.dataset.testid = 'reveal-anonymous';
  const words = document.createElement('span');
  words.textContent = t('private.anonymous');
  label.append(box, words);
  const help = document.createElement('p');
  help.className = 'help';
  help.id = `${id}-help`;
  help.textContent = t(already ? 'private.anonymousKept' : 'private.anonymousHelp');
  box.setAttribute('aria-describedby', help.id);
  dialog.form.insertBefore(label, dialog.error);
  dialog.form.insertBefore(help, dialog.error);
  submitLabel(dialog, t('private.revealConfirm'));
  dialog.onSubmit(() => {
    if (room.engine.arrangement().privateCanvases.has(canvas.id)) {
      room.connection.send(setCanvasPrivacy(room.ids, canvas.id, false, box.checked));
    }
    return null;
  });
  dialog.open(already ? dialog.form.querySelector('[data-testid=dialog-submit]') : box);
}

function explain(dialog, text) {
  const paragraph = document.createElement('p');
  paragraph.className = 'private-explain';
  paragraph.textContent = text;
  dialog.form.insertBefore(paragraph, dialog.error);
}

function submitLabel(dialog, text) {
  dialog.form.querySelector('[data-testid=dialog-submit]').textContent = text;
}
