// The pillars' balance of the current canvas, in the board's toolbar: one small bar per pillar
// with its count, and the evenness as a percentage with a word (CV5). The model says a commons
// lasts when its pillars stay in balance; this keeps it in view while people write.

import { t } from './i18n.js';
import { balanceLevel, evenness, localized, totalOf } from './templates.js';

export class BalancePanel {
  constructor({ toolbar }) {
    this.element = document.createElement('div');
    this.element.className = 'pillar-balance';
    this.element.dataset.testid = 'pillar-balance';
    this.element.setAttribute('role', 'group');
    this.bars = document.createElement('ul');
    this.bars.className = 'balance-bars';
    this.summary = document.createElement('span');
    this.summary.className = 'balance-evenness';
    this.summary.dataset.testid = 'pillar-evenness';
    this.element.append(this.bars, this.summary);
    this.element.hidden = true;
    // After "Add a note": the balance sits with what people do on the canvas.
    const addNote = toolbar.querySelector('[data-testid=add-note-button]');
    if (addNote) addNote.after(this.element);
    else toolbar.prepend(this.element);
    this.drawn = { template: null, language: null };
    this.items = new Map(); // pillar -> {item, fill, count, label}
  }

  /** `pillars` are the template's pillar zones in the model's order; `counts` a Map pillar -> n. */
  update(template, pillars, counts, language) {
    this.element.hidden = pillars.length < 2; // A blank canvas has nothing to balance.
    if (this.element.hidden) return;
    if (this.drawn.template !== template || this.drawn.language !== language) {
      this.drawn = { template, language };
      this.element.setAttribute('aria-label', t('canvases.balance'));
      this.items.clear();
      this.bars.replaceChildren(...pillars.map(({ pillar, zone }) => this.bar(pillar, localized(zone.name, language))));
    }
    const max = Math.max(1, ...counts.values());
    for (const [pillar, parts] of this.items) {
      const count = counts.get(pillar) ?? 0;
      parts.fill.style.setProperty('--share', String(count / max));
      parts.count.textContent = String(count);
      parts.count.dataset.count = String(count);
      parts.item.title = t('canvases.pillarCount', { pillar: parts.name, count });
    }
    const value = evenness(counts);
    const level = balanceLevel(value);
    this.summary.dataset.evenness = value === null ? '' : value.toFixed(3);
    this.summary.dataset.level = level;
    this.summary.textContent =
      value === null
        ? t('canvases.balance.none')
        : t('canvases.balance.value', { percent: Math.round(value * 100), word: t(`canvases.balance.${level}`) });
    this.summary.title = t('canvases.balance.help', { total: totalOf(counts) });
  }

  bar(pillar, name) {
    const item = document.createElement('li');
    item.className = `balance-bar pillar-${pillar}`;
    item.dataset.pillar = pillar;
    const track = document.createElement('span');
    track.className = 'balance-track';
    track.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('span');
    fill.className = 'balance-fill';
    track.append(fill);
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = `${t('canvases.pillarLabel', { pillar: name })} `;
    const count = document.createElement('span');
    count.className = 'balance-count';
    count.dataset.testid = 'pillar-count';
    count.dataset.pillar = pillar;
    item.append(track, label, count);
    this.items.set(pillar, { item, fill, count, name });
    return item;
  }
}
