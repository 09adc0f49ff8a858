// On a phone the people list would take the board's room: it folds into one line at the bottom,
// "People · 3 online", that opens it. Wider screens show the list beside the board and never
// this button (CSS hides it there).

import { onLanguageChange, t } from './i18n.js';

export function mountPeopleToggle(room) {
  const button = document.querySelector('[data-testid=people-toggle]');
  const aside = button.closest('.people');
  const count = button.querySelector('.people-count');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    aside.classList.toggle('open', open);
  });
  const render = () => {
    const online = room.engine.participantList().filter((person) => person.online).length;
    const text = t('layout.peopleOnline', { count: online });
    if (count.textContent !== text) count.textContent = text;
  };
  room.engine.subscribe(render);
  onLanguageChange(render);
  render();
}
