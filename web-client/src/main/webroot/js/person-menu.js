// Roles in the people list (RO1, RO5): everyone sees who facilitates and who observes (a badge
// beside the name); a facilitator gets a small menu per person to give the facilitation, hand it
// over, make someone an observer or a participant again, or remove them from the workshop. The
// menu follows the ARIA menu button pattern (menu-button.js: Enter, Space or arrows open it,
// arrows move, Escape closes). It floats above the list, which scrolls, so it is placed in the
// viewport beside its button each time it opens.

import {
  ACCESS_BADGES,
  ACCESS_OF_ACTION,
  PERSON_ACTIONS,
  accessOf,
  facilitatorCount,
  handOverChanges,
  personActions,
} from './access-rules.js';
import { askToConfirm } from './confirm-dialog.js';
import { t } from './i18n.js';
import { MenuButton } from './menu-button.js';
import { removeParticipant, setAccess } from './protocol.js';
import { toast } from './toasts.js';

const BADGE_LABELS = { facilitator: 'access.badge.facilitatorLabel', observer: 'access.badge.observerLabel' };
const ACTION_LABELS = {
  makeFacilitator: 'access.menu.makeFacilitator',
  handOver: 'access.menu.handOver',
  makeParticipant: 'access.menu.makeParticipant',
  makeObserver: 'access.menu.makeObserver',
  remove: 'access.menu.remove',
};
const DONE = {
  facilitator: 'access.done.facilitator',
  participant: 'access.done.participant',
  observer: 'access.done.observer',
};

/** A menu button whose list is placed in the viewport, under its button (or above, near the bottom). */
class FloatingMenu extends MenuButton {
  static opened = new Set();

  static closeAll() {
    for (const menu of FloatingMenu.opened) menu.close({ returnFocus: false });
  }

  open(index = 0) {
    FloatingMenu.opened.add(this);
    const box = this.button.getBoundingClientRect();
    const style = this.list.style;
    style.right = `${Math.max(8, Math.round(window.innerWidth - box.right))}px`;
    style.top = `${Math.round(box.bottom + 4)}px`;
    style.bottom = '';
    super.open(index);
    if (this.list.getBoundingClientRect().bottom > window.innerHeight - 8) {
      style.top = '';
      style.bottom = `${Math.round(window.innerHeight - box.top + 4)}px`;
    }
  }
}

export function mountPersonMenu(room) {
  const parts = new WeakMap(); // a person's tool container -> {badge, menu}
  // A list that scrolls would leave the floating menu behind: it closes instead.
  room.presence.list.closest('.people')?.addEventListener('scroll', () => FloatingMenu.closeAll(), true);

  room.presence.addPersonTool((person, container) => {
    let part = parts.get(container);
    if (!part) {
      part = personParts(room, person);
      parts.set(container, part);
      container.prepend(part.badge);
      container.append(part.root);
    }
    part.person = person;
    const arrangement = room.engine.arrangement();
    const access = accessOf(arrangement, person.id);
    drawBadge(part.badge, access, person.name);

    const actions = room.isFacilitator()
      ? personActions({
          access,
          isSelf: person.id === room.selfId(),
          facilitators: facilitatorCount(arrangement, room.engine.participantList()),
        })
      : [];
    if (actions.length === 0 && part.menu.isOpen) part.menu.close({ returnFocus: false });
    part.root.hidden = actions.length === 0;
    for (const item of part.items) {
      item.hidden = !actions.includes(item.dataset.action);
      setText(item, t(ACTION_LABELS[item.dataset.action]));
    }
    const label = t('access.menu.button', { name: person.name });
    if (part.button.getAttribute('aria-label') !== label) {
      part.button.setAttribute('aria-label', label);
      part.button.title = label;
    }
    // Other features add their tools to the same row (the attendance chip, the group select): the
    // badge stays first, next to the name, and the menu last.
    if (container.firstElementChild !== part.badge) container.prepend(part.badge);
    if (container.lastElementChild !== part.root && !part.root.contains(document.activeElement)) {
      container.append(part.root);
    }
  });
}

function drawBadge(badge, access, name) {
  const key = ACCESS_BADGES[access];
  badge.hidden = !key;
  badge.dataset.access = access;
  if (!key) return;
  setText(badge, t(key));
  const label = t(BADGE_LABELS[access], { name });
  if (badge.title !== label) badge.title = label;
}

/** The badge and the menu of one person, made once and kept while the person is listed. */
function personParts(room, person) {
  const badge = document.createElement('span');
  badge.className = 'access-badge';
  badge.dataset.testid = 'access-badge';
  badge.hidden = true;

  const root = document.createElement('span');
  root.className = 'person-menu';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'person-menu-button';
  button.dataset.testid = 'person-menu';
  button.id = `person-menu-${person.id}`;
  button.setAttribute('aria-controls', `person-menu-list-${person.id}`);
  button.textContent = '▾';
  const list = document.createElement('div');
  list.className = 'person-menu-list';
  list.id = `person-menu-list-${person.id}`;
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-labelledby', button.id);
  list.hidden = true;
  const part = { badge, root, button, person, items: [] };
  for (const action of PERSON_ACTIONS) {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.dataset.testid = `person-${action}`;
    item.dataset.action = action;
    if (action === 'remove') item.classList.add('danger');
    item.addEventListener('click', () => act(room, action, part.person, button));
    list.append(item);
    part.items.push(item);
  }
  root.append(button, list);
  part.menu = new FloatingMenu({ root, button, list, onClose: () => FloatingMenu.opened.delete(part.menu) });
  return part;
}

/** One chosen action; a hand-over and a removal are asked about first. */
async function act(room, action, person, button) {
  const { connection, ids } = room;
  if (ACCESS_OF_ACTION[action]) {
    const access = ACCESS_OF_ACTION[action];
    connection.send(setAccess(ids, person.id, access));
    toast(t(DONE[access], { name: person.name }));
    return;
  }
  if (action === 'handOver') {
    const sure = await askToConfirm({
      title: t('access.handOver.title', { name: person.name }),
      text: t('access.handOver.text', { name: person.name }),
      confirm: t('access.handOver.confirm'),
      testid: 'hand-over-dialog',
      returnFocusTo: button,
    });
    // RO1: the other person steers before this one steps down (last_facilitator otherwise).
    if (sure) for (const change of handOverChanges(ids, person.id, room.selfId())) connection.send(change);
    return;
  }
  const sure = await askToConfirm({
    title: t('access.remove.title', { name: person.name }),
    text: t('access.remove.text', { name: person.name }),
    confirm: t('access.remove.confirm'),
    danger: true,
    testid: 'remove-person-dialog',
    returnFocusTo: button,
  });
  if (!sure) return;
  connection.send(removeParticipant(ids, person.id));
  toast(t('access.done.removed', { name: person.name }));
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
