// Dragging a row of a list into another place with pointer events, so that a mouse, a pen and a
// finger all work (the handle has touch-action: none). The row follows the pointer; the row it
// would land before or after is marked; on release `onDrop(from, to)` is called with the indexes.
// Where a row lands is dropIndex's decision (round-order.js), tested without a DOM. The keyboard
// has its own way to move rows (Alt+↑/↓ and the arrow buttons): this is only the pointer's.

import { dropIndex } from './round-order.js';

export class RowDrag {
  /** @param {{list: Element, onDrop: function(number, number): void}} options */
  constructor({ list, onDrop }) {
    this.list = list;
    this.onDrop = onDrop;
    this.drag = null;
  }

  /** Whether a row is being dragged now: the list should not be redrawn under the pointer. */
  get active() {
    return this.drag !== null;
  }

  /** Makes `handle` start dragging `row` (a child of the list). */
  attach(handle, row) {
    handle.addEventListener('pointerdown', (event) => this.start(event, handle, row));
  }

  start(event, handle, row) {
    if (event.button !== 0 || this.drag) return;
    const rows = [...this.list.children];
    const from = rows.indexOf(row);
    if (from < 0) return;
    event.preventDefault();
    const middles = rows.map((each) => {
      const box = each.getBoundingClientRect();
      return box.top + box.height / 2;
    });
    handle.setPointerCapture(event.pointerId);
    this.drag = { row, rows, from, to: from, middles, startY: event.clientY, pointerId: event.pointerId };
    row.classList.add('dragging');
    const move = (e) => this.move(e);
    const end = (e) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      this.end(e.type === 'pointerup');
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }

  move(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dy = event.clientY - drag.startY;
    drag.row.style.transform = `translateY(${dy}px)`;
    drag.to = dropIndex(drag.middles, drag.from, drag.middles[drag.from] + dy);
    drag.rows.forEach((row, i) => {
      row.classList.toggle('drop-before', i !== drag.from && drag.to < drag.from && i === drag.to);
      row.classList.toggle('drop-after', i !== drag.from && drag.to > drag.from && i === drag.to);
    });
  }

  end(dropped) {
    const drag = this.drag;
    if (!drag) return;
    this.drag = null;
    drag.row.style.transform = '';
    drag.row.classList.remove('dragging');
    for (const row of drag.rows) row.classList.remove('drop-before', 'drop-after');
    this.onDrop(drag.from, dropped ? drag.to : drag.from);
  }
}
