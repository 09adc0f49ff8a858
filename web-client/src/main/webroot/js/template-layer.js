// The current canvas's template, drawn under the notes in the board's world: each zone an area
// with its name and guiding questions in the reader's language, each pillar zone with a live
// count of its notes (CV5), and the walk-through's pillar highlighted (AG5). Zones take no
// pointer events: clicks, double-clicks and drags reach the board as if they were not there.

import { t } from './i18n.js';
import { localized } from './templates.js';

/** Zones are drawn this much inside their rectangle, so neighbours show a gutter between them. */
const GUTTER = 6;

export class TemplateLayer {
  constructor({ world }) {
    this.element = document.createElement('div');
    this.element.className = 'template-layer';
    this.element.dataset.testid = 'template-layer';
    world.prepend(this.element); // First in the world: notes and cursors are drawn above it.
    this.drawn = { template: null, language: null };
    this.badges = new Map(); // pillar -> badge element
    this.zones = []; // zone elements, in the template's order
  }

  /** Draws the template's zones; nothing is rebuilt unless the template or the language changed. */
  draw(template, language) {
    if (this.drawn.template === template && this.drawn.language === language) return;
    this.drawn = { template, language };
    this.badges.clear();
    this.zones = (template?.zones ?? []).map((zone, index, all) => this.zone(zone, language, all.length - index));
    this.element.dataset.templateId = template?.id ?? '';
    this.element.replaceChildren(...this.zones);
  }

  zone(zone, language, stacking) {
    const element = document.createElement('section');
    element.className = `zone zone-${zone.pillar ?? 'other'}`;
    element.dataset.testid = 'zone';
    element.dataset.zoneId = zone.id;
    if (zone.pillar) element.dataset.pillar = zone.pillar;
    const inset = Math.min(GUTTER, zone.width / 4, zone.height / 4);
    element.style.transform = `translate(${zone.x + inset}px, ${zone.y + inset}px)`;
    element.style.width = `${zone.width - 2 * inset}px`;
    element.style.height = `${zone.height - 2 * inset}px`;
    element.style.zIndex = String(stacking); // CV5: a zone listed first is drawn over the later ones.

    const head = document.createElement('div');
    head.className = 'zone-head';
    const name = document.createElement('h3');
    name.className = 'zone-name';
    name.dataset.testid = 'zone-name';
    name.textContent = localized(zone.name, language);
    head.append(name);
    if (zone.pillar) {
      const badge = document.createElement('span');
      badge.className = 'zone-count';
      badge.dataset.testid = 'zone-count';
      badge.dataset.pillar = zone.pillar;
      head.append(badge);
      if (!this.badges.has(zone.pillar)) this.badges.set(zone.pillar, badge);
    }
    const questions = document.createElement('ul');
    questions.className = 'zone-questions';
    for (const question of localized(zone.questions, language)) {
      const item = document.createElement('li');
      item.dataset.testid = 'zone-question';
      item.textContent = question;
      questions.append(item);
    }
    element.append(head, questions);
    return element;
  }

  /** The pillars' counts on the badges, and the walk-through's pillar brought forward (AG5). */
  update(counts, focusPillar) {
    for (const [pillar, badge] of this.badges) {
      const count = counts.get(pillar) ?? 0;
      const text = String(count);
      if (badge.textContent !== text) badge.textContent = text;
      badge.dataset.count = text;
      badge.title = t('canvases.pillarNotes', { count });
    }
    const focusing = Boolean(focusPillar) && this.zones.some((zone) => zone.dataset.pillar === focusPillar);
    this.element.classList.toggle('focusing', focusing);
    this.element.dataset.focusPillar = focusing ? focusPillar : '';
    for (const zone of this.zones) {
      const focused = focusing && zone.dataset.pillar === focusPillar;
      zone.classList.toggle('focused', focused);
      zone.classList.toggle('dimmed', focusing && !focused);
    }
  }
}
