// The facilitator's group tools in the people list (CV4): a compact select per person naming the
// canvas of their group, and "Spread people", which places the online participants round robin
// over the group canvases. Others see no select: only the facilitator's socket may assign.

import { t } from './i18n.js';
import { assignGroup } from './protocol.js';
import { groupCanvases, spreadRoundRobin, spreadableCount } from './canvas-plan.js';
import { toast } from './toasts.js';

export function mountGroupTools(room) {
  const selects = new WeakMap(); // the person's tool container -> its select
  let optionsKey = null; // what the options show now: canvas ids and names, and the language

  const spread = document.createElement('button');
  spread.type = 'button';
  spread.className = 'spread-button';
  spread.dataset.testid = 'spread-groups';
  spread.hidden = true;
  spread.addEventListener('click', () => spreadPeople(room));
  const people = room.presence.list.closest('.people') ?? room.presence.list.parentElement;
  room.presence.list.before(spread);

  room.presence.addPersonTool((person, container) => {
    if (!room.isFacilitator()) {
      selects.get(container)?.remove();
      selects.delete(container);
      return;
    }
    let select = selects.get(container);
    if (!select) {
      select = document.createElement('select');
      select.className = 'group-select';
      select.dataset.testid = 'group-select';
      select.addEventListener('change', () => {
        room.connection.send(assignGroup(room.ids, person.id, select.value || null));
      });
      selects.set(container, select);
      container.append(select);
    }
    const { canvases } = room.engine.arrangement();
    if (select.dataset.optionsKey !== optionsKey) {
      select.replaceChildren(option('', t('canvases.noGroup')), ...[...canvases.values()].map((c) => option(c.id, c.name)));
      select.dataset.optionsKey = optionsKey;
    }
    select.setAttribute('aria-label', t('canvases.groupOf', { name: person.name }));
    select.title = select.getAttribute('aria-label');
    const value = room.engine.groupOf(person.id) ?? '';
    if (select.value !== value) select.value = value;
  });

  /** Called on every frame that changes something: the options change only when the canvases do. */
  let facilitatorShown = false;
  return function update(language) {
    const { canvases } = room.engine.arrangement();
    const key = `${language}|${[...canvases.values()].map((c) => `${c.id}=${c.name}`).join('|')}`;
    const facilitator = room.isFacilitator();
    if (key !== optionsKey || facilitator !== facilitatorShown) {
      optionsKey = key;
      facilitatorShown = facilitator;
      room.presence.render(); // The list may have been drawn before this frame's canvases.
    }
    spread.hidden = !room.isFacilitator();
    spread.textContent = t('canvases.spread');
    spread.title = t('canvases.spreadHelp');
    people.classList.toggle('with-group-tools', room.isFacilitator());
  };
}

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

/** Round robin over the canvases other than main (or main alone), facilitator left out. */
function spreadPeople(room) {
  const { engine } = room;
  const { canvases, groups } = engine.arrangement();
  const targets = groupCanvases(canvases);
  const participants = engine.participantList();
  const count = spreadableCount(participants, room.selfId());
  if (count === 0) {
    toast(t('canvases.spreadNobody'));
    return;
  }
  const moves = spreadRoundRobin(participants, targets, { facilitatorId: room.selfId(), groups });
  for (const [participantId, canvasId] of moves) room.connection.send(assignGroup(room.ids, participantId, canvasId));
  toast(t('canvases.spreadDone', { count, canvases: targets.length }));
}
