// A newcomer refused at the door, and a person the facilitator removed (RO3 to RO5): instead of an
// empty room under a banner, the join gate comes back with what happened and what to do. A
// passcode is asked there (RO4): typed, it goes with the next hello (identity.passcode, this page
// only) and the socket tries again at once (connection.resume); a wrong one is said to be wrong. A
// locked workshop (RO3) and a removal (RO5) are final for this socket: no retry loop, a removal
// says so again after a reload (the token keeps being refused), and a locked door can be tried
// again by hand once the facilitator unlocks it.

import { passcodeProblem, passcodeRefusal } from './access-rules.js';
import { onLanguageChange, t } from './i18n.js';

const REFUSALS = new Set(['passcode', 'locked', 'removed']);

export function mountAccessGate(room) {
  const { connection } = room;
  let card = null;
  const show = () => {
    card?.remove();
    card = REFUSALS.has(connection.failure) ? gateCard(room, connection.failure, connection.failureReason) : null;
  };
  connection.onState(({ failure }) => {
    if (REFUSALS.has(failure)) show();
  });
  onLanguageChange(() => {
    if (card?.isConnected) show();
  });
}

/** Shows the gate in the room's place with one card saying why, and returns the card. */
function gateCard(room, failure, reason) {
  const $ = (id) => document.getElementById(id);
  const gate = $('gate');
  for (const section of gate.children) section.hidden = true;
  $('room').hidden = true;
  gate.hidden = false;
  document.body.classList.add('access-refused'); // the failure banner would say it twice

  const card = document.createElement('section');
  card.className = 'card access-gate';
  card.dataset.testid = 'access-gate';
  card.dataset.failure = failure;
  const heading = document.createElement('h1');
  heading.tabIndex = -1; // the focus lands here, so a screen reader reads what happened
  const title = document.createElement('p');
  title.className = 'lead';
  title.textContent = room.workshop.title;
  card.append(heading, title);
  gate.append(card);

  if (failure === 'passcode') {
    heading.textContent = t('access.gate.passcodeTitle');
    passcodeForm(room, card, passcodeRefusal(reason) === 'wrong');
    return card;
  }
  heading.textContent = t(failure === 'locked' ? 'access.gate.lockedTitle' : 'access.gate.removedTitle');
  const text = document.createElement('p');
  text.dataset.testid = 'access-gate-text';
  text.textContent = t(`failure.${failure}`);
  card.append(text);
  if (failure === 'removed') {
    const notes = document.createElement('p');
    notes.className = 'help';
    notes.textContent = t('access.gate.removedNotes');
    card.append(notes);
  } else {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'primary';
    retry.dataset.testid = 'access-gate-retry';
    retry.textContent = t('access.gate.retry');
    retry.addEventListener('click', () => location.reload());
    card.append(retry);
  }
  heading.focus();
  return card;
}

function passcodeForm(room, card, wrong) {
  const text = document.createElement('p');
  text.textContent = t('access.gate.passcodeText');
  const form = document.createElement('form');
  form.noValidate = true;
  const label = document.createElement('label');
  label.htmlFor = 'access-passcode-input';
  label.textContent = t('access.gate.passcodeLabel');
  const input = document.createElement('input');
  Object.assign(input, { id: 'access-passcode-input', type: 'text', autocomplete: 'off', spellcheck: false, maxLength: 60 });
  input.dataset.testid = 'passcode-input';
  const error = document.createElement('p');
  error.id = 'access-passcode-error';
  error.className = 'form-error';
  error.dataset.testid = 'passcode-error';
  error.setAttribute('role', 'alert');
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'primary';
  submit.dataset.testid = 'passcode-submit';
  submit.textContent = t('access.gate.passcodeSubmit');
  form.append(label, input, error, submit);
  card.append(text, form);

  const showError = (message) => {
    error.hidden = !message;
    error.textContent = message ?? '';
    input.setAttribute('aria-invalid', String(Boolean(message)));
    if (message) input.setAttribute('aria-describedby', error.id);
    else input.removeAttribute('aria-describedby');
  };
  showError(wrong ? t('access.gate.passcodeWrong') : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = passcodeProblem(input.value);
    if (problem) {
      // Shorter than any passcode can be: wrong for sure, without asking the server.
      showError(t('access.gate.passcodeWrong'));
      input.focus();
      return;
    }
    room.connection.identity.choosePasscode(input.value);
    card.remove();
    document.body.classList.remove('access-refused');
    document.getElementById('gate').hidden = true;
    document.getElementById('room').hidden = false;
    room.connection.resume();
  });
  input.focus();
}
