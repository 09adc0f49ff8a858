// #canvas-bar: the live canvases as a tablist (the person's own group canvas marked, CV4), and
// the canvas tools: print for everyone; overview, new canvases, rename and delete for the
// facilitator. Tabs are kept and updated in place, so the focus stays where it is while the
// workshop changes around it. Arrow keys, Home and End move between tabs (automatic activation).
// On a phone the tools fold into a "⋯" menu beside the tabs, so that the bar stays one line.

import { t } from './i18n.js';
import { MenuButton } from './menu-button.js';

export class CanvasBar {
  /**
   * @param {{element: HTMLElement, onSelect: (canvasId: string) => void,
   *   actions: {overview: Function, create: Function, rename: Function, remove: Function, print: Function}}} options
   */
  constructor({ element, onSelect, actions }) {
    this.element = element;
    this.onSelect = onSelect;
    this.tabs = new Map(); // canvasId -> tab button
    this.tabMarks = []; // other features' marks on the tabs: see addTabMarks
    this.list = document.createElement('div');
    this.list.className = 'canvas-tabs';
    this.list.dataset.testid = 'canvas-tabs';
    this.list.setAttribute('role', 'tablist');
    this.list.addEventListener('keydown', (event) => this.keyDown(event));
    this.tools = document.createElement('div');
    this.tools.className = 'canvas-tools';
    this.buttons = {
      overview: this.tool('overview', 'canvases.overview', actions.overview, true),
      create: this.tool('new-canvases', 'canvases.new', actions.create, true),
      rename: this.tool('rename-canvas', 'canvases.rename', actions.rename, true),
      remove: this.tool('delete-canvas', 'canvases.delete', actions.remove, true),
      print: this.tool('print-canvas', 'canvases.print', actions.print, false),
    };
    this.buttons.remove.classList.add('danger');
    this.tools.id = 'canvas-tools';
    const toolsMenu = document.createElement('div');
    toolsMenu.className = 'canvas-tools-menu';
    const menuButton = document.createElement('button');
    menuButton.type = 'button';
    menuButton.className = 'canvas-tools-button';
    menuButton.id = 'canvas-tools-button';
    menuButton.dataset.testid = 'canvas-tools-menu';
    menuButton.setAttribute('aria-controls', this.tools.id);
    const dots = document.createElement('span');
    dots.setAttribute('aria-hidden', 'true');
    dots.textContent = '⋯';
    menuButton.append(dots);
    toolsMenu.append(menuButton, this.tools);
    this.menu = new MenuButton({ root: toolsMenu, button: menuButton, list: this.tools });
    for (const button of Object.values(this.buttons)) this.menu.forwardFocus(button, () => this.menu.enabled);
    this.element.replaceChildren(this.list, toolsMenu);
    this.narrow = window.matchMedia('(max-width: 720px)');
    this.narrow.addEventListener('change', () => this.fold(this.narrow.matches));
    this.fold(this.narrow.matches);
  }

  /** Folded, the tools are a menu behind the "⋯" button; unfolded, a row of buttons. */
  fold(folded) {
    this.menu.close({ returnFocus: false });
    this.menu.enabled = folded;
    this.menu.button.hidden = !folded;
    this.tools.hidden = folded;
    if (folded) {
      this.tools.setAttribute('role', 'menu');
      this.tools.setAttribute('aria-labelledby', this.menu.button.id);
    } else {
      this.tools.removeAttribute('role');
      this.tools.removeAttribute('aria-labelledby');
    }
    for (const button of Object.values(this.buttons)) {
      if (folded) {
        // The overview is on or off: in a menu, a checkbox item says so (aria-checked).
        button.setAttribute('role', button === this.buttons.overview ? 'menuitemcheckbox' : 'menuitem');
        button.tabIndex = -1;
      } else {
        button.removeAttribute('role');
        button.removeAttribute('tabindex');
      }
    }
    this.markOverview();
  }

  /** The overview's on or off: a pressed button in the row, a checked item in the menu. */
  markOverview() {
    const [own, other] = this.menu.enabled ? ['aria-checked', 'aria-pressed'] : ['aria-pressed', 'aria-checked'];
    this.buttons.overview.setAttribute(own, String(Boolean(this.overviewOpen)));
    this.buttons.overview.removeAttribute(other);
  }

  /**
   * A tool another feature adds (follow and summon: "Rassembler ici", the canvas lock: LK1), before
   * the built-in ones and after the tools added earlier; its text (and `titleKey`'s title) follow
   * the language, and the feature may change its `data-key` as its state changes.
   */
  addTool({ name, testid, key, titleKey = null, action, facilitatorOnly }) {
    const button = this.tool(testid, key, action, facilitatorOnly);
    if (titleKey) button.dataset.titleKey = titleKey;
    this.tools.insertBefore(button, this.buttons.overview);
    this.buttons[name] = button;
    this.menu.forwardFocus(button, () => this.menu.enabled);
    this.fold(this.menu.enabled);
    return button;
  }

  /**
   * Marks another feature puts on each tab (private writing's lock, PW1): `marksOf(canvasId)`
   * returns `[{key, build}]`; a tab's marks are built again only when their keys change.
   */
  addTabMarks(marksOf) {
    this.tabMarks.push(marksOf);
  }

  tool(testid, key, action, facilitatorOnly) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button canvas-tool';
    button.dataset.testid = testid;
    button.dataset.key = key;
    if (facilitatorOnly) button.dataset.facilitatorOnly = 'true';
    button.addEventListener('click', () => action());
    this.tools.append(button);
    return button;
  }

  /** @param {{canvases: Map, currentId: string|null, groupId: string|null, facilitator: boolean, overviewOpen: boolean}} state */
  render({ canvases, currentId, groupId, facilitator, overviewOpen }) {
    this.element.hidden = canvases.size === 0;
    this.element.setAttribute('aria-label', t('canvases.bar'));
    this.list.setAttribute('aria-label', t('canvases.tabs'));
    this.menu.button.setAttribute('aria-label', t('layout.canvasTools'));
    this.menu.button.title = t('layout.canvasTools');
    let index = 0;
    for (const canvas of canvases.values()) {
      const tab = this.tabs.get(canvas.id) ?? this.tab(canvas.id);
      this.updateTab(tab, canvas, canvas.id === currentId, canvas.id === groupId);
      if (this.list.children[index] !== tab) this.list.insertBefore(tab, this.list.children[index] ?? null);
      index++;
    }
    for (const [id, tab] of this.tabs) {
      if (!canvases.has(id)) {
        const hadFocus = tab === document.activeElement;
        tab.remove();
        this.tabs.delete(id);
        if (hadFocus) this.tabs.get(currentId)?.focus();
      }
    }
    for (const button of Object.values(this.buttons)) {
      button.hidden = button.dataset.facilitatorOnly === 'true' && !facilitator;
      const text = t(button.dataset.key);
      if (button.textContent !== text) button.textContent = text;
      if (button.dataset.titleKey) button.title = t(button.dataset.titleKey);
    }
    this.overviewOpen = overviewOpen;
    this.markOverview();
    // CV3: the last canvas cannot be deleted; the button says why instead of failing.
    const last = canvases.size <= 1;
    this.buttons.remove.disabled = last;
    this.buttons.remove.title = last ? t('canvases.deleteLast') : '';
    this.buttons.rename.disabled = !currentId;
  }

  tab(canvasId) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'canvas-tab';
    tab.dataset.testid = 'canvas-tab';
    tab.dataset.canvasId = canvasId;
    tab.setAttribute('role', 'tab');
    const name = document.createElement('span');
    name.className = 'canvas-tab-name';
    const mark = document.createElement('span');
    mark.className = 'own-group-mark';
    mark.dataset.testid = 'own-group-mark';
    const marks = document.createElement('span');
    marks.className = 'canvas-tab-marks';
    tab.append(name, mark, marks);
    tab.addEventListener('click', () => this.onSelect(canvasId));
    this.tabs.set(canvasId, tab);
    return tab;
  }

  updateTab(tab, canvas, selected, ownGroup) {
    const [name, mark, marks] = tab.children;
    if (name.textContent !== canvas.name) name.textContent = canvas.name;
    mark.hidden = !ownGroup;
    mark.textContent = ownGroup ? t('canvases.ownGroup') : '';
    const added = this.tabMarks.flatMap((marksOf) => marksOf(canvas.id));
    const keys = added.map((one) => one.key).join(' ');
    if (marks.dataset.keys !== keys) {
      marks.dataset.keys = keys;
      marks.replaceChildren(...added.map((one) => one.build()));
    }
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1; // Roving focus: Tab enters the list on the current canvas.
    tab.classList.toggle('own-group', ownGroup);
  }

  keyDown(event) {
    const tabs = [...this.list.children];
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    next.focus();
    this.onSelect(next.dataset.canvasId);
  }

  /** The tab of the current canvas, to give it the focus after a jump from the overview. */
  focusCurrent() {
    this.list.querySelector('[aria-selected=true]')?.focus();
  }
}
