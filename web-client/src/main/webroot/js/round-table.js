// The tour de table on the workshop page (RT1 to RT9), mounted with one call: the turn card every
// person sees while a round runs (turn-view.js), and the facilitator's panel opened from the top
// bar or from the card on a round-table step (round-panel.js). Everything is drawn from the shared
// roundTable (RT8), so a reload mid-round finds the same speaker and the same time left; one
// ticker, four times a second while a turn runs, moves the countdowns from the server's clock.

import { frameScheduler } from './frame-scheduler.js';
import { onLanguageChange, t } from './i18n.js';
import { remoteSet } from './round-order.js';
import { personName } from './round-person.js';
import { RoundPanel } from './round-panel.js';
import { toast } from './toasts.js';
import { TurnCard } from './turn-view.js';

const TICK_MS = 250;

export function mountRoundTable(room) {
  return new RoundTable(room);
}

class RoundTable {
  constructor(room) {
    this.room = room;
    this.seen = null;
    this.state = null;
    this.ticker = null;
    this.panel = new RoundPanel(room, document.getElementById('side-panel'), document.getElementById('header-tools'));
    this.card = new TurnCard(room, { openPanel: () => this.panel.setOpen(true) });
    this.placeCard();
    const draw = frameScheduler(() => this.render());
    room.engine.subscribe(draw);
    onLanguageChange(() => this.render({ force: true }));
    this.render();
  }

  /**
   * The card sits above the board, under its toolbar; while the stage covers the board (a text or
   * round-table step), it sits at the top of the stage instead, so it is never hidden behind it.
   */
  placeCard() {
    const stage = document.getElementById('stage');
    const place = () => {
      const overStage = !stage.hidden && stage.classList.contains('stage-overlay');
      const card = this.card.element;
      if (overStage ? card.parentElement === stage : card.nextElementSibling === stage) return;
      const focused = card.contains(document.activeElement) ? document.activeElement : null;
      if (overStage) stage.prepend(card);
      else stage.before(card);
      focused?.focus({ preventScroll: true });
    };
    new MutationObserver(place).observe(stage, { attributes: true, attributeFilter: ['class', 'hidden'] });
    place();
  }

  /** What the views draw from; null when nothing they show changed (a note moved). */
  collect(force) {
    const { engine } = this.room;
    const arranged = engine.arrangement();
    const participants = engine.participantList();
    const peopleKey = participants.map((p) => `${p.id}\u0001${p.name}\u0001${p.color}\u0001${p.online}`).join('\u0002');
    const facilitator = this.room.isFacilitator();
    const selfId = this.room.selfId();
    const step = arranged.agenda.find((s) => s.id === arranged.progress.currentStepId);
    const seen = {
      roundTable: arranged.roundTable,
      remote: arranged.remote,
      stepKind: step?.kind ?? null,
      peopleKey,
      facilitator,
      selfId,
    };
    const last = this.seen;
    this.seen = seen;
    if (!force && last && Object.keys(seen).every((key) => seen[key] === last[key])) return null;
    return {
      roundTable: arranged.roundTable,
      remote: remoteSet(arranged.remote),
      stepKind: seen.stepKind,
      participants,
      people: new Map(participants.map((person) => [person.id, person])),
      facilitator,
      selfId,
    };
  }

  render({ force = false } = {}) {
    const state = this.collect(force);
    if (!state) return;
    this.tellAboutHands(this.state, state);
    this.state = state;
    this.panel.render(state);
    this.card.render(state);
    const running = state.roundTable.current !== null && Number.isFinite(state.roundTable.current.deadline);
    if (running && this.ticker === null) this.ticker = setInterval(() => this.tick(), TICK_MS);
    if (!running && this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  tick() {
    const now = this.room.connection.serverNow();
    this.card.tick(now);
    this.panel.tick(now);
  }

  /**
   * A raised hand is easy to miss with the panel closed: the facilitator gets a toast. A
   * participant whose hand went down without their asking learns whether they were added (RT2).
   */
  tellAboutHands(before, after) {
    if (!before || before.roundTable === after.roundTable) return;
    const { selfId } = after;
    const was = new Set(before.roundTable.hands);
    const now = new Set(after.roundTable.hands);
    if (after.facilitator) {
      for (const id of now) {
        if (!was.has(id)) toast(t('round.hands.raised', { name: personName(after.people.get(id)) }));
      }
    } else if (was.has(selfId) && !now.has(selfId) && this.card.pendingHand !== 'lower') {
      toast(t(after.roundTable.order.includes(selfId) ? 'round.hands.accepted' : 'round.hands.declined'));
    }
  }
}
