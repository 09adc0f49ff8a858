// The speaking time of a round table (RT9), for the facilitator: each person's total, live while a
// turn runs, and once the round has ended the minimum, maximum, median and evenness, with a plain
// explanation of what evenness means. The numbers are speakingSummary's (round-clock.js), the same
// rule as the server's and the exports'.

import { t } from './i18n.js';
import { speakingSummary } from './round-clock.js';
import { formatSpoken, passCounts } from './round-order.js';
import { drawPerson } from './round-person.js';
import { balanceLevel } from './templates.js';

/** The words for an evenness level (templates.js balanceLevel), said of how time was shared. */
const EVENNESS_WORDS = {
  balanced: 'round.summary.balanced',
  fair: 'round.summary.fair',
  uneven: 'round.summary.uneven',
  lopsided: 'round.summary.lopsided',
};

export class RoundSummary {
  constructor() {
    this.element = make('div', 'round-summary', 'round-summary');
    this.table = make('table', 'round-summary-table');
    const head = make('thead');
    this.headRow = make('tr');
    head.append(this.headRow);
    this.body = make('tbody');
    this.table.append(head, this.body);
    this.stats = make('dl', 'round-summary-stats', 'round-summary-stats');
    this.cells = {};
    for (const name of ['min', 'max', 'median', 'evenness']) {
      const term = make('dt');
      const value = make('dd', '', `round-summary-${name}`);
      this.cells[name] = { term, value };
      this.stats.append(wrap(term, value));
    }
    this.help = make('p', 'help round-summary-help', 'round-evenness-help');
    this.empty = make('p', 'help', 'round-summary-empty');
    this.element.append(this.empty, this.table, this.stats, this.help);
    this.rows = new Map(); // participant id -> its row
    this.second = null;
  }

  /**
   * Draws the totals at serverNow. `final`: the round has ended, so the statistics show too.
   * @param {{people: Map, selfId: string, final: boolean}} context
   */
  render(roundTable, serverNow, { people, selfId, final }) {
    const summary = speakingSummary(roundTable, final ? null : serverNow);
    const passes = passCounts(roundTable.turns);
    this.headRow.replaceChildren(
      ...['round.summary.person', 'round.summary.total', 'round.summary.turns', 'round.summary.passed'].map((key) => {
        const cell = make('th');
        cell.scope = 'col';
        cell.textContent = t(key);
        return cell;
      }),
    );
    this.table.hidden = summary.people.length === 0;
    this.empty.hidden = summary.people.length > 0;
    this.empty.textContent = t('round.summary.empty');
    const longest = Math.max(1, ...summary.people.map((person) => person.totalMs));
    const shown = new Set();
    summary.people.forEach((entry, index) => {
      shown.add(entry.participantId);
      const row = this.rows.get(entry.participantId) ?? this.row(entry.participantId);
      const [who, total, turns, passed] = row.cells;
      drawPerson(who.firstChild, people.get(entry.participantId), { self: entry.participantId === selfId });
      total.firstChild.textContent = formatSpoken(entry.totalMs);
      total.lastChild.firstChild.style.inlineSize = `${Math.round((entry.totalMs / longest) * 100)}%`;
      turns.textContent = String(entry.turns);
      passed.textContent = String(passes.get(entry.participantId) ?? 0);
      row.classList.toggle('speaking', !final && roundTable.current?.participantId === entry.participantId);
      if (this.body.children[index] !== row) this.body.insertBefore(row, this.body.children[index] ?? null);
    });
    for (const [id, row] of this.rows) {
      if (!shown.has(id)) {
        row.remove();
        this.rows.delete(id);
      }
    }
    this.stats.hidden = !final;
    this.help.hidden = !final;
    if (final) this.drawStats(summary);
  }

  drawStats(summary) {
    const { min, max, median, evenness } = this.cells;
    min.term.textContent = t('round.summary.min');
    max.term.textContent = t('round.summary.max');
    median.term.textContent = t('round.summary.median');
    evenness.term.textContent = t('round.summary.evenness');
    min.value.textContent = formatSpoken(summary.minMs);
    max.value.textContent = formatSpoken(summary.maxMs);
    median.value.textContent = formatSpoken(summary.medianMs);
    const level = balanceLevel(summary.evenness);
    evenness.value.dataset.level = level;
    evenness.value.dataset.evenness = summary.evenness === null ? '' : String(summary.evenness);
    evenness.value.textContent =
      level === 'none'
        ? t('round.summary.evennessNone')
        : t('round.summary.evennessValue', { word: t(EVENNESS_WORDS[level]), percent: Math.round(summary.evenness * 100) });
    this.help.textContent = t('round.summary.evennessHelp');
  }

  row(participantId) {
    const row = make('tr', '', 'round-summary-row');
    row.dataset.participantId = participantId;
    const who = make('th');
    who.scope = 'row';
    who.append(make('span')); // the person's chip: the cell itself stays a table cell
    const total = make('td', 'round-summary-total');
    const bar = make('span', 'round-summary-bar');
    bar.setAttribute('aria-hidden', 'true');
    bar.append(make('span'));
    total.append(document.createTextNode(''), bar);
    row.append(who, total, make('td', 'round-summary-number'), make('td', 'round-summary-number'));
    this.rows.set(participantId, row);
    return row;
  }
}

function wrap(term, value) {
  const group = make('div');
  group.append(term, value);
  return group;
}

function make(tag, className = '', testid = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (testid) element.dataset.testid = testid;
  return element;
}
