// The agenda panel: the steps of the workshop for everyone (kind, title, planned minutes, the
// current one, the planned total and how late the room runs, AG4), and for the facilitator the
// controls that move the room along (AG2, AG3) and the editor of the agenda (AG1). The whole
// agenda is one set_agenda change, so every edit sends the whole list; what is being typed stays
// a draft until a pause in typing or the field is left, and is laid over the newest agenda then.

import { addStep, applyDrafts, formatPlannedMinutes, moveStep, neighbourStep, newStep, removeStep, sameSteps }
  from './agenda-edit.js';
import { mscWorkshopPreset } from './agenda-preset.js';
import { StepRow } from './agenda-step-row.js';
import { language, onLanguageChange, t } from './i18n.js';
import { goToStep, LIMITS, MessageTooLargeError, setAgenda, setRoaming, STEP_KINDS } from './protocol.js';
import { lateness, totalMinutes } from './schedule.js';
import { toast } from './toasts.js';

const SAVE_AFTER_MS = 600; // a pause in typing this long sends the drafts
const LATENESS_EVERY_MS = 10000;

export function mountAgendaPanel(room) {
  const panel = new AgendaPanel(room, document.getElementById('side-panel'), document.getElementById('header-tools'));
  room.engine.subscribe(() => panel.render());
  onLanguageChange(() => panel.render({ force: true }));
  panel.render();
  return panel;
}

class AgendaPanel {
  constructor(room, aside, tools) {
    this.room = room;
    this.aside = aside;
    this.rows = new Map(); // step id -> StepRow
    this.drafts = new Map(); // step id -> {field: value} typed and not sent yet
    this.saveTimer = null;
    this.latenessTimer = null;
    this.seen = null;
    this.build(aside, tools);
  }

  build(aside, tools) {
    this.toggle = make('button', 'link-button agenda-toggle', 'agenda-toggle');
    this.toggle.type = 'button';
    this.toggle.setAttribute('aria-controls', 'agenda-panel');
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.addEventListener('click', () => this.setOpen(this.element.hidden));
    tools.append(this.toggle);

    const panel = make('section', 'agenda-panel', 'agenda-panel');
    panel.id = 'agenda-panel';
    panel.hidden = true;
    panel.setAttribute('aria-labelledby', 'agenda-panel-title');
    panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      this.setOpen(false);
    });
    this.element = panel;
    const head = make('div', 'agenda-panel-head');
    this.heading = make('h2', '', 'agenda-panel-title');
    this.heading.id = 'agenda-panel-title';
    this.heading.tabIndex = -1;
    this.closeButton = this.button('agenda-close', 'icon-button', () => this.setOpen(false));
    this.closeButton.textContent = '×';
    head.append(this.heading, this.closeButton);

    const summary = make('p', 'agenda-summary');
    this.total = make('span', 'agenda-total', 'agenda-total');
    this.lateness = make('span', 'lateness', 'lateness');
    summary.append(this.total, this.lateness);

    this.controls = make('div', 'agenda-controls', 'agenda-controls');
    this.controls.setAttribute('role', 'group');
    this.previous = this.button('previous-step', '', () => this.step(-1));
    this.next = this.button('next-step', 'primary', () => this.step(1));
    const roaming = make('label', 'agenda-roaming');
    this.roaming = make('input', '', 'roaming-toggle');
    this.roaming.type = 'checkbox';
    this.roaming.addEventListener('change', () => {
      this.room.connection.send(setRoaming(this.room.ids, this.roaming.checked));
    });
    this.roamingText = make('span');
    roaming.append(this.roaming, this.roamingText);
    this.roamingHelp = make('p', 'help agenda-roaming-help');
    const buttons = make('div', 'agenda-control-buttons');
    buttons.append(this.previous, this.next);
    this.controls.append(buttons, roaming, this.roamingHelp);

    this.list = make('ol', 'agenda-steps', 'agenda-steps');
    this.empty = make('p', 'help agenda-empty', 'agenda-empty');

    this.editing = make('div', 'agenda-editing');
    const add = make('div', 'agenda-add');
    const kindLabel = make('label', 'agenda-add-kind');
    this.kindText = make('span');
    this.newKind = make('select', '', 'new-step-kind');
    for (const kind of STEP_KINDS) {
      const item = make('option');
      item.value = kind;
      this.newKind.append(item);
    }
    kindLabel.append(this.kindText, this.newKind);
    this.addButton = this.button('add-step', '', () => this.add());
    add.append(kindLabel, this.addButton);
    this.preset = this.button('apply-preset', 'link-button', () => this.applyPreset());
    this.editing.append(add, this.preset);

    panel.append(head, summary, this.controls, this.list, this.empty, this.editing);
    aside.append(panel);
  }

  button(testid, className, action) {
    const button = make('button', className, testid);
    button.type = 'button';
    button.addEventListener('click', action);
    return button;
  }

  /** Opens or closes the panel; the side panel stays open while another feature shows in it. */
  setOpen(open) {
    if (!open) this.flush();
    this.element.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.aside.hidden = ![...this.aside.children].some((child) => !child.hidden);
    document.body.classList.toggle('agenda-panel-open', open);
    clearInterval(this.latenessTimer);
    this.latenessTimer = open ? setInterval(() => this.showLateness(), LATENESS_EVERY_MS) : null;
    if (open) {
      this.render({ force: true });
      this.heading.focus();
    } else if (this.element.contains(document.activeElement) || document.activeElement === document.body) {
      this.toggle.focus();
    }
  }

  render({ force = false } = {}) {
    const { agenda, progress } = this.room.engine.arrangement();
    const facilitator = this.room.isFacilitator();
    const seen = this.seen;
    if (!force && seen && seen.agenda === agenda && seen.progress === progress && seen.facilitator === facilitator) {
      return; // a note changed: nothing of the agenda did
    }
    this.seen = { agenda, progress, facilitator };
    this.toggle.textContent = t('agenda.panel.toggle');
    this.heading.textContent = t('agenda.panel.title');
    this.closeButton.setAttribute('aria-label', t('agenda.panel.close'));
    this.total.textContent = t('agenda.panel.total', { duration: formatPlannedMinutes(totalMinutes(agenda), language()) });
    this.showLateness();
    this.drawControls(agenda, progress, facilitator);
    this.drawSteps(agenda, progress, facilitator);
    this.empty.hidden = agenda.length > 0;
    this.empty.textContent = t(facilitator ? 'agenda.panel.emptyFacilitator' : 'agenda.panel.empty');
    this.editing.hidden = !facilitator;
    this.kindText.textContent = t('agenda.panel.newKind');
    for (const item of this.newKind.options) item.textContent = t(`agenda.kind.${item.value}`);
    this.addButton.textContent = t('agenda.panel.add');
    setDisabled(this.addButton, agenda.length >= LIMITS.steps);
    this.preset.textContent = t('agenda.panel.preset', { name: t('agenda.preset.msc') });
  }

  /** AG4: late, ahead or on time, against the server's clock. */
  showLateness() {
    const { agenda, progress } = this.room.engine.arrangement();
    const state = lateness(agenda, progress, this.room.connection.serverNow());
    this.lateness.dataset.state = state.state;
    const keys = { not_started: 'agenda.notStarted', on_time: 'agenda.onTime', late: 'agenda.late', ahead: 'agenda.ahead' };
    this.lateness.textContent = t(keys[state.state], { minutes: state.minutes });
  }

  drawControls(agenda, progress, facilitator) {
    this.controls.hidden = !facilitator || agenda.length === 0;
    const started = agenda.some((step) => step.id === progress.currentStepId);
    this.next.textContent = t(started ? 'agenda.panel.next' : 'agenda.panel.start');
    this.previous.textContent = t('agenda.panel.previous');
    setDisabled(this.next, neighbourStep(agenda, progress.currentStepId, 1) === null);
    setDisabled(this.previous, neighbourStep(agenda, progress.currentStepId, -1) === null);
    this.previous.hidden = !started;
    this.roaming.checked = progress.roaming;
    this.roamingText.textContent = t('agenda.panel.roaming');
    this.roamingHelp.textContent = t(progress.roaming ? 'agenda.panel.roamingOn' : 'agenda.panel.roamingOff');
  }

  /** One row per step, kept across renders; only rows out of place are moved. */
  drawSteps(agenda, progress, facilitator) {
    const focused = this.list.contains(document.activeElement) ? document.activeElement : null;
    const ids = new Set(agenda.map((step) => step.id));
    for (const [id, row] of this.rows) {
      if (!ids.has(id)) {
        row.element.remove();
        this.rows.delete(id);
        this.drafts.delete(id);
      }
    }
    agenda.forEach((step, index) => {
      let row = this.rows.get(step.id);
      if (!row) {
        row = new StepRow(this, step.id);
        this.rows.set(step.id, row);
      }
      const current = step.id === progress.currentStepId;
      row.update(step, { index, count: agenda.length, current, facilitator, drafts: this.drafts });
      if (this.list.children[index] !== row.element) this.list.insertBefore(row.element, this.list.children[index] ?? null);
    });
    // Moving a node in the document drops its focus: give it back where it was.
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  /** Keeps a typed value to send; `now` sends at once (a choice in a list, not typing). */
  draft(stepId, field, value, { now = false } = {}) {
    const draft = { ...(this.drafts.get(stepId) ?? {}) };
    if (value === undefined) delete draft[field];
    else draft[field] = value;
    if (Object.keys(draft).length === 0) this.drafts.delete(stepId);
    else this.drafts.set(stepId, draft);
    clearTimeout(this.saveTimer);
    if (now) this.flush();
    else this.saveTimer = setTimeout(() => this.flush(), SAVE_AFTER_MS);
  }

  /** Sends the drafts, laid over the newest agenda. */
  flush() {
    this.commit((steps) => steps);
  }

  /** One set_agenda with the drafts and then `edit` applied to the newest agenda (AG1). */
  commit(edit) {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const { agenda } = this.room.engine.arrangement();
    const next = edit(applyDrafts(agenda, this.drafts));
    if (sameSteps(agenda, next)) {
      this.drafts.clear();
      return;
    }
    try {
      this.room.connection.send(setAgenda(this.room.ids, next));
      this.drafts.clear();
    } catch (error) {
      // Nothing lost: the drafts stay in the editor, to be shortened and saved again.
      const key = error instanceof MessageTooLargeError ? 'agenda.panel.tooLarge' : 'agenda.panel.saveFailed';
      toast(t(key, { message: error.message }), 'error');
    }
  }

  step(delta) {
    const { agenda, progress } = this.room.engine.arrangement();
    const target = neighbourStep(agenda, progress.currentStepId, delta);
    if (target !== null) this.go(target);
  }

  go(stepId) {
    this.flush();
    this.room.connection.send(goToStep(this.room.ids, stepId));
  }

  move(stepId, delta) {
    this.commit((steps) => moveStep(steps, stepId, delta));
  }

  remove(stepId) {
    const { agenda, progress } = this.room.engine.arrangement();
    const step = agenda.find((s) => s.id === stepId);
    if (!step) return;
    const key = step.id === progress.currentStepId ? 'agenda.panel.removeCurrentConfirm' : 'agenda.panel.removeConfirm';
    if (step.body.trim() !== '' || step.id === progress.currentStepId) {
      if (!window.confirm(t(key, { title: step.title }))) return;
    }
    const index = agenda.indexOf(step);
    this.commit((steps) => removeStep(steps, stepId));
    // The focus goes to the step that took its place, or the one before, or the add button.
    const neighbour = agenda[index + 1] ?? agenda[index - 1];
    const row = neighbour && this.rows.get(neighbour.id);
    (row ? row.removeButton : this.addButton).focus();
  }

  add() {
    const { agenda } = this.room.engine.arrangement();
    if (agenda.length >= LIMITS.steps) return;
    const kind = this.newKind.value;
    const step = newStep({ id: this.room.ids.stepId(), kind, title: t(`agenda.kind.${kind}`) });
    this.commit((steps) => addStep(steps, step));
    this.render({ force: true });
    this.rows.get(step.id)?.focusTitle();
  }

  applyPreset() {
    const { agenda } = this.room.engine.arrangement();
    if (agenda.length > 0 && !window.confirm(t('agenda.panel.presetConfirm', { count: agenda.length }))) return;
    const language = this.room.workshop.language === 'en' ? 'en' : 'fr';
    const steps = mscWorkshopPreset(language, () => this.room.ids.stepId());
    this.drafts.clear();
    this.commit(() => steps);
    toast(t('agenda.panel.presetApplied', { name: t('agenda.preset.msc') }));
  }
}

/** aria-disabled, not disabled: a button that becomes disabled under the focus would drop it. */
function setDisabled(button, disabled) {
  button.setAttribute('aria-disabled', String(disabled));
}

function make(tag, className = '', testid = '') {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (testid) made.dataset.testid = testid;
  return made;
}
