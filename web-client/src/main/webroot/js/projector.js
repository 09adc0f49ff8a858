// The projector view (/w/:id/projector): the room's screen, read from the back of the room. It joins
// as an observer (HS8): nobody, in no list of people, and it sends no change. It shows the workshop's
// title and the current step and, while a round table runs, who speaks, who comes next and the
// turn's countdown (amber near the end, red and counting up past it, frozen while paused); with no
// round, the step and the agenda's timer. Times are the server's (connection.serverNow, TM1), so it
// agrees with every other screen. The language is the workshop's; this screen's own choice is not
// kept. F or the button puts it in full screen; Q or its button shows the join link's QR code.

import { Connection } from './connection.js';
import { frameScheduler } from './frame-scheduler.js';
import { initLanguage, language, onLanguageChange, setLanguage, t, translatePage } from './i18n.js';
import { faceIsMoving, projectorFace } from './projector-face.js';
import { identityFor, takeFacilitatorKey } from './identity.js';
import { mountProjectorGate } from './projector-gate.js';
import { mountProjectorQr } from './projector-qr.js';
import { showStatus } from './status-view.js';
import { SyncEngine } from './sync-engine.js';

/** The countdown's text changes once a second; repainting ten times a second keeps it on time. */
const TICK_MS = 100;
/** Without a pointer move for this long, the pointer and the corner's buttons step aside. */
const IDLE_MS = 3000;
/** Longer names get a smaller size so that they stay on two lines. */
const LONG_NAME = 16;

const PHASE_KEYS = { warning: 'projector.warning', overtime: 'projector.overtime', paused: 'projector.paused' };
const TIMER_KEYS = { paused: 'agenda.timer.paused', ended: 'agenda.timer.ended' };

class ProjectorView {
  constructor({ engine, connection }) {
    this.engine = engine;
    this.connection = connection;
    this.workshop = null; // from welcome: {id, title, language}
    this.failure = null;
    this.status = connection.status();
    this.ticker = null;
    const $ = (id) => document.getElementById(id);
    this.el = {
      title: $('projector-title'),
      step: $('projector-step'),
      message: $('projector-message'),
      round: $('projector-round'),
      speaker: $('projector-speaker'),
      countdown: $('projector-countdown'),
      phase: $('projector-phase'),
      next: $('projector-next'),
      agenda: $('projector-agenda'),
      agendaTitle: $('projector-agenda-title'),
      timer: $('projector-timer'),
      timerState: $('projector-timer-state'),
      status: $('projector-status'),
    };
    this.schedule = frameScheduler(() => this.render());
  }

  welcomed(workshop) {
    this.workshop = workshop;
    this.schedule();
  }

  /** Called on every engine change too: the indicator (a live region) is rewritten only when it changes. */
  statusChanged(status) {
    const before = this.status;
    this.status = status;
    this.failure = status.failure;
    if (before.state !== status.state || before.unsent !== status.unsent || !this.el.status.textContent) {
      showStatus(this.el.status, status);
    }
    this.schedule();
  }

  /** Draws everything from the shared state; cheap, and writes only what changed. */
  render() {
    const { el } = this;
    setText(el.title, this.workshop?.title ?? '');
    const title = this.workshop ? `${this.workshop.title} · ${t('projector.title')}` : t('projector.title');
    if (document.title !== title) document.title = title;
    // Until the first pong the clock is this computer's own, perhaps minutes off: no time is shown.
    if (this.failure || !this.workshop || !this.connection.clock.ready()) {
      setText(el.message, this.failure ? t(`failure.${this.failure}`) : t('projector.loading'));
      el.message.hidden = false;
      el.round.hidden = el.agenda.hidden = el.step.hidden = true;
      this.keepTicking(false);
      return;
    }
    el.message.hidden = true;
    const serverNow = this.connection.serverNow();
    const names = new Map(this.engine.participantList().map((person) => [person.id, person.name]));
    const face = projectorFace(this.engine.arrangement(), names, serverNow);
    this.paintStep(face);
    if (face.round) this.paintRound(face.round);
    else this.paintAgenda(face);
    el.round.hidden = !face.round;
    el.agenda.hidden = Boolean(face.round);
    this.keepTicking(faceIsMoving(face));
  }

  paintStep({ step, round }) {
    this.el.step.hidden = !step;
    if (!step) return;
    const where = { number: step.number, count: step.count, title: step.title };
    // During a round the step is the small line above it; otherwise its title is the screen.
    setText(this.el.step, t(round ? 'projector.stepLine' : 'projector.stepOf', where));
  }

  paintRound(round) {
    const { speaker, countdown, phase, next } = this.el;
    const name = round.speakerName ?? t('projector.unknownPerson');
    setText(speaker, name);
    speaker.dataset.participantId = round.speakerId;
    speaker.classList.toggle('projector-speaker-long', name.length > LONG_NAME);
    if (setText(countdown, round.text)) {
      countdown.setAttribute('aria-label', t('projector.countdownLabel', { time: round.text }));
    }
    countdown.dataset.remainingMs = String(Math.round(round.remainingMs));
    // When this was painted, on the page's monotonic clock (never set by hand): how old the reading is.
    countdown.dataset.paintedAt = String(Math.round(performance.now()));
    countdown.dataset.phase = round.phase;
    setText(phase, PHASE_KEYS[round.phase] ? t(PHASE_KEYS[round.phase]) : round.secondChance ? t('projector.secondChance') : '');
    phase.dataset.phase = round.phase;
    if (round.nextId === null) {
      setText(next, t('projector.lastTurn'));
      delete next.dataset.participantId;
    } else {
      setText(next, t('projector.next', { name: round.nextName ?? t('projector.unknownPerson') }));
      next.dataset.participantId = round.nextId;
    }
  }

  paintAgenda({ step, timer }) {
    const { agendaTitle, timer: face, timerState } = this.el;
    setText(agendaTitle, step ? step.title : t('projector.noStep'));
    agendaTitle.classList.toggle('projector-waiting', !step);
    face.hidden = !timer;
    timerState.hidden = !timer;
    if (!timer) return;
    if (setText(face, timer.text)) face.setAttribute('aria-label', t('projector.timerLabel', { time: timer.text }));
    face.dataset.status = timer.status;
    face.dataset.remainingMs = String(Math.round(timer.remainingMs));
    setText(timerState, TIMER_KEYS[timer.status] ? t(TIMER_KEYS[timer.status]) : '');
  }

  /** A ticker only while the time shown moves by itself (a running turn or timer). */
  keepTicking(moving) {
    if (moving && this.ticker === null) this.ticker = setInterval(() => this.render(), TICK_MS);
    if (!moving && this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  translate() {
    showStatus(this.el.status, this.status);
    this.el.countdown.removeAttribute('aria-label');
    this.el.timer.removeAttribute('aria-label');
    this.el.countdown.textContent = this.el.timer.textContent = ''; // so the labels are written again
    this.render();
  }
}

/** Sets an element's text when it differs; answers whether it did. */
function setText(element, text) {
  if (element.textContent === text) return false;
  element.textContent = text;
  return true;
}

/** The full-screen button and the F key (Escape leaves, as the browser has it). */
function bindFullscreen(button) {
  if (!document.fullscreenEnabled) {
    button.hidden = true;
    return;
  }
  const toggle = () => {
    const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    done?.catch?.(() => {}); // refused (no gesture, a policy): the page stays as it is
  };
  button.addEventListener('click', toggle);
  document.addEventListener('keydown', (event) => {
    if (event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'f' || event.key === 'F') {
      event.preventDefault();
      toggle();
    }
  });
  const label = () => {
    button.dataset.i18n = document.fullscreenElement ? 'projector.exitFullscreen' : 'projector.fullscreen';
    button.textContent = t(button.dataset.i18n);
  };
  document.addEventListener('fullscreenchange', label);
  label();
}

/** Switches this screen's language only: the workshop's stays the default of every other screen. */
function bindLanguage(button, chosen) {
  button.addEventListener('click', () => {
    chosen.value = true;
    setLanguage(language() === 'fr' ? 'en' : 'fr', null);
  });
}

/** The pointer and the corner step aside when nobody moves the mouse (a projected screen). */
function fadeWhenIdle(body) {
  let timer = null;
  const awake = () => {
    body.classList.remove('projector-idle');
    clearTimeout(timer);
    timer = setTimeout(() => body.classList.add('projector-idle'), IDLE_MS);
  };
  for (const type of ['pointermove', 'pointerdown', 'keydown']) document.addEventListener(type, awake, { passive: true });
  awake();
}

function start() {
  const workshopId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
  initLanguage(document.documentElement.lang.startsWith('en') ? 'en' : 'fr');
  translatePage(document);
  const engine = new SyncEngine();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // HS9: opened from a facilitator's browser, the key or the token kept for this workshop lets the
  // screen past a lock or a passcode; elsewhere the passcode is asked (projector-gate.js).
  const identity = identityFor(workshopId, localStorage, takeFacilitatorKey(workshopId, location, history));
  const connection = new Connection({ url: `${scheme}://${location.host}/ws`, workshopId, engine, identity, observe: true });
  const view = new ProjectorView({ engine, connection });
  const languageChosen = { value: false };

  engine.subscribe(() => view.schedule());
  connection.onState((status) => view.statusChanged(status));
  connection.onMessage((message) => {
    if (message.type === 'pong') view.schedule(); // the first one sets the clock: the screen can show times
    if (message.type !== 'welcome') return;
    engine.welcomedAs(message.participant?.id ?? null); // null: an observer is nobody
    if (!languageChosen.value) setLanguage(message.workshop.language, null); // not kept: the reader's own choice elsewhere stays
    view.welcomed(message.workshop);
  });
  onLanguageChange(() => view.translate());
  bindFullscreen(document.getElementById('projector-fullscreen'));
  bindLanguage(document.getElementById('projector-language'), languageChosen);
  mountProjectorGate({ connection, identity });
  mountProjectorQr(workshopId); // RO7: the join link's QR code in a corner, Q or its button
  fadeWhenIdle(document.body);
  addEventListener('offline', () => connection.wentOffline());
  addEventListener('online', () => connection.retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') connection.retryNow();
  });
  window.atelierProjector = { engine, connection, view };
  connection.start();
  view.render();
}

start();
