// The facilitator's speaking-order editor (RT1): the order as a list, each person with their
// colour, whether they are online or remote and where they stand in the round; the people present
// but outside the order below it, each with an "add" button. The order is built in order of
// arrival or shuffled (optionally remote people first), then dragged into place with a pointer
// (mouse, pen or finger), moved with Alt+↑/↓ or the arrow buttons, or trimmed. Every edit sends
// one set_speaking_order with the whole new order, which the engine draws at once (SY2).

import { t } from './i18n.js';
import { LIMITS, setSpeakingOrder } from './protocol.js';
import {
  addAllToOrder,
  addToOrder,
  arrivalOrder,
  moveInOrder,
  moveTo,
  outsideOrder,
  personStatus,
  remoteFirst,
  removeFromOrder,
  sameOrder,
  shuffleOrder,
} from './round-order.js';
import { drawPerson, personName } from './round-person.js';
import { RowDrag } from './row-drag.js';

const STATUS_KEYS = {
  speaking: 'round.order.speaking',
  spoke: 'round.order.spoke',
  passed: 'round.order.passed',
};

export class SpeakingOrderEditor {
  constructor(room) {
    this.room = room;
    this.state = null;
    this.rows = new Map(); // participant id -> {element, ...its parts}
    this.build();
  }

  build() {
    this.element = make('div', 'round-order-editor');
    const tools = make('div', 'round-order-tools');
    this.arrivalButton = this.button('round-order-arrival', '', () => this.buildByArrival());
    this.shuffleButton = this.button('round-order-shuffle', '', () => this.shuffle());
    const buttons = make('div', 'round-order-buttons');
    buttons.append(this.arrivalButton, this.shuffleButton);
    [this.remoteFirstLabel, this.remoteFirst] = checkbox('round-remote-first');
    [this.includeSelfLabel, this.includeSelf] = checkbox('round-include-self');
    this.includeSelf.addEventListener('change', () => this.refresh()); // "shuffle" may now have people to mix
    const options = make('div', 'round-order-options');
    options.append(this.remoteFirstLabel, this.includeSelfLabel);
    this.toolsHelp = make('p', 'help round-order-tools-help', 'round-order-tools-help');
    tools.append(buttons, options, this.toolsHelp);

    this.list = make('ol', 'round-order-list', 'round-order');
    this.list.id = 'round-order-list';
    this.drag = new RowDrag({ list: this.list, onDrop: (from, to) => this.dropped(from, to) });
    this.empty = make('p', 'round-order-empty', 'round-order-empty');
    this.moveHelp = make('p', 'help round-order-help');
    this.moveHelp.id = 'round-order-help';

    this.outside = make('div', 'round-outside', 'round-outside');
    this.outsideTitle = make('h4', 'round-outside-title');
    this.outsideList = make('ul', 'round-outside-list');
    this.addAllButton = this.button('round-outside-add-all', 'link-button', () => this.addAll());
    this.outside.append(this.outsideTitle, this.outsideList, this.addAllButton);

    this.announcer = make('p', 'visually-hidden');
    this.announcer.setAttribute('aria-live', 'polite');
    this.element.append(tools, this.list, this.empty, this.moveHelp, this.outside, this.announcer);
  }

  button(testid, className, action) {
    const made = make('button', className, testid);
    made.type = 'button';
    made.addEventListener('click', () => {
      if (made.getAttribute('aria-disabled') !== 'true') action();
    });
    return made;
  }

  order() {
    return this.room.engine.arrangement().roundTable.order;
  }

  /** RT1: one set_speaking_order with the whole new order, when it changed. */
  commit(next) {
    const order = this.order();
    if (sameOrder(order, next)) return false;
    this.room.connection.send(setSpeakingOrder(this.room.ids, next));
    return true;
  }

  buildByArrival() {
    const { participants, selfId, remote } = this.state;
    let next = arrivalOrder(participants, { selfId, includeSelf: this.includeSelf.checked });
    if (this.remoteFirst.checked) next = remoteFirst(next, remote);
    if (this.order().length > 0 && !sameOrder(this.order(), next)) {
      if (!window.confirm(t('round.order.replaceConfirm', { count: this.order().length }))) return;
    }
    this.commit(next);
    this.announce(t('round.order.built', { count: next.length }));
  }

  /** What "shuffle" mixes: the order as it stands, or the people present when it is empty. */
  shuffleBase() {
    const { roundTable, participants, selfId } = this.state;
    if (roundTable.order.length > 0) return roundTable.order;
    return arrivalOrder(participants, { selfId, includeSelf: this.includeSelf.checked });
  }

  shuffle() {
    const { roundTable, remote } = this.state;
    const next = shuffleOrder(this.shuffleBase(), roundTable, { remote, remoteFirstOn: this.remoteFirst.checked });
    this.commit(next);
    this.announce(t('round.order.shuffled'));
  }

  addAll() {
    const ids = outsideOrder(this.state.participants, this.order()).map((person) => person.id);
    this.commit(addAllToOrder(this.order(), ids));
    this.focusAfterChange(null);
  }

  add(id) {
    this.commit(addToOrder(this.order(), id));
    this.announce(t('round.order.added', { name: personName(this.state.people.get(id)) }));
    this.focusAfterChange(null);
  }

  remove(id) {
    const order = this.order();
    const at = order.indexOf(id);
    this.commit(removeFromOrder(order, id));
    this.announce(t('round.order.removed', { name: personName(this.state.people.get(id)) }));
    // The focus goes to the person who took the place, or the one before, or the list's tools.
    this.focusAfterChange(order[at + 1] ?? order[at - 1] ?? null);
  }

  move(id, delta) {
    const order = this.order();
    if (this.commit(moveInOrder(order, id, delta))) this.announceMove(id);
  }

  announceMove(id) {
    const place = this.order().indexOf(id) + 1;
    this.announce(t('round.order.moved', { name: personName(this.state.people.get(id)), place, count: this.order().length }));
  }

  announce(text) {
    this.announcer.textContent = text;
  }

  /** After a row left or arrived, the focus lands somewhere sensible rather than on the body. */
  focusAfterChange(id) {
    this.refresh();
    const row = id === null ? null : this.rows.get(id);
    if (row) row.removeButton.focus();
    else if (this.element.contains(document.activeElement) && document.activeElement.isConnected) return;
    else (this.outsideList.querySelector('button') ?? this.arrivalButton).focus();
  }

  /** @param state {roundTable, participants, people: Map, remote: Set, selfId} */
  render(state) {
    this.state = state;
    if (this.drag.active) return; // the rows stay put under the pointer; drawn again on the drop
    const { roundTable, participants, people, remote, selfId } = state;
    const running = roundTable.current !== null;
    this.arrivalButton.textContent = t('round.order.arrival');
    this.shuffleButton.textContent = t(running ? 'round.order.shuffleWaiting' : 'round.order.shuffle');
    this.arrivalButton.setAttribute('aria-disabled', String(running));
    this.arrivalButton.title = running ? t('round.order.arrivalRunning') : '';
    this.shuffleButton.setAttribute('aria-disabled', String(this.shuffleBase().length < 2));
    this.remoteFirstLabel.lastChild.textContent = t('round.order.remoteFirst');
    this.includeSelfLabel.lastChild.textContent = t('round.order.includeSelf');
    this.toolsHelp.textContent = t(running ? 'round.order.arrivalRunning' : 'round.order.toolsHelp');
    this.list.setAttribute('aria-label', t('round.order.listLabel'));
    this.moveHelp.textContent = t('round.order.moveHelp');
    this.moveHelp.hidden = roundTable.order.length < 2;
    this.empty.hidden = roundTable.order.length > 0;
    this.empty.textContent = t('round.order.empty');
    this.drawRows(roundTable, people, remote, selfId);
    this.drawOutside(outsideOrder(participants, roundTable.order), remote, selfId, roundTable.order.length);
  }

  drawRows(roundTable, people, remote, selfId) {
    const focused = this.list.contains(document.activeElement) ? document.activeElement : null;
    const { order } = roundTable;
    for (const [id, row] of this.rows) {
      if (!order.includes(id)) {
        row.element.remove();
        this.rows.delete(id);
      }
    }
    order.forEach((id, index) => {
      const row = this.rows.get(id) ?? this.row(id);
      const person = people.get(id);
      const name = drawPerson(row.who, person, { self: id === selfId, remote: remote.has(id) });
      row.number.textContent = String(index + 1);
      const status = personStatus(roundTable, id);
      row.element.dataset.status = status;
      row.status.hidden = !STATUS_KEYS[status];
      row.status.textContent = STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : '';
      row.up.setAttribute('aria-disabled', String(index === 0));
      row.down.setAttribute('aria-disabled', String(index === order.length - 1));
      row.up.setAttribute('aria-label', t('round.order.moveUp', { name }));
      row.down.setAttribute('aria-label', t('round.order.moveDown', { name }));
      row.up.title = row.up.getAttribute('aria-label');
      row.down.title = row.down.getAttribute('aria-label');
      row.removeButton.textContent = t('round.order.remove');
      row.removeButton.setAttribute('aria-label', t('round.order.removeLabel', { name }));
      if (this.list.children[index] !== row.element) this.list.insertBefore(row.element, this.list.children[index] ?? null);
    });
    // Moving a node in the document drops its focus: give it back where it was.
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  row(id) {
    const element = make('li', 'round-order-item', 'round-order-item');
    element.dataset.participantId = id;
    const handle = make('span', 'round-order-handle', 'round-order-handle');
    handle.textContent = '⠿';
    handle.setAttribute('aria-hidden', 'true');
    const number = make('span', 'round-order-number');
    const who = make('span', 'round-order-who');
    const status = make('span', 'round-order-status');
    const actions = make('span', 'round-order-actions');
    const up = this.button('round-order-up', 'icon-button', () => this.move(id, -1));
    up.textContent = '↑';
    const down = this.button('round-order-down', 'icon-button', () => this.move(id, 1));
    down.textContent = '↓';
    const removeButton = this.button('round-order-remove', 'link-button danger', () => this.remove(id));
    for (const control of [up, down, removeButton]) control.setAttribute('aria-describedby', 'round-order-help');
    actions.append(up, down, removeButton);
    element.append(handle, number, who, status, actions);
    element.addEventListener('keydown', (event) => {
      // Alt+↑/↓ moves the person from any of their row's buttons, as in the agenda editor.
      if (!event.altKey || !['ArrowUp', 'ArrowDown'].includes(event.key)) return;
      event.preventDefault();
      this.move(id, event.key === 'ArrowUp' ? -1 : 1);
    });
    this.drag.attach(handle, element);
    const row = { element, number, who, status, up, down, removeButton };
    this.rows.set(id, row);
    return row;
  }

  drawOutside(outside, remote, selfId, orderLength) {
    this.outside.hidden = outside.length === 0;
    this.outsideTitle.textContent = t('round.order.outsideTitle', { count: outside.length });
    const focusedId = this.outsideList.contains(document.activeElement)
      ? document.activeElement.closest('li')?.dataset.participantId
      : null;
    const full = orderLength >= LIMITS.speakingOrder;
    this.outsideList.replaceChildren(
      ...outside.map((person) => {
        const item = make('li', 'round-outside-item', 'round-outside-item');
        item.dataset.participantId = person.id;
        const who = make('span', 'round-outside-who');
        const name = drawPerson(who, person, { self: person.id === selfId, remote: remote.has(person.id) });
        const add = this.button('round-outside-add', 'link-button', () => this.add(person.id));
        add.textContent = t('round.order.add');
        add.setAttribute('aria-label', t('round.order.addLabel', { name }));
        add.setAttribute('aria-disabled', String(full));
        item.append(who, add);
        return item;
      }),
    );
    if (focusedId) this.outsideList.querySelector(`li[data-participant-id="${CSS.escape(focusedId)}"] button`)?.focus();
    this.addAllButton.hidden = outside.length < 2;
    this.addAllButton.textContent = t('round.order.addAll');
  }

  /** A row dragged from one place to another (the same place when the drag was let go or lost). */
  dropped(from, to) {
    const order = this.order();
    const id = this.list.children[from]?.dataset.participantId;
    if (id && to !== from && order.indexOf(id) === from && this.commit(moveTo(order, id, to))) this.announceMove(id);
    this.refresh();
  }

  /** Draws at once with the order just sent (the engine has it), not waiting for the next frame. */
  refresh() {
    if (this.state) this.render({ ...this.state, roundTable: this.room.engine.arrangement().roundTable });
  }
}

function checkbox(testid) {
  const label = make('label', 'round-check');
  const input = make('input', '', testid);
  input.type = 'checkbox';
  label.append(input, make('span'));
  return [label, input];
}

function make(tag, className = '', testid = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (testid) element.dataset.testid = testid;
  return element;
}
