// The walk-through of a canvas exercise (AG5): the facilitator takes the room through the five
// pillars in the model's order, a few minutes each, and every screen shows the pillar in focus
// with its guiding questions, in the reader's own language. The questions are the canvas
// template's (/templates/{id}.json, the zone whose pillar matches), so the room reads the same
// questions as the board shows. Each step of the walk also restarts the shared timer.

import { language, t } from './i18n.js';
import { commandTimer, focusPillar } from './protocol.js';
import { nextPillar, PILLAR_ORDER } from './schedule.js';

/**
 * Where a walk-through stands on a step: whether the step offers one (a canvas step with minutes
 * per pillar), the pillar in focus, its place in the order, and what comes after it.
 */
export function walkOf(step, progress) {
  const available = step?.kind === 'canvas' && Number.isInteger(step.pillarMinutes) && step.pillarMinutes > 0;
  const current = progress?.focusPillar ?? null;
  const index = current === null ? -1 : PILLAR_ORDER.indexOf(current);
  return {
    available,
    pillarMinutes: available ? step.pillarMinutes : null,
    current,
    position: index + 1,
    count: PILLAR_ORDER.length,
    next: nextPillar(current),
  };
}

/** The zone of a template that stands for a pillar, or null. */
export function pillarZone(template, pillar) {
  return template?.zones?.find((zone) => zone.pillar === pillar) ?? null;
}

/** The first pillar in focus, and a timer of its minutes. */
export function startWalk(room, step) {
  const walk = walkOf(step, null);
  room.connection.send(focusPillar(room.ids, walk.next));
  if (walk.available) room.connection.send(commandTimer(room.ids, 'start', walk.pillarMinutes * 60));
}

/** The next pillar with a fresh timer; after the last one, no pillar and the timer stopped. */
export function advanceWalk(room, step, progress) {
  const walk = walkOf(step, progress);
  room.connection.send(focusPillar(room.ids, walk.next));
  if (walk.next === null) room.connection.send(commandTimer(room.ids, 'stop'));
  else if (walk.available) room.connection.send(commandTimer(room.ids, 'start', walk.pillarMinutes * 60));
}

const templates = new Map(); // id -> Promise of the template, fetched once per page

export function loadTemplate(id) {
  if (!templates.has(id)) {
    const loading = fetch(`/templates/${encodeURIComponent(id)}.json`).then((response) => {
      if (!response.ok) throw new Error(`Template ${id}: ${response.status}`);
      return response.json();
    });
    loading.catch(() => templates.delete(id)); // try again on the next render
    templates.set(id, loading);
  }
  return templates.get(id);
}

/** The banner every screen shows while a pillar is in focus, with the facilitator's buttons. */
export class PillarFocus {
  constructor(room, onChange) {
    this.room = room;
    this.onChange = onChange; // the banner's height changed: the stage lays itself out again
    this.loaded = new Map(); // template id -> template, once fetched
    this.element = document.createElement('section');
    this.element.className = 'pillar-focus';
    this.element.dataset.testid = 'pillar-focus';
    this.element.hidden = true;
    this.position = element('span', 'pillar-focus-position');
    this.name = element('h3', 'pillar-focus-name');
    this.name.dataset.testid = 'pillar-focus-name';
    this.name.id = 'pillar-focus-name';
    this.element.setAttribute('aria-labelledby', this.name.id);
    this.next = element('button', 'primary');
    this.next.type = 'button';
    this.next.addEventListener('click', () => {
      const { step, progress } = this.state;
      advanceWalk(this.room, step, progress);
    });
    const head = element('div', 'pillar-focus-head');
    const titles = element('div', 'pillar-focus-titles');
    titles.append(this.position, this.name);
    head.append(titles, this.next);
    this.questions = element('ul', 'pillar-focus-questions');
    this.questions.dataset.testid = 'pillar-focus-questions';
    this.element.append(head, this.questions);
    this.state = { step: null, progress: null };
  }

  /** Shows the pillar in focus, if any; returns whether the banner is shown. */
  render(step, progress) {
    this.state = { step, progress };
    const walk = walkOf(step, progress);
    this.element.hidden = walk.current === null;
    if (walk.current === null) return false;
    this.element.dataset.pillar = walk.current;
    this.position.textContent = t('agenda.walk.position', { position: walk.position, count: walk.count });
    this.next.hidden = !this.room.isFacilitator();
    this.next.dataset.testid = walk.next === null ? 'walk-end' : 'walk-next';
    this.next.textContent = walk.next === null ? t('agenda.walk.end') : t('agenda.walk.next');
    const templateId = step?.template ?? 'msc';
    const zone = pillarZone(this.loaded.get(templateId), walk.current) ?? pillarZone(this.loaded.get('msc'), walk.current);
    if (zone === null) {
      this.name.textContent = t(`agenda.pillar.${walk.current}`);
      this.questions.replaceChildren();
      this.fetchTemplates(templateId);
      return true;
    }
    const lang = language();
    this.name.textContent = zone.name?.[lang] ?? zone.name?.fr ?? t(`agenda.pillar.${walk.current}`);
    const questions = zone.questions?.[lang] ?? zone.questions?.fr ?? [];
    this.questions.replaceChildren(
      ...questions.map((question) => {
        const item = document.createElement('li');
        item.textContent = question;
        return item;
      }),
    );
    return true;
  }

  fetchTemplates(templateId) {
    for (const id of new Set([templateId, 'msc'])) {
      if (this.loaded.has(id)) continue;
      loadTemplate(id)
        .then((template) => {
          this.loaded.set(id, template);
          this.render(this.state.step, this.state.progress);
          this.onChange();
        })
        .catch(() => {}); // the pillar's name still shows; the questions come on a later render
    }
  }
}

function element(tag, className) {
  const made = document.createElement(tag);
  made.className = className;
  return made;
}
