// The stage: the current step of the agenda, as everyone in the room and at home sees it (AG2,
// AG3). A text or content step covers the board with its Markdown text; a canvas step shows only
// a compact banner over the board, since the board is the work. While the facilitator does not
// let people roam, a participant's stage shows the current step and follows it; the facilitator's
// own screen is never moved. A chip in the top bar, beside the timer, names the current step and
// reopens the stage.

import { onLanguageChange, t } from './i18n.js';
import { imageUrl } from './image-upload.js';
import { parseMarkdown, renderMarkdown } from './markdown.js';
import { PillarFocus, startWalk, walkOf } from './pillar-walk.js';

/**
 * Whether this screen shows the current step after the progress changed (AG3). A participant
 * follows while roaming is off; otherwise (and always for the facilitator) the screen stays as
 * its person left it.
 * @param {{open: boolean, facilitator: boolean, roaming: boolean}} state
 */
export function stageOpenAfter({ open, facilitator, roaming }) {
  if (facilitator) return open;
  return roaming ? open : true;
}

/** Who may put the stage away: the facilitator always, participants only while roaming. */
export function mayMinimise({ facilitator, roaming }) {
  return facilitator || roaming;
}

export function mountStage(room) {
  const stage = new Stage(room, document.getElementById('stage'), document.getElementById('step-slot'));
  room.engine.subscribe(() => stage.render());
  onLanguageChange(() => stage.render({ force: true }));
  stage.render();
  return stage;
}

class Stage {
  constructor(room, host, chipSlot) {
    this.room = room;
    this.host = host;
    this.open = true;
    this.instructionsOpen = false;
    this.shown = { stepId: undefined, body: undefined, markdownFor: undefined };
    this.seen = null; // {agenda, progress, facilitator}: what the last render drew
    this.build(chipSlot);
  }

  build(chipSlot) {
    const make = (tag, className, testid) => {
      const made = document.createElement(tag);
      if (className) made.className = className;
      if (testid) made.dataset.testid = testid;
      return made;
    };
    this.step = make('div', 'stage-step', 'stage-step');
    this.step.setAttribute('role', 'region');
    this.step.setAttribute('aria-labelledby', 'stage-title');
    const head = make('div', 'stage-head');
    this.kind = make('span', 'stage-kind', 'stage-kind');
    this.position = make('span', 'stage-position');
    this.instructions = make('button', 'link-button stage-instructions', 'stage-instructions');
    this.instructions.type = 'button';
    this.instructions.setAttribute('aria-controls', 'stage-body');
    this.instructions.addEventListener('click', () => {
      this.instructionsOpen = !this.instructionsOpen;
      this.render({ force: true });
    });
    this.walkStart = make('button', 'primary', 'walk-start');
    this.walkStart.type = 'button';
    this.walkStart.addEventListener('click', () => startWalk(this.room, this.currentStep()));
    this.close = make('button', 'stage-close', 'stage-close');
    this.close.type = 'button';
    this.close.addEventListener('click', () => this.minimise());
    const spacer = make('span', 'spacer');
    head.append(this.kind, this.position, spacer, this.instructions, this.walkStart, this.close);
    this.title = make('h2', 'stage-title', 'stage-title');
    this.title.id = 'stage-title';
    this.title.tabIndex = -1;
    this.body = make('div', 'stage-body markdown', 'stage-body');
    this.body.id = 'stage-body';
    this.step.append(head, this.title, this.body);
    this.focus = new PillarFocus(this.room, () => this.render({ force: true }));
    this.announcer = make('p', 'visually-hidden');
    this.announcer.setAttribute('aria-live', 'polite');
    this.host.replaceChildren(this.step, this.focus.element, this.announcer);
    this.host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.close.hidden) {
        event.stopPropagation();
        this.minimise();
      }
    });

    this.chip = make('button', 'stage-chip', 'stage-chip');
    this.chip.type = 'button';
    this.chip.hidden = true;
    this.chipPosition = make('span', 'stage-chip-position');
    this.chipLabel = make('span', 'stage-chip-label'); // hidden on a phone, where room is short
    this.chip.append(this.chipPosition, this.chipLabel);
    this.chip.addEventListener('click', () => this.reopen());
    chipSlot.append(this.chip);
  }

  currentStep() {
    const { agenda, progress } = this.room.engine.arrangement();
    return agenda.find((step) => step.id === progress.currentStepId) ?? null;
  }

  minimise() {
    const { progress } = this.room.engine.arrangement();
    if (!mayMinimise({ facilitator: this.room.isFacilitator(), roaming: progress.roaming })) return;
    const hadFocus = this.host.contains(document.activeElement);
    this.open = false;
    this.render({ force: true });
    if (hadFocus) this.chip.focus();
  }

  reopen() {
    this.open = true;
    this.render({ force: true });
    this.title.focus({ preventScroll: true });
  }

  render({ force = false } = {}) {
    const { agenda, progress } = this.room.engine.arrangement();
    const facilitator = this.room.isFacilitator();
    const seen = this.seen;
    if (!force && seen && seen.agenda === agenda && seen.progress === progress && seen.facilitator === facilitator) {
      return; // a note moved: nothing of the stage changed
    }
    this.seen = { agenda, progress, facilitator };
    this.open = stageOpenAfter({ open: this.open, facilitator, roaming: progress.roaming });
    const index = agenda.findIndex((step) => step.id === progress.currentStepId);
    const step = index < 0 ? null : agenda[index];
    const stepChanged = step?.id !== this.shown.stepId;
    if (stepChanged) {
      this.shown.stepId = step?.id;
      this.instructionsOpen = false;
      this.body.scrollTop = 0;
      this.step.scrollTop = 0;
      if (step) this.announcer.textContent = t('agenda.stage.announce', { title: step.title });
    }

    const canvas = step?.kind === 'canvas';
    const showStep = step !== null && this.open;
    this.step.hidden = !showStep;
    if (step) this.drawStep(step, index, agenda.length, canvas, progress, facilitator);
    const focusShown = this.focus.render(step, progress);
    this.host.hidden = !showStep && !focusShown;
    this.host.classList.toggle('stage-overlay', showStep && !canvas);
    this.host.classList.toggle('stage-strip', !(showStep && !canvas));
    this.host.dataset.open = String(showStep);

    this.chip.hidden = step === null;
    if (step) {
      this.chipPosition.textContent = `${index + 1}/${agenda.length}`;
      this.chipLabel.textContent = step.title;
      const label = t('agenda.stage.chipLabel', { position: index + 1, count: agenda.length, title: step.title });
      this.chip.title = label;
      this.chip.setAttribute('aria-label', label);
      this.chip.setAttribute('aria-expanded', String(showStep));
      this.chip.setAttribute('aria-controls', 'stage');
    }
  }

  drawStep(step, index, count, canvas, progress, facilitator) {
    this.kind.textContent = t(`agenda.kind.${step.kind}`);
    this.position.textContent = t('agenda.stage.position', { position: index + 1, count, minutes: step.minutes });
    this.title.textContent = step.title;
    const hasBody = step.body.trim().length > 0;
    this.instructions.hidden = !canvas || !hasBody;
    this.instructions.textContent = t(this.instructionsOpen ? 'agenda.stage.hideInstructions' : 'agenda.stage.instructions');
    this.instructions.setAttribute('aria-expanded', String(this.instructionsOpen));
    this.body.hidden = !hasBody || (canvas && !this.instructionsOpen);
    const markdownKey = `${step.id}\u0000${step.body}`;
    if (!this.body.hidden && this.shown.markdownFor !== markdownKey) {
      this.shown.markdownFor = markdownKey;
      const workshopId = this.room.workshop.id;
      const tree = parseMarkdown(step.body, { resolveImage: (id) => imageUrl(workshopId, id) });
      this.body.replaceChildren(renderMarkdown(tree, document));
    }
    const walk = walkOf(step, progress);
    this.walkStart.hidden = !facilitator || !walk.available || walk.current !== null;
    this.walkStart.textContent = t('agenda.walk.start');
    this.close.hidden = !mayMinimise({ facilitator, roaming: progress.roaming });
    this.close.textContent = t('agenda.stage.minimise');
    this.close.setAttribute('aria-label', t('agenda.stage.minimiseLabel'));
  }
}
