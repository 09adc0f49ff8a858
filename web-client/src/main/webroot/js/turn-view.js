// The turn card: what everyone in the room and at home sees while a round table runs (RT5 to RT8).
// Who has the floor ("c'est à vous!" on the speaker's own screen), who comes next, and a large
// countdown that turns amber in the warning and red as it counts up in overtime. The countdown is
// the server's deadline minus this tab's serverNow (TM1), so every screen shows the same time
// left. The speaker may pass or end their own turn (RT6); people outside the order may raise a
// hand (RT2); everyone sees their own speaking time. Before a round the card says where one
// stands; after it, briefly, how long one spoke.

import { t } from './i18n.js';
import { endTurn, lowerHand, passTurn, raiseHand } from './protocol.js';
import { formatTurnTime, speakingSummary, turnClock, upcomingSpeaker } from './round-clock.js';
import { formatSpoken, roundPhase, waitingBefore } from './round-order.js';
import { drawPerson, personName } from './round-person.js';

const HAND_WAIT_MS = 5000;

/** What the facilitator's button on the card says, by what the card shows. */
const OPEN_KEYS = { running: 'round.card.controls', ended: 'round.card.openSummary', preparing: 'round.card.openPanel' };

export class TurnCard {
  /** @param {{openPanel: function(): void}} hooks what the facilitator's button opens */
  constructor(room, { openPanel }) {
    this.room = room;
    this.openPanel = openPanel;
    this.state = null;
    this.dismissedEnd = null; // the endedAt of a round whose end card was closed
    this.pendingHand = null; // 'raise' or 'lower' sent from here, until the server's answer shows
    this.pendingTimer = null;
    this.shownSpeaker = undefined;
    this.lastPhase = null;
    this.build();
  }

  build() {
    const card = make('section', 'turn-card', 'turn-card');
    card.setAttribute('aria-labelledby', 'turn-card-kind');
    card.hidden = true;
    this.element = card;

    const head = make('div', 'turn-card-head');
    this.kind = make('h2', 'turn-card-kind');
    this.kind.id = 'turn-card-kind';
    this.badge = make('span', 'turn-card-badge', 'turn-badge');
    this.close = button('turn-card-close', 'icon-button turn-card-close', () => this.dismiss());
    this.close.textContent = '×';
    head.append(this.kind, this.badge, make('span', 'spacer'), this.close);

    this.main = make('div', 'turn-card-main');
    const who = make('div', 'turn-card-who');
    this.label = make('p', 'turn-card-label', 'turn-label');
    this.speaker = make('p', 'turn-speaker', 'turn-speaker');
    this.next = make('p', 'turn-next', 'turn-next');
    who.append(this.label, this.speaker, this.next);
    this.countdown = make('div', 'turn-countdown', 'turn-countdown');
    this.countdown.setAttribute('role', 'timer');
    this.countdownValue = make('span', 'turn-countdown-value');
    this.countdownValue.setAttribute('aria-hidden', 'true');
    this.countdownLabel = make('span', 'turn-countdown-label');
    this.countdown.append(this.countdownValue, this.countdownLabel);
    this.main.append(who, this.countdown);

    this.message = make('p', 'turn-card-message', 'turn-message');
    this.ownTime = make('p', 'turn-own-time', 'turn-own-time');
    this.handState = make('p', 'turn-hand-state', 'turn-hand-state');

    this.actions = make('div', 'turn-card-actions');
    this.passButton = button('turn-pass', '', () => this.send(passTurn));
    this.endButton = button('turn-end', 'primary', () => this.send(endTurn));
    this.raiseButton = button('turn-raise-hand', '', () => this.hand(raiseHand));
    this.lowerButton = button('turn-lower-hand', '', () => this.hand(lowerHand));
    this.openButton = button('turn-open-panel', 'primary', () => this.openPanel());
    this.actions.append(this.endButton, this.passButton, this.raiseButton, this.lowerButton, this.openButton);

    this.announcer = make('p', 'visually-hidden');
    this.announcer.setAttribute('aria-live', 'polite');
    card.append(head, this.main, this.message, this.ownTime, this.handState, this.actions, this.announcer);
  }

  send(builder) {
    this.room.connection.send(builder(this.room.ids));
  }

  /** RT2 is drawn when the server answers: until then (or a few seconds) the button waits. */
  hand(builder) {
    this.pendingHand = builder === raiseHand ? 'raise' : 'lower';
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      this.pendingHand = null; // refused, or lost: the person may try again
      this.render(this.state);
    }, HAND_WAIT_MS);
    this.send(builder);
    this.render(this.state);
  }

  dismiss() {
    this.dismissedEnd = this.state?.roundTable?.endedAt ?? null;
    const hadFocus = this.element.contains(document.activeElement);
    this.render(this.state);
    if (hadFocus) document.querySelector('[data-testid=canvas]')?.focus({ preventScroll: true });
  }

  /** What the card shows now: running, ended (until closed), preparing, or nothing. */
  mode(state) {
    const { roundTable, stepKind } = state;
    const phase = roundPhase(roundTable);
    if (phase === 'running') return 'running';
    if (phase === 'ended') return roundTable.endedAt === this.dismissedEnd ? 'none' : 'ended';
    const preparing = stepKind === 'round_table' || (roundTable.order.length > 0 && roundTable.startedAt === null);
    return preparing ? 'preparing' : 'none';
  }

  /** @param state {roundTable, facilitator, selfId, people: Map, remote: Set, stepKind} */
  render(state) {
    if (!state) return;
    this.state = state;
    const mode = this.mode(state);
    this.element.hidden = mode === 'none';
    this.element.dataset.state = mode;
    if (mode === 'none') {
      this.shownSpeaker = undefined;
      return;
    }
    const { roundTable, facilitator, selfId } = state;
    const inOrder = roundTable.order.includes(selfId);
    const speaking = roundTable.current?.participantId === selfId;
    this.kind.textContent = t('round.card.title');
    this.close.hidden = mode !== 'ended';
    this.close.setAttribute('aria-label', t('round.card.close'));
    this.close.title = t('round.card.close');
    this.main.hidden = mode !== 'running';
    this.passButton.hidden = !speaking;
    this.endButton.hidden = !speaking;
    this.passButton.textContent = t('round.card.pass');
    this.endButton.textContent = t('round.card.end');
    // The facilitator's way to the panel from the card: on a phone the top bar folds its button away.
    this.openButton.hidden = !facilitator;
    this.openButton.textContent = t(OPEN_KEYS[mode]);
    this.openButton.classList.toggle('primary', mode !== 'running');
    this.drawHand(roundTable, { facilitator, inOrder, speaking, selfId });
    if (mode === 'running') this.drawRunning(state, speaking);
    else this.drawAside(mode, state, inOrder);
    this.actions.hidden = [...this.actions.children].every((child) => child.hidden);
    this.tick(this.room.connection.serverNow());
  }

  drawRunning({ roundTable, people, remote, selfId }, speaking) {
    const current = roundTable.current;
    const person = people.get(current.participantId);
    this.element.classList.toggle('turn-card-mine', speaking);
    this.label.textContent = t(speaking ? 'round.card.yourTurn' : 'round.card.speaking');
    this.speaker.dataset.participantId = current.participantId;
    drawPerson(this.speaker, person, { self: speaking, remote: remote.has(current.participantId) });
    this.badge.hidden = !current.secondChance;
    this.badge.textContent = t('round.card.secondChance');
    const upcoming = upcomingSpeaker(roundTable);
    this.next.dataset.participantId = upcoming ?? '';
    if (upcoming === null) this.next.textContent = t('round.card.last');
    else if (upcoming === selfId) this.next.textContent = t('round.card.youAreNext');
    else {
      const next = people.get(upcoming);
      const key = next && !next.online ? 'round.card.nextOffline' : 'round.card.next';
      this.next.textContent = t(key, { name: personName(next) });
    }
    this.next.classList.toggle('turn-next-mine', upcoming === selfId);
    this.message.hidden = true;
    const before = waitingBefore(roundTable, selfId);
    if (before !== null && before > 0) {
      this.message.hidden = false;
      this.message.textContent = t(before === 1 ? 'round.card.waitingOne' : 'round.card.waitingMany', { count: before });
    }
    if (current.participantId !== this.shownSpeaker) {
      const first = this.shownSpeaker === undefined;
      this.shownSpeaker = current.participantId;
      const name = personName(person);
      this.announcer.textContent = speaking ? t('round.card.announceYou') : t('round.card.announce', { name });
      if (speaking && !first) navigator.vibrate?.(200);
    }
  }

  drawAside(mode, { roundTable, facilitator, selfId }, inOrder) {
    this.element.classList.remove('turn-card-mine');
    this.badge.hidden = true;
    this.shownSpeaker = undefined;
    this.message.hidden = false;
    if (mode === 'ended') {
      this.message.textContent = t('round.card.ended');
      return;
    }
    const count = roundTable.order.length;
    if (facilitator) {
      this.message.textContent = count === 0 ? t('round.card.orderEmpty') : t('round.card.orderCount', { count });
    } else if (inOrder) {
      const place = roundTable.order.indexOf(selfId) + 1;
      this.message.textContent = t('round.card.yourPlace', { place, count });
    } else {
      this.message.textContent = t(count === 0 ? 'round.card.preparing' : 'round.card.notInOrder');
    }
  }

  /** Raise or lower one's hand: offered to participants outside the order while an order exists. */
  drawHand(roundTable, { facilitator, inOrder, speaking }) {
    const raised = roundTable.hands.includes(this.room.selfId());
    if ((this.pendingHand === 'raise' && raised) || (this.pendingHand === 'lower' && !raised)) {
      this.pendingHand = null;
      clearTimeout(this.pendingTimer);
    }
    const offered = !facilitator && !inOrder && !speaking && (roundTable.current !== null || roundTable.order.length > 0);
    this.raiseButton.hidden = !offered || raised;
    this.lowerButton.hidden = !offered || !raised;
    this.raiseButton.textContent = t('round.card.raiseHand');
    this.lowerButton.textContent = t('round.card.lowerHand');
    const waiting = this.pendingHand !== null;
    for (const control of [this.raiseButton, this.lowerButton]) {
      control.setAttribute('aria-disabled', String(waiting));
      control.setAttribute('aria-busy', String(waiting));
    }
    this.handState.hidden = !offered || !raised;
    this.handState.textContent = t('round.card.handRaised');
  }

  /** Redraws what moves with time: the countdown and one's own speaking time. */
  tick(serverNow) {
    const state = this.state;
    if (!state || this.element.hidden) return;
    const { roundTable, selfId } = state;
    const clock = turnClock(roundTable.current, roundTable.warningMs, serverNow);
    if (clock) {
      const text = formatTurnTime(clock.remainingMs);
      if (this.countdownValue.textContent !== text) this.countdownValue.textContent = text;
      this.countdown.dataset.remainingMs = String(Math.round(clock.remainingMs));
      this.countdown.dataset.phase = clock.phase;
      this.countdown.classList.toggle('warning', clock.warning);
      this.countdown.classList.toggle('overtime', clock.overtime);
      this.countdown.classList.toggle('paused', clock.paused);
      const labelKey = clock.paused ? 'round.card.paused' : clock.overtime ? 'round.card.overtime' : '';
      const label = labelKey ? t(labelKey) : '';
      if (this.countdownLabel.textContent !== label) this.countdownLabel.textContent = label;
      const spoken = clock.overtime ? t('round.card.overLabel', { time: text }) : t('round.card.leftLabel', { time: text });
      this.countdown.setAttribute('aria-label', `${spoken} ${label}`.trim());
      if (clock.phase !== this.lastPhase) {
        if (clock.phase === 'warning' && this.lastPhase === 'running' && roundTable.current.participantId === selfId) {
          this.announcer.textContent = t('round.card.announceWarning');
        }
        this.lastPhase = clock.phase;
      }
    } else {
      this.lastPhase = null;
    }
    this.drawOwnTime(roundTable, selfId, serverNow);
  }

  drawOwnTime(roundTable, selfId, serverNow) {
    const mine = speakingSummary(roundTable, serverNow).people.find((person) => person.participantId === selfId);
    const ended = roundPhase(roundTable) === 'ended';
    let text = '';
    if (mine?.spoke) text = t('round.card.ownTime', { time: formatSpoken(mine.totalMs) });
    else if (mine) text = t('round.card.ownPassed');
    else if (ended && roundTable.order.includes(selfId)) text = t('round.card.ownNone');
    this.ownTime.hidden = text === '';
    if (this.ownTime.textContent !== text) this.ownTime.textContent = text;
  }
}

function make(tag, className = '', testid = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (testid) element.dataset.testid = testid;
  return element;
}

function button(testid, className, action) {
  const made = make('button', className, testid);
  made.type = 'button';
  made.addEventListener('click', () => {
    if (made.getAttribute('aria-disabled') !== 'true') action();
  });
  return made;
}
