// The facilitator's round table panel, in the side panel like the agenda: the round's controls
// (start, next, previous, pass, pause and resume, more time, end: RT4 to RT7), the raised hands to
// accept or decline (RT2), the speaking order (RT1, speaking-order.js), the length of a turn and
// of its warning (RT3, round-settings.js), and the speaking time, live and then summed up (RT9,
// round-summary.js). Only the facilitator gets the button that opens it; the server refuses the
// rest from anyone else anyway (FA1).

import { t } from './i18n.js';
import {
  addTurnTime,
  answerHand,
  endRound,
  nextTurn,
  passTurn,
  pauseRound,
  previousTurn,
  resumeRound,
  startRound,
} from './protocol.js';
import { formatTurnTime, turnClock, upcomingSpeaker } from './round-clock.js';
import { roundPhase } from './round-order.js';
import { drawPerson, personName } from './round-person.js';
import { RoundSettings } from './round-settings.js';
import { RoundSummary } from './round-summary.js';
import { SpeakingOrderEditor } from './speaking-order.js';

export class RoundPanel {
  constructor(room, aside, tools) {
    this.room = room;
    this.aside = aside;
    this.state = null;
    this.second = null; // the last whole second the live totals were drawn for
    this.build(aside, tools);
  }

  build(aside, tools) {
    this.toggle = make('button', 'link-button round-table-toggle', 'round-table-toggle');
    this.toggle.type = 'button';
    this.toggle.hidden = true;
    this.toggle.setAttribute('aria-controls', 'round-panel');
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggleText = make('span');
    this.handCount = make('span', 'round-hand-count', 'round-hand-count');
    this.toggle.append(this.toggleText, this.handCount);
    this.toggle.addEventListener('click', () => this.setOpen(this.element.hidden));
    tools.append(this.toggle);

    const panel = make('section', 'round-panel', 'round-panel');
    panel.id = 'round-panel';
    panel.hidden = true;
    panel.setAttribute('aria-labelledby', 'round-panel-title');
    panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      this.setOpen(false);
    });
    this.element = panel;
    const head = make('div', 'round-panel-head');
    this.heading = make('h2');
    this.heading.id = 'round-panel-title';
    this.heading.tabIndex = -1;
    this.closeButton = this.button('round-panel-close', 'icon-button', () => this.setOpen(false));
    this.closeButton.textContent = '×';
    head.append(this.heading, this.closeButton);

    this.now = make('p', 'round-now', 'round-now'); // not live: it changes four times a second
    this.controls = this.buildControls();
    this.hands = this.buildHands();
    this.editor = new SpeakingOrderEditor(this.room);
    this.orderSection = section('round-order-section', this.editor.element);
    this.settings = new RoundSettings(this.room);
    this.summary = new RoundSummary();
    this.summarySection = section('round-summary-section', this.summary.element);
    const sections = [this.hands.element, this.orderSection.element, this.settings.element, this.summarySection.element];
    panel.append(head, this.now, this.controls, ...sections);
    aside.append(panel);

    // One side panel at a time: opening the agenda closes this one (and the reverse, in setOpen).
    const agenda = document.getElementById('agenda-panel');
    if (agenda) {
      new MutationObserver(() => {
        if (!agenda.hidden && !this.element.hidden) this.setOpen(false, { focusToggle: false });
      }).observe(agenda, { attributes: true, attributeFilter: ['hidden'] });
    }
  }

  button(testid, className, action) {
    const made = make('button', className, testid);
    made.type = 'button';
    made.addEventListener('click', () => {
      if (made.getAttribute('aria-disabled') !== 'true') action();
    });
    return made;
  }

  buildControls() {
    const controls = make('div', 'round-controls', 'round-controls');
    controls.setAttribute('role', 'group');
    this.startButton = this.button('round-start', 'primary', () => this.start());
    this.startReason = make('p', 'help round-start-reason', 'round-start-reason');
    this.startReason.id = 'round-start-reason';
    const send = (builder) => () => this.room.connection.send(builder(this.room.ids));
    this.previousButton = this.button('round-previous', '', send(previousTurn));
    this.nextButton = this.button('round-next', 'primary', send(nextTurn));
    this.passButton = this.button('round-pass', '', send(passTurn));
    this.pauseButton = this.button('round-pause', '', send(pauseRound));
    this.resumeButton = this.button('round-resume', 'primary', send(resumeRound));
    this.add30Button = this.button('round-add-30', '', () => this.room.connection.send(addTurnTime(this.room.ids, 30)));
    this.add60Button = this.button('round-add-60', '', () => this.room.connection.send(addTurnTime(this.room.ids, 60)));
    this.endButton = this.button('round-end', 'link-button danger', send(endRound));
    this.running = make('div', 'round-running');
    const turns = make('div', 'round-control-row');
    turns.append(this.previousButton, this.nextButton, this.passButton);
    const time = make('div', 'round-control-row');
    time.append(this.pauseButton, this.resumeButton, this.add30Button, this.add60Button);
    this.nextHelp = make('p', 'help round-next-help', 'round-next-help');
    this.running.append(turns, this.nextHelp, time, this.endButton);
    controls.append(this.startButton, this.startReason, this.running);
    return controls;
  }

  buildHands() {
    const list = make('ul', 'round-hands', 'round-hands');
    const built = section('round-hands-section', list);
    built.list = list;
    return built;
  }

  /** Opens or closes the panel; the side panel stays open while another feature shows in it. */
  setOpen(open, { focusToggle = true } = {}) {
    if (open) {
      const agendaToggle = document.querySelector('[data-testid=agenda-toggle][aria-expanded=true]');
      agendaToggle?.click(); // one side panel at a time
    }
    this.element.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.aside.hidden = ![...this.aside.children].some((child) => !child.hidden);
    document.body.classList.toggle('round-panel-open', open);
    if (open) {
      if (this.state) this.render(this.state);
      this.element.scrollTop = 0; // the controls first, whatever was read last time
      this.heading.focus();
    } else if (focusToggle && (this.element.contains(document.activeElement) || document.activeElement === document.body)) {
      this.toggle.focus();
    }
  }

  start() {
    const { roundTable } = this.state;
    if (roundTable.turns.length > 0 && !window.confirm(t('round.panel.restartConfirm'))) return;
    this.room.connection.send(startRound(this.room.ids));
  }

  /** @param state {roundTable, facilitator, selfId, people, participants, remote} */
  render(state) {
    this.state = state;
    const { roundTable, facilitator } = state;
    this.toggle.hidden = !facilitator;
    this.toggleText.textContent = t('round.panel.toggle');
    const hands = roundTable.hands.length;
    this.handCount.hidden = hands === 0;
    this.handCount.textContent = String(hands);
    this.toggle.setAttribute('aria-label', hands === 0 ? t('round.panel.toggle') : t('round.panel.toggleHands', { count: hands }));
    if (!facilitator && !this.element.hidden) this.setOpen(false);
    this.heading.textContent = t('round.panel.title');
    this.closeButton.setAttribute('aria-label', t('round.panel.close'));
    this.closeButton.title = t('round.panel.close');
    if (this.element.hidden) return;
    this.drawControls(state);
    this.drawHands(state);
    this.orderSection.title.textContent = t('round.order.title', { count: roundTable.order.length });
    this.editor.render(state);
    this.settings.render(roundTable);
    const phase = roundPhase(roundTable);
    // Once the round has ended its summary is what the facilitator came for: it follows the
    // controls; while a round is being prepared or run it waits at the end, below the order.
    const summaryPlace = phase === 'ended' ? this.controls : this.settings.element;
    if (summaryPlace.nextElementSibling !== this.summarySection.element) summaryPlace.after(this.summarySection.element);
    this.summarySection.element.hidden = phase === 'idle';
    this.summarySection.title.textContent = t(phase === 'ended' ? 'round.summary.title' : 'round.summary.liveTitle');
    this.second = null;
    this.tick(this.room.connection.serverNow());
  }

  drawControls({ roundTable, people }) {
    const running = roundTable.current !== null;
    const empty = roundTable.order.length === 0;
    this.startButton.hidden = running;
    this.startButton.textContent = t(roundTable.turns.length > 0 ? 'round.panel.restart' : 'round.panel.start');
    this.startButton.setAttribute('aria-disabled', String(empty));
    if (empty) this.startButton.setAttribute('aria-describedby', 'round-start-reason');
    else this.startButton.removeAttribute('aria-describedby');
    this.startReason.hidden = running || !empty;
    this.startReason.textContent = t('round.panel.startReason');
    this.running.hidden = !running;
    if (!running) return;
    const paused = !Number.isFinite(roundTable.current.deadline);
    this.previousButton.textContent = t('round.panel.previous');
    this.previousButton.setAttribute('aria-disabled', String(roundTable.turns.length === 0));
    const upcoming = upcomingSpeaker(roundTable);
    this.nextButton.textContent = t(upcoming === null ? 'round.panel.finish' : 'round.panel.next');
    this.nextButton.setAttribute('aria-label', upcoming === null ? t('round.panel.finishLabel') : t('round.panel.nextLabel', { name: personName(people.get(upcoming)) }));
    this.nextHelp.textContent = upcoming === null ? t('round.panel.lastTurn') : t('round.card.next', { name: personName(people.get(upcoming)) });
    this.passButton.textContent = t('round.panel.pass');
    this.passButton.setAttribute('aria-label', t('round.panel.passLabel', { name: personName(people.get(roundTable.current.participantId)) }));
    this.pauseButton.hidden = paused;
    this.resumeButton.hidden = !paused;
    this.pauseButton.textContent = t('round.panel.pause');
    this.resumeButton.textContent = t('round.panel.resume');
    this.add30Button.textContent = '+30 s'; // the units read the same in French and English
    this.add60Button.textContent = '+1 min';
    this.add30Button.setAttribute('aria-label', t('round.panel.addHalfMinute'));
    this.add60Button.setAttribute('aria-label', t('round.panel.addMinute'));
    this.endButton.textContent = t('round.panel.end');
  }

  drawHands({ roundTable, people, remote }) {
    const { hands } = roundTable;
    this.hands.element.hidden = hands.length === 0;
    this.hands.title.textContent = t('round.hands.title', { count: hands.length });
    const focused = this.hands.list.contains(document.activeElement);
    this.hands.list.replaceChildren(
      ...hands.map((id) => {
        const item = make('li', 'round-hand', 'round-hand');
        item.dataset.participantId = id;
        const who = make('span', 'round-hand-who');
        const name = drawPerson(who, people.get(id), { remote: remote.has(id) });
        const accept = this.button('round-hand-accept', 'primary', () => this.answer(id, true));
        accept.textContent = t('round.hands.accept');
        accept.setAttribute('aria-label', t('round.hands.acceptLabel', { name }));
        const decline = this.button('round-hand-decline', '', () => this.answer(id, false));
        decline.textContent = t('round.hands.decline');
        decline.setAttribute('aria-label', t('round.hands.declineLabel', { name }));
        const buttons = make('span', 'round-hand-buttons');
        buttons.append(accept, decline);
        item.append(who, buttons);
        return item;
      }),
    );
    if (focused && !this.hands.list.contains(document.activeElement)) {
      (this.hands.list.querySelector('button') ?? this.heading).focus({ preventScroll: true });
    }
  }

  answer(participantId, accept) {
    this.room.connection.send(answerHand(this.room.ids, participantId, accept));
  }

  /** The live line and totals: the countdown every tick, the totals once a second. */
  tick(serverNow) {
    const state = this.state;
    if (!state || this.element.hidden) return;
    const { roundTable, people, selfId } = state;
    const clock = turnClock(roundTable.current, roundTable.warningMs, serverNow);
    const phase = roundPhase(roundTable);
    let text;
    if (clock) {
      const name = personName(people.get(roundTable.current.participantId));
      const key = clock.paused ? 'round.panel.nowPaused' : 'round.panel.nowRunning';
      text = t(key, { name, time: formatTurnTime(clock.remainingMs) });
      this.now.dataset.phase = clock.phase;
    } else {
      text = t(phase === 'ended' ? 'round.panel.nowEnded' : 'round.panel.nowIdle');
      delete this.now.dataset.phase;
    }
    if (this.now.textContent !== text) this.now.textContent = text;
    const second = Math.floor(serverNow / 1000);
    if (phase !== 'idle' && (second !== this.second || !clock || clock.paused)) {
      this.second = second;
      this.summary.render(roundTable, serverNow, { people, selfId, final: phase === 'ended' });
    }
  }
}

/** A titled part of the panel: {element, title}. */
function section(testid, content) {
  const element = make('section', 'round-section', testid);
  const title = make('h3');
  element.append(title, content);
  return { element, title };
}

function make(tag, className = '', testid = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (testid) element.dataset.testid = testid;
  return element;
}
