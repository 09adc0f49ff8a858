// A menu behind a button (the top bar's "⋯", the canvas tools on a phone), used by mouse or
// keyboard as the ARIA menu button pattern has it: Enter, Space or Down opens it on its first
// item, Up on its last; Up, Down, Home and End move and wrap; Right opens an item's own menu
// (the export formats) and Left closes it again; Escape closes and gives the focus back to the
// button; Tab or a click elsewhere closes it. Choosing an item closes the menu; the focus goes
// back to the button, unless the item took it somewhere else (a dialog, a panel).

/**
 * Where the focus goes among `count` items after a key, from `index`; null when the key does
 * not move it.
 */
export function menuIndexAfter(key, index, count) {
  if (count === 0) return null;
  const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 };
  if (!(key in moves)) return null;
  return (moves[key] + count) % count;
}

const ITEM = '[role=menuitem], [role=menuitemcheckbox]';

export class MenuButton {
  /**
   * @param {{root: HTMLElement, button: HTMLElement, list: HTMLElement, onClose?: () => void}} parts
   *   `root` holds both the button and the list: a press outside it closes the menu.
   */
  constructor({ root, button, list, onClose = () => {} }) {
    Object.assign(this, { root, button, list, onClose });
    this.enabled = true; // false while the list shows as a plain row (the canvas tools on a laptop)
    button.setAttribute('aria-haspopup', 'menu');
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => (this.isOpen ? this.close({ returnFocus: false }) : this.open(0)));
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      this.open(event.key === 'ArrowDown' ? 0 : -1);
    });
    // Capture: the menu's own keys win over an item's (the export button opens its list on Down).
    list.addEventListener('keydown', (event) => this.enabled && this.moveKey(event), true);
    list.addEventListener('keydown', (event) => {
      if (!this.enabled) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.close({ returnFocus: true });
      } else if (event.key === 'Tab') {
        this.close({ returnFocus: false });
      }
    });
    list.addEventListener('click', (event) => this.enabled && this.chosen(event));
    document.addEventListener('pointerdown', (event) => {
      if (this.enabled && this.isOpen && !root.contains(event.target)) this.close({ returnFocus: false });
    });
  }

  /**
   * Features give the focus back to the control that opened them (a dialog as it closes, the
   * agenda panel); while `folded()` says that control is in this menu, closed, the menu's button
   * takes the focus instead of losing it to the page.
   */
  forwardFocus(control, folded) {
    const focus = HTMLElement.prototype.focus;
    const menu = this;
    control.focus = function focusOrMenu(options) {
      if (folded() && !menu.isOpen) menu.button.focus(options);
      else focus.call(this, options);
    };
  }

  get isOpen() {
    return !this.list.hidden;
  }

  /** The menu's own items, shown ones only, in order (an item's submenu items are not). */
  items() {
    return [...this.list.querySelectorAll(ITEM)].filter(
      (item) => item.closest('[role=menu]') === this.list && item.getClientRects().length > 0 && !item.disabled,
    );
  }

  open(index = 0) {
    this.list.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    const items = this.items();
    if (items.length > 0) items[(index + items.length) % items.length].focus();
  }

  close({ returnFocus }) {
    if (!this.isOpen) return;
    // An item's own menu left open would show again, open, next time.
    for (const opener of this.list.querySelectorAll('[aria-haspopup=menu][aria-expanded=true]')) opener.click();
    this.list.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.button.focus();
    this.onClose();
  }

  moveKey(event) {
    const active = document.activeElement;
    const items = this.items();
    const index = items.indexOf(active);
    if (index < 0) {
      // In an item's own menu: Left closes it and goes back to its item.
      const submenu = active?.closest('[role=menu]');
      const opener = submenu && submenu !== this.list ? this.list.querySelector(`[aria-controls="${submenu.id}"]`) : null;
      if (event.key === 'ArrowLeft' && opener) {
        stop(event);
        opener.click();
        opener.focus();
      }
      return;
    }
    if (event.key === 'ArrowRight' && active.getAttribute('aria-haspopup') === 'menu') {
      stop(event);
      active.click();
      return;
    }
    const next = menuIndexAfter(event.key, index, items.length);
    if (next === null) return;
    stop(event);
    items[next].focus();
  }

  /** An item was clicked (its own listener has run): the menu closes, unless it opened a submenu. */
  chosen(event) {
    const item = event.target.closest(ITEM);
    if (!item || item.getAttribute('aria-haspopup') === 'menu') return;
    if (item.disabled || item.getAttribute('aria-disabled') === 'true') return;
    const focusStayed = this.list.contains(document.activeElement) || document.activeElement === document.body;
    this.close({ returnFocus: focusStayed });
  }
}

function stop(event) {
  event.preventDefault();
  event.stopPropagation();
}
