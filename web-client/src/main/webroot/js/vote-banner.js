// The dot vote's banner above the board (DV1 to DV4), for everyone: what is voted on, how many dots
// this person has left and the rules; the facilitator's controls (close, cancel, clear); the
// ranking once the vote closes (and, for a public vote, the ranking so far); and, when the vote
// runs on another canvas, a way there. A polite live region says what the vote keys did.

import { t } from './i18n.js';
import { clearVote, closeVote } from './protocol.js';
import { dotsLeft, isOpen, standings } from './dot-votes.js';

export class VoteBanner {
  constructor(room) {
    this.room = room;
    this.element = element('section', 'vote-banner', 'vote-banner');
    this.element.hidden = true;
    this.element.setAttribute('aria-labelledby', 'vote-banner-title');
    const row = element('div', 'vote-banner-row');
    const text = element('div', 'vote-banner-text');
    this.title = element('strong', 'vote-banner-title', 'vote-title');
    this.title.id = 'vote-banner-title';
    this.left = element('span', 'vote-banner-left', 'vote-left');
    this.rules = element('span', 'vote-banner-rules', 'vote-rules');
    text.append(this.title, this.left, this.rules);
    const actions = element('div', 'vote-banner-actions');
    this.toggle = button('link-button', 'vote-results-toggle', () => this.showResults(this.results.hidden));
    this.toggle.setAttribute('aria-controls', 'vote-results');
    this.close = button('primary', 'vote-close', () => this.send(closeVote));
    this.clear = button('', 'vote-clear', () => this.clearVote());
    this.go = button('', 'vote-go', () => this.room.canvases.show(this.elsewhere?.canvasId));
    actions.append(this.toggle, this.close, this.clear, this.go);
    row.append(text, actions);
    this.help = element('p', 'vote-help');
    this.results = element('div', 'vote-results', 'vote-results');
    this.results.id = 'vote-results';
    this.results.hidden = true;
    this.resultsTitle = element('h3', 'vote-results-title');
    this.ranking = element('ol', 'vote-ranking', 'vote-ranking');
    this.results.append(this.resultsTitle, this.ranking);
    this.status = element('p', 'visually-hidden', 'vote-status');
    this.status.setAttribute('aria-live', 'polite');
    this.element.append(row, this.help, this.results, this.status);
    room.board.toolbar.before(this.element);
    this.shownVoteId = null; // to open the ranking once, when the vote shown closes
    this.wasOpen = false;
  }

  announce(text) {
    this.status.textContent = text;
  }

  /** `vote`: the shown canvas's vote or null; `elsewhere`: an open vote on another canvas. */
  render(vote, elsewhere) {
    this.vote = vote;
    this.elsewhere = vote ? null : elsewhere;
    this.element.hidden = !vote && !this.elsewhere;
    const facilitator = this.room.isFacilitator();
    if (!vote) {
      this.results.hidden = true;
      if (this.elsewhere) this.renderElsewhere();
      return;
    }
    const open = isOpen(vote);
    const { engine, notes } = this.room;
    const live = new Map(engine.notesOn(notes.canvasId()).map((note) => [note.id, note]));
    const scope = vote.pillar ? t('vote.scopeOf', { pillar: t(`agenda.pillar.${vote.pillar}`) }) : t('vote.scopeAll');
    this.title.textContent = `${t(open ? 'vote.running' : 'vote.closed')} · ${scope}`;
    const canVote = engine.arrangement().access.get(this.room.selfId()) !== 'observer';
    this.left.hidden = !open;
    this.left.textContent = !canVote ? t('vote.watching') : leftText(dotsLeft(vote, this.room.selfId(), new Set(live.keys())), vote.dotsPerPerson);
    const rules = [t('vote.dotsEach', { count: vote.dotsPerPerson })];
    if (vote.maxPerNote) rules.push(t('vote.limitNote', { max: vote.maxPerNote }));
    rules.push(t(vote.secret ? 'vote.secretRule' : 'vote.publicRule'));
    this.rules.textContent = rules.join(' · ');
    this.help.hidden = !open || !canVote;
    this.help.textContent = t('vote.help');
    this.close.hidden = !facilitator || !open;
    this.close.textContent = t('vote.close');
    this.clear.hidden = !facilitator;
    this.clear.textContent = t(open ? 'vote.cancelVote' : 'vote.clearResults');
    this.go.hidden = true;
    const standing = standings(vote, new Set(live.keys()));
    this.toggle.hidden = standing === null;
    if (vote.id !== this.shownVoteId || (this.wasOpen && !open)) this.showResults(!open); // DV3
    this.shownVoteId = vote.id;
    this.wasOpen = open;
    this.toggle.textContent = t(this.results.hidden ? 'vote.showRanking' : 'vote.hideRanking');
    this.toggle.setAttribute('aria-expanded', String(!this.results.hidden));
    if (standing) this.renderRanking(standing, live);
  }

  renderElsewhere() {
    const canvas = this.room.engine.arrangement().canvases.get(this.elsewhere.canvasId);
    this.title.textContent = t('vote.elsewhere', { name: canvas?.name ?? '' });
    this.left.hidden = true;
    this.rules.textContent = '';
    this.help.hidden = true;
    this.toggle.hidden = true;
    this.close.hidden = true;
    this.clear.hidden = true;
    this.go.hidden = false;
    this.go.textContent = t('vote.goThere');
    this.shownVoteId = null;
    this.wasOpen = false;
  }

  renderRanking({ final, rows }, live) {
    this.resultsTitle.textContent = t(final ? 'vote.ranking' : 'vote.rankingSoFar');
    const items = rows.map((row) => {
      const item = element('li', 'vote-result', 'vote-result');
      item.value = row.rank; // tied notes share their number (DV3)
      item.dataset.noteId = row.noteId;
      const rank = element('span', 'vote-result-rank');
      rank.textContent = String(row.rank);
      rank.setAttribute('aria-hidden', 'true');
      const text = element('span', 'vote-result-text');
      const note = live.get(row.noteId);
      text.textContent = note?.text.trim() ? note.text.trim() : t('vote.emptyNote');
      const count = element('span', 'vote-result-dots');
      count.textContent = dotsText(row);
      item.append(rank, text, count);
      return item;
    });
    if (items.length === 0) {
      const none = element('li', 'vote-result-none');
      none.textContent = t('vote.noNotes');
      items.push(none);
    }
    this.ranking.replaceChildren(...items);
  }

  showResults(shown) {
    this.results.hidden = !shown;
    this.toggle.textContent = t(shown ? 'vote.hideRanking' : 'vote.showRanking');
    this.toggle.setAttribute('aria-expanded', String(shown));
  }

  clearVote() {
    if (isOpen(this.vote) && !window.confirm(t('vote.cancelConfirm'))) return;
    this.send(clearVote);
  }

  send(build) {
    if (this.vote) this.room.connection.send(build(this.room.ids, this.vote.id));
  }
}

function dotsText({ dots, voters }) {
  if (dots === 0) return t('vote.dotsNone');
  const people = t(voters === 1 ? 'vote.votersOne' : 'vote.votersMany', { count: voters });
  return `${t(dots === 1 ? 'vote.dotsOne' : 'vote.dotsMany', { count: dots })} · ${people}`;
}

function leftText(left, total) {
  if (left === 0) return t('vote.leftNone');
  return t(left === 1 ? 'vote.leftOne' : 'vote.leftMany', { count: left, total });
}

function element(tag, className, testid) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (testid) node.dataset.testid = testid;
  return node;
}

function button(className, testid, action) {
  const node = element('button', className, testid);
  node.type = 'button';
  node.addEventListener('click', action);
  return node;
}
