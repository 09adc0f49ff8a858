// A dot vote drawn on the notes of the canvas shown (DV2 to DV4): on each note of the ballot, this
// person's own dots in their colour, the total when everyone may see it (a public vote, or once
// closed) and the rank once closed; while the vote is open, a button to give a dot and one to take
// it back. Notes outside the ballot are dimmed. A focused note takes V (give) and Shift+V (take
// back). The marks live inside the notes' elements, which notes-layer.js owns and may rebuild.

import { t } from './i18n.js';
import { placeDot, removeDot } from './protocol.js';
import { dotsLeft, dotsOn, isOpen, refusalOf, totals } from './dot-votes.js';
import { toast } from './toasts.js';

let counter = 0;

export class VoteMarks {
  /** `announce(text)` says what a vote key did, for screen readers. */
  constructor(room, { announce }) {
    this.room = room;
    this.announce = announce;
    this.marks = new WeakMap(); // note element -> its mark's parts
    room.board.element.addEventListener('keydown', (event) => this.keyDown(event));
  }

  /** `vote`: the vote of the canvas shown, or null. */
  render(vote) {
    const { notes, engine } = this.room;
    const self = this.room.selfId();
    const live = new Set(engine.notesOn(notes.canvasId()).map((note) => note.id));
    const counted = vote ? totals(vote) : new Map();
    const ranks = new Map((vote?.results ?? []).map((row) => [row.noteId, row.rank]));
    const resultDots = new Map((vote?.results ?? []).map((row) => [row.noteId, row.dots]));
    const color = engine.participants.get(self)?.color ?? null;
    const canVote = this.canVote();
    for (const [noteId, element] of notes.elements) {
      const inBallot = Boolean(vote) && vote.noteIds.includes(noteId);
      element.classList.toggle('vote-out', Boolean(vote) && !inBallot);
      if (!inBallot) {
        this.unmark(element);
        continue;
      }
      const mark = this.marks.get(element) ?? this.mark(element, noteId);
      const mine = dotsOn(vote, self, noteId);
      // DV4: a secret vote's totals are known once it closes; a public one's, live.
      const total = !isOpen(vote) ? (resultDots.get(noteId) ?? 0) : vote.secret ? null : (counted.get(noteId)?.dots ?? 0);
      this.drawDots(mark.own, mine, color);
      mark.total.hidden = total === null;
      mark.total.textContent = total === null ? '' : String(total);
      mark.rank.hidden = !ranks.has(noteId);
      mark.rank.textContent = ranks.has(noteId) ? `#${ranks.get(noteId)}` : '';
      const open = isOpen(vote) && canVote;
      mark.add.hidden = !open;
      mark.remove.hidden = !open || mine === 0;
      const refusal = open ? refusalOf(vote, self, noteId, live) : null;
      mark.add.setAttribute('aria-disabled', String(refusal !== null));
      const left = open ? dotsLeft(vote, self, live) : 0;
      mark.add.setAttribute('aria-label', refusal ? `${t('vote.add')} · ${t(`error.${refusal}`)}` : t('vote.addLeft', { count: left }));
      mark.add.title = mark.add.getAttribute('aria-label');
      mark.remove.setAttribute('aria-label', t('vote.remove'));
      mark.remove.title = t('vote.remove');
      mark.summary.textContent = summary(mine, total, ranks.get(noteId));
    }
  }

  /** Observers read the vote; everyone else votes, the facilitator too (DV2). */
  canVote() {
    return this.room.engine.arrangement().access.get(this.room.selfId()) !== 'observer';
  }

  mark(element, noteId) {
    const root = document.createElement('div');
    root.className = 'vote-mark';
    root.dataset.testid = 'vote-mark';
    const own = span('vote-own', 'vote-own');
    own.setAttribute('aria-hidden', 'true');
    const total = span('vote-total', 'vote-total');
    total.setAttribute('aria-hidden', 'true');
    const rank = span('vote-rank', 'vote-rank');
    rank.setAttribute('aria-hidden', 'true');
    const remove = this.button('vote-remove', '−', () => this.cast(noteId, false));
    const add = this.button('vote-add', '+', () => this.cast(noteId, true));
    const summaryText = span('visually-hidden', 'vote-summary');
    summaryText.id = `vote-summary-${++counter}`;
    root.append(rank, own, total, remove, add, summaryText);
    element.append(root);
    element.setAttribute('aria-describedby', summaryText.id);
    const parts = { root, own, total, rank, add, remove, summary: summaryText };
    this.marks.set(element, parts);
    return parts;
  }

  unmark(element) {
    const parts = this.marks.get(element);
    if (!parts) return;
    parts.root.remove();
    element.removeAttribute('aria-describedby');
    this.marks.delete(element);
  }

  button(testid, text, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `vote-button ${testid}`;
    button.dataset.testid = testid;
    button.textContent = text;
    button.addEventListener('pointerdown', (event) => event.stopPropagation()); // no drag
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      action();
    });
    return button;
  }

  drawDots(container, count, color) {
    if (container.childElementCount === count && container.dataset.color === String(color)) return;
    container.dataset.color = String(color);
    container.replaceChildren();
    for (let i = 0; i < count; i++) {
      const dot = span('vote-dot', 'vote-dot');
      if (color) dot.style.setProperty('--person-color', color);
      container.append(dot);
    }
  }

  /** DV2: give or take back a dot; what the server would refuse is said at once, not sent. */
  cast(noteId, placed) {
    const { engine, notes, connection, ids } = this.room;
    const vote = engine.arrangement().votes.get(notes.canvasId());
    if (!vote || !this.canVote()) return false;
    const self = this.room.selfId();
    const live = new Set(engine.notesOn(notes.canvasId()).map((note) => note.id));
    const refusal = refusalOf(vote, self, noteId, live, placed);
    if (refusal) {
      toast(t(`error.${refusal}`), 'error');
      this.announce(t(`error.${refusal}`));
      return true;
    }
    connection.send(placed ? placeDot(ids, vote.id, noteId) : removeDot(ids, vote.id, noteId));
    const after = engine.arrangement().votes.get(notes.canvasId()) ?? vote;
    const left = dotsLeft(after, self, live);
    this.announce(t(placed ? 'vote.placed' : 'vote.taken', { count: left }));
    return true;
  }

  /** V gives the focused note a dot, Shift+V takes one back (DV2). */
  keyDown(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'v') return;
    const element = event.target;
    if (element?.dataset?.testid !== 'note') return; // keys typed in the editor are text
    if (!this.marks.has(element)) return;
    if (this.cast(element.dataset.noteId, !event.shiftKey)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }
}

function summary(mine, total, rank) {
  const parts = [t('vote.mine', { count: mine })];
  if (total !== null) parts.push(t('vote.total', { count: total }));
  if (rank !== undefined) parts.push(t('vote.rank', { rank }));
  return parts.join(' · ');
}

function span(className, testid) {
  const element = document.createElement('span');
  element.className = className;
  element.dataset.testid = testid;
  return element;
}
