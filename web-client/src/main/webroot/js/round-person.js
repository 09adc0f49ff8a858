// How the round table's views name a person: their colour dot, their name (with "(you)" for this
// tab's own person), and the markers that matter while people take turns: offline, remote. Shared
// by the turn card, the speaking-order editor, the raised hands and the summary.

import { t } from './i18n.js';

/**
 * Fills `host` with a person's dot, name and markers, as text (never HTML); returns the name.
 * @param {?{name: string, color: string, online: boolean}} person undefined for someone unknown
 * @param {{self?: boolean, remote?: boolean}} marks
 */
export function drawPerson(host, person, { self = false, remote = false } = {}) {
  const dot = make('span', 'person-dot');
  dot.setAttribute('aria-hidden', 'true');
  if (person?.color) dot.style.setProperty('--person-color', person.color);
  const name = make('span', 'round-person-name');
  const shown = personName(person);
  name.textContent = self ? `${shown} ${t('people.you')}` : shown;
  const main = make('span', 'round-person-main'); // the dot stays beside the name as it wraps
  main.append(dot, name);
  const parts = [main];
  if (remote) parts.push(marker('round-person-remote', t('round.person.remote')));
  if (person && !person.online) parts.push(marker('round-person-offline', t('round.person.offline')));
  host.classList.add('round-person');
  host.classList.toggle('offline', Boolean(person && !person.online));
  host.replaceChildren(...parts);
  return shown;
}

/** The name to say for a participant id, or "someone" when they are not known here. */
export function personName(person) {
  return person?.name ?? t('round.person.someone');
}

function marker(className, text) {
  const span = make('span', `round-person-marker ${className}`);
  span.textContent = text;
  return span;
}

function make(tag, className) {
  const element = document.createElement(tag);
  element.className = className;
  return element;
}
