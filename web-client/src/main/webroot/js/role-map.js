// The role map (RM1): the model rejects binary roles, so every person shows in which pillars they
// contribute and how. A button in the top bar opens a dialog with the five pillars; each shows
// who contributes (live, for everyone) and this participant's own toggle and role text.

import { frameScheduler } from './frame-scheduler.js';
import { language, onLanguageChange, t } from './i18n.js';
import { PILLARS, LIMITS, setRole } from './protocol.js';
import { cleanRole, ownRoles, roleChange, roleSummary, roleTyped } from './role-summary.js';

/** A typed role is saved this long after the last keystroke, and at once on Enter or leaving. */
const SAVE_AFTER_MS = 800;

export function mountRoleMap(room) {
  return new RoleMap(room).mount(document.getElementById('header-tools'));
}

class RoleMap {
  constructor({ engine, connection, ids, selfId }) {
    Object.assign(this, { engine, connection, ids, selfId });
    this.views = new Map(); // pillar -> the elements of its card, and its draft
    this.renderSoon = frameScheduler(() => this.render());
  }

  mount(slot) {
    // On a phone the top bar is narrow: the button then shows a shorter word (CSS picks one).
    this.button = element('button', 'link-button role-map-toggle');
    this.button.type = 'button';
    this.button.append(element('span', 'role-map-toggle-long', 'rolemap.open'));
    this.button.append(element('span', 'role-map-toggle-short', 'rolemap.openShort'));
    this.button.dataset.i18nAttr = 'aria-label:rolemap.open';
    this.button.setAttribute('aria-label', t('rolemap.open'));
    this.button.dataset.testid = 'role-map-toggle';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.button.addEventListener('click', () => this.open());
    slot.append(this.button);
    this.dialog = this.buildDialog();
    document.body.append(this.dialog);
    this.engine.subscribe(() => this.scheduleRender());
    onLanguageChange(() => this.render()); // static texts carry data-i18n; the rest is drawn here
    return this;
  }

  open() {
    if (this.dialog.open) return;
    for (const view of this.views.values()) view.status.textContent = '';
    this.render();
    this.dialog.showModal();
  }

  buildDialog() {
    const dialog = document.createElement('dialog');
    dialog.className = 'role-map';
    dialog.dataset.testid = 'role-map';
    dialog.setAttribute('aria-labelledby', 'role-map-title');
    const head = element('header', 'role-map-head');
    const title = element('h2', 'role-map-title', 'rolemap.title');
    title.id = 'role-map-title';
    const close = element('button', 'icon-button role-map-close');
    close.type = 'button';
    close.textContent = '×';
    close.dataset.testid = 'role-map-close';
    close.dataset.i18nAttr = 'aria-label:rolemap.close,title:rolemap.close';
    close.setAttribute('aria-label', t('rolemap.close'));
    close.title = t('rolemap.close');
    close.addEventListener('click', () => dialog.close());
    head.append(title, close);
    this.emptyAll = element('p', 'role-map-empty', 'rolemap.emptyAll');
    this.emptyAll.dataset.testid = 'role-map-empty';
    const list = element('ol', 'role-pillars');
    for (const pillar of PILLARS) list.append(this.buildPillar(pillar));
    dialog.append(head, element('p', 'role-map-lead', 'rolemap.lead'), this.emptyAll, list);
    // Escape closes the dialog natively (cancel); however it closes, drafts are kept and the
    // focus goes back to the button that opened it.
    dialog.addEventListener('close', () => {
      for (const pillar of PILLARS) this.saveTyped(pillar);
      this.button.focus();
    });
    return dialog;
  }

  buildPillar(pillar) {
    const card = element('li', 'role-pillar');
    card.dataset.testid = 'role-pillar';
    card.dataset.pillar = pillar;
    const headingId = `role-pillar-${pillar}`;
    card.setAttribute('aria-labelledby', headingId);
    const head = element('div', 'role-pillar-head');
    const name = element('h3', 'role-pillar-name', `rolemap.pillar.${pillar}`);
    name.id = headingId;
    const count = element('span', 'role-count');
    count.dataset.testid = 'role-count';
    head.append(name, count);
    const about = element('p', 'role-about', `rolemap.about.${pillar}`);
    const markers = element('ul', 'role-markers');
    const empty = element('p', 'role-empty', 'rolemap.empty');
    empty.dataset.testid = 'role-empty';

    const mine = element('div', 'role-mine');
    const toggle = element('label', 'role-toggle');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    checkbox.dataset.testid = 'role-contribute';
    toggle.append(checkbox, element('span', '', 'rolemap.contribute'));
    const inputId = `role-input-${pillar}`;
    const label = element('label', 'role-input-label', 'rolemap.myRole');
    label.htmlFor = inputId;
    const input = document.createElement('input');
    input.type = 'text';
    input.id = inputId;
    input.className = 'role-input';
    input.maxLength = LIMITS.role;
    input.autocomplete = 'off';
    input.dataset.testid = 'role-input';
    input.dataset.i18nAttr = 'placeholder:rolemap.placeholder';
    input.placeholder = t('rolemap.placeholder');
    const status = element('p', 'role-status');
    status.dataset.testid = 'role-status';
    status.setAttribute('role', 'status');
    mine.append(toggle, label, input, status);
    card.append(head, about, markers, empty, mine);

    const view = { card, count, markers, empty, checkbox, input, status, dirty: false, timer: null };
    this.views.set(pillar, view);
    checkbox.addEventListener('change', () => this.toggled(pillar));
    input.addEventListener('input', () => {
      view.dirty = true;
      view.status.textContent = '';
      view.checkbox.checked = this.willContribute(pillar); // ticked as soon as a role is written
      clearTimeout(view.timer);
      view.timer = setTimeout(() => this.saveTyped(pillar), SAVE_AFTER_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.saveTyped(pillar);
    });
    input.addEventListener('blur', () => {
      this.saveTyped(pillar);
      this.render(); // a remote change held back while typing is shown now
    });
    return card;
  }

  /** The marker this participant has on a pillar now: its role text, or undefined. */
  currentRole(pillar) {
    return ownRoles(this.engine.arrangement().roles, this.selfId()).get(pillar);
  }

  /** Whether the pillar shows as ticked: a marker, or a draft that will place one when saved. */
  willContribute(pillar, current = this.currentRole(pillar)) {
    const view = this.views.get(pillar);
    return current !== undefined || (view.dirty && cleanRole(view.input.value).length > 0);
  }

  toggled(pillar) {
    const view = this.views.get(pillar);
    clearTimeout(view.timer);
    view.dirty = false; // the text goes with the marker, or stays in the field for next time
    const change = roleChange(this.currentRole(pillar), { checked: view.checkbox.checked, text: view.input.value });
    if (change) this.send(pillar, change.role, change.role === null ? 'rolemap.removed' : 'rolemap.placed');
  }

  saveTyped(pillar) {
    const view = this.views.get(pillar);
    clearTimeout(view.timer);
    if (!view.dirty) return;
    view.dirty = false;
    const current = this.currentRole(pillar);
    const change = roleTyped(current, view.input.value);
    if (change) this.send(pillar, change.role, current === undefined ? 'rolemap.placed' : 'rolemap.saved');
  }

  send(pillar, role, statusKey) {
    this.connection.send(setRole(this.ids, pillar, role));
    this.views.get(pillar).status.textContent = t(statusKey);
  }

  scheduleRender() {
    if (this.dialog.open) this.renderSoon();
  }

  render() {
    const selfId = this.selfId();
    const roles = this.engine.arrangement().roles;
    const summary = roleSummary(roles, this.engine.participantList(), { selfId, language: language() });
    const mine = ownRoles(roles, selfId);
    for (const { pillar, count, people } of summary) {
      const view = this.views.get(pillar);
      view.count.dataset.count = String(count);
      const countKey = count === 0 ? 'zero' : count === 1 ? 'one' : 'many';
      view.count.textContent = t(`rolemap.count.${countKey}`, { count });
      view.markers.setAttribute('aria-label', t('rolemap.markers', { pillar: t(`rolemap.pillar.${pillar}`) }));
      view.markers.replaceChildren(...people.map(markerChip));
      view.markers.hidden = count === 0;
      view.empty.hidden = count > 0;
      view.checkbox.checked = this.willContribute(pillar, mine.get(pillar));
      view.card.classList.toggle('contributing', view.checkbox.checked);
      // An edit being typed is never overwritten; without a marker the field keeps its text, so
      // that unticking and ticking again restores the role.
      if (mine.has(pillar) && !view.dirty && document.activeElement !== view.input) {
        view.input.value = mine.get(pillar);
      }
    }
    this.emptyAll.hidden = roles.size > 0;
  }
}

/** One person on a pillar: their colour, name and role text, always as text (never HTML). */
function markerChip(person) {
  const chip = element('li', `role-marker${person.online ? '' : ' offline'}${person.self ? ' self' : ''}`);
  chip.dataset.testid = 'role-marker';
  chip.dataset.participantId = person.id;
  if (person.color) chip.style.setProperty('--person-color', person.color);
  const dot = element('span', 'person-dot');
  dot.setAttribute('aria-hidden', 'true');
  const name = element('span', 'role-marker-name');
  name.dataset.testid = 'role-marker-name';
  const shown = person.name ?? t('rolemap.someone');
  name.textContent = person.self ? `${shown} ${t('people.you')}` : shown;
  chip.append(dot, name);
  if (!person.online) chip.append(element('span', 'role-marker-state', 'people.offline'));
  if (person.role) {
    const role = element('span', 'role-marker-role');
    role.dataset.testid = 'role-marker-role';
    role.textContent = person.role;
    chip.append(role);
  }
  return chip;
}

/** An element with a class and, when given, a translated text that follows the language. */
function element(tag, className, i18nKey) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (i18nKey) {
    node.dataset.i18n = i18nKey;
    node.textContent = t(i18nKey);
  }
  return node;
}
