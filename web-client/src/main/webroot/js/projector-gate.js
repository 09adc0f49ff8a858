// HS9: a projector opened on another computer than the facilitator's, for a workshop with a
// passcode, asks for it here (the facilitator types it once, the room sees only dots), then the
// socket tries again at once. A locked workshop needs no form: the message says to open the view
// from the facilitator's browser, where the key or the token lets it in.

import { passcodeProblem, passcodeRefusal } from './access-rules.js';
import { onLanguageChange, t } from './i18n.js';

export function mountProjectorGate({ connection, identity, root = document.getElementById('projector-gate') }) {
  let wrong = false;
  const draw = () => {
    root.replaceChildren();
    root.hidden = connection.failure !== 'passcode' && connection.failure !== 'locked';
    if (root.hidden) return;
    if (connection.failure === 'locked') {
      root.append(paragraph(t('projector.gate.locked'), 'projector-gate-text'));
      return;
    }
    wrong = passcodeRefusal(connection.failureReason) === 'wrong';
    root.append(passcodeForm());
  };

  const passcodeForm = () => {
    const form = document.createElement('form');
    form.noValidate = true;
    form.className = 'projector-gate-form';
    const label = document.createElement('label');
    label.htmlFor = 'projector-passcode';
    label.textContent = t('projector.gate.passcodeLabel');
    const input = document.createElement('input');
    // A password field: the passcode is typed in front of the room, whose screen shows it.
    Object.assign(input, { id: 'projector-passcode', type: 'password', autocomplete: 'off', maxLength: 60 });
    input.dataset.testid = 'projector-passcode';
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.className = 'projector-button';
    submit.dataset.testid = 'projector-passcode-submit';
    submit.textContent = t('access.gate.passcodeSubmit');
    const error = paragraph(wrong ? t('access.gate.passcodeWrong') : '', 'projector-passcode-error');
    error.id = 'projector-passcode-error';
    error.setAttribute('role', 'alert');
    error.hidden = !wrong;
    if (wrong) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
    }
    form.append(label, input, submit, error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (passcodeProblem(input.value)) {
        // Shorter or longer than any passcode can be: wrong for sure, without asking the server.
        error.textContent = t('access.gate.passcodeWrong');
        error.hidden = false;
        input.focus();
        return;
      }
      identity.choosePasscode(input.value);
      root.hidden = true;
      connection.resume();
    });
    queueMicrotask(() => input.focus());
    return form;
  };

  connection.onState(({ failure }) => {
    if (failure === 'passcode' || failure === 'locked' || !root.hidden) draw();
  });
  onLanguageChange(() => {
    if (!root.hidden) draw();
  });
}

function paragraph(text, testid) {
  const p = document.createElement('p');
  p.dataset.testid = testid;
  p.textContent = text;
  return p;
}
