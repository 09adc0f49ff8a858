// The shared timer in the top bar (TM1, TM2). The server keeps a deadline, not a count: each tab
// shows deadline − serverNow, with its clock corrected by the offset measured with ping/pong, so
// every screen in the room and at home shows the same time left, after any reconnect too. The
// face is redrawn four times a second only while the timer runs. The facilitator steers it from a
// small popover; anyone may ask for a beep at the end (off by default, kept per browser).

import { t, onLanguageChange } from './i18n.js';
import { commandTimer, LIMITS } from './protocol.js';
import { formatDuration, timerRemaining } from './schedule.js';
import { toast } from './toasts.js';

const TICK_MS = 250;
const SOUND_KEY = 'atelier.timerSound';

/**
 * What the face shows at a server time: `status` is the timer's, or `ended` once a running
 * timer has reached its deadline.
 */
export function timerFace(timer, serverNow) {
  const { remainingMs, ended } = timerRemaining(timer, serverNow);
  let status = 'stopped';
  if (timer?.status === 'running') status = ended ? 'ended' : 'running';
  else if (timer?.status === 'paused') status = 'paused';
  return { status, remainingMs, text: formatDuration(remainingMs) };
}

export function mountTimer(room) {
  const view = new TimerView(room, document.getElementById('timer-slot'));
  room.engine.subscribe(() => view.render());
  onLanguageChange(() => view.translate());
  view.render();
  return view;
}

class TimerView {
  constructor(room, slot) {
    this.room = room;
    this.lastTimer = undefined;
    this.lastFacilitator = undefined;
    this.lastStatus = null;
    this.ticker = null;
    this.audio = null;
    this.build(slot);
  }

  build(slot) {
    this.face = el('div', 'timer');
    this.face.dataset.testid = 'timer';
    this.face.setAttribute('role', 'timer');
    this.value = el('span', 'timer-value');
    this.label = el('span', 'timer-label');
    this.face.append(this.value, this.label);

    this.menuButton = el('button', 'timer-menu-button');
    this.menuLabel = el('span', 'timer-menu-label'); // on a phone only the caret shows beside a running timer
    this.menuButton.append(this.menuLabel, el('span', 'timer-menu-caret'));
    this.menuButton.lastChild.textContent = '▾';
    this.menuButton.lastChild.setAttribute('aria-hidden', 'true');
    this.menuButton.type = 'button';
    this.menuButton.dataset.testid = 'timer-menu';
    this.menuButton.setAttribute('aria-expanded', 'false');
    this.menuButton.setAttribute('aria-controls', 'timer-popover');
    this.menuButton.addEventListener('click', () => this.setMenuOpen(this.popover.hidden));

    this.popover = el('div', 'timer-popover');
    this.popover.id = 'timer-popover';
    this.popover.dataset.testid = 'timer-popover';
    this.popover.setAttribute('role', 'group');
    this.popover.hidden = true;
    this.popover.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.setMenuOpen(false);
        this.menuButton.focus();
      }
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.popover.hidden && !slot.contains(event.target)) this.setMenuOpen(false);
    });

    this.controls = el('div', 'timer-controls');
    const minutesLabel = el('label', 'timer-minutes-label');
    this.minutesText = el('span');
    this.minutes = el('input', 'timer-minutes');
    Object.assign(this.minutes, { type: 'number', min: '1', max: String(LIMITS.timerSeconds / 60), step: '1' });
    this.minutes.dataset.testid = 'timer-minutes';
    this.minutes.addEventListener('input', () => (this.minutesTouched = true));
    this.minutes.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.start();
    });
    minutesLabel.append(this.minutesText, this.minutes);
    this.buttons = {
      start: this.button('timer-start', () => this.start(), 'primary'),
      pause: this.button('timer-pause', () => this.command('pause')),
      resume: this.button('timer-resume', () => this.command('resume'), 'primary'),
      add: this.button('timer-add', () => this.command('add', 60)),
      stop: this.button('timer-stop', () => this.command('stop')),
    };
    const row = el('div', 'timer-buttons');
    row.append(...Object.values(this.buttons));
    this.controls.append(minutesLabel, row);

    const soundLabel = el('label', 'timer-sound');
    this.sound = el('input');
    this.sound.type = 'checkbox';
    this.sound.dataset.testid = 'timer-sound';
    this.sound.checked = readSound();
    this.sound.addEventListener('change', () => {
      writeSound(this.sound.checked);
      if (this.sound.checked) this.prepareAudio(); // a click: the browser lets audio start now
    });
    this.soundText = el('span');
    soundLabel.append(this.sound, this.soundText);
    this.popover.append(this.controls, soundLabel);

    // Browsers allow sound only after a gesture on the page: prepare it at the first one.
    const unlock = () => {
      if (this.sound.checked) this.prepareAudio();
    };
    document.addEventListener('pointerdown', unlock, { once: true, capture: true });
    document.addEventListener('keydown', unlock, { once: true, capture: true });

    slot.append(this.face, this.menuButton, this.popover);
    this.translate();
  }

  button(testid, action, kind = '') {
    const button = el('button', kind);
    button.type = 'button';
    button.dataset.testid = testid;
    button.addEventListener('click', action);
    return button;
  }

  translate() {
    this.minutesText.textContent = t('agenda.timer.minutes');
    this.buttons.start.textContent = t('agenda.timer.start');
    this.buttons.pause.textContent = t('agenda.timer.pause');
    this.buttons.resume.textContent = t('agenda.timer.resume');
    this.buttons.add.textContent = t('agenda.timer.addMinute');
    this.buttons.stop.textContent = t('agenda.timer.stop');
    this.soundText.textContent = t('agenda.timer.sound');
    this.popover.setAttribute('aria-label', t('agenda.timer.settings'));
    this.lastStatus = null; // redraw the texts of the face too
    this.render({ force: true });
  }

  setMenuOpen(open) {
    this.popover.hidden = !open;
    this.menuButton.setAttribute('aria-expanded', String(open));
    if (!open) return;
    this.minutesTouched = false;
    this.fillMinutes();
    const first = this.room.isFacilitator() ? this.minutes : this.sound;
    first.focus();
  }

  /** The default length is the current step's, as planned in the agenda. */
  fillMinutes() {
    const { agenda, progress } = this.room.engine.arrangement();
    const step = agenda.find((s) => s.id === progress.currentStepId);
    this.minutes.value = String(step?.minutes > 0 ? step.minutes : 5);
  }

  start() {
    const minutes = Number(this.minutes.value);
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > LIMITS.timerSeconds / 60) {
      this.minutes.setCustomValidity(t('agenda.timer.minutesInvalid'));
      this.minutes.reportValidity();
      return;
    }
    this.minutes.setCustomValidity('');
    this.command('start', Math.round(minutes * 60));
  }

  command(action, seconds) {
    this.room.connection.send(commandTimer(this.room.ids, action, seconds));
  }

  render({ force = false } = {}) {
    const { timer } = this.room.engine.arrangement();
    const facilitator = this.room.isFacilitator();
    // A note moved: the timer did not; the running face has its own ticker.
    if (!force && timer === this.lastTimer && facilitator === this.lastFacilitator) return;
    this.lastFacilitator = facilitator;
    this.controls.hidden = !facilitator;
    this.menuLabel.textContent = facilitator ? t('agenda.timer.menu') : '♪';
    this.menuButton.setAttribute('aria-label', t(facilitator ? 'agenda.timer.settings' : 'agenda.timer.soundMenu'));
    this.menuButton.title = this.menuButton.getAttribute('aria-label');
    if (timer !== this.lastTimer) {
      this.lastTimer = timer;
      this.showButtons(timer.status);
      if (!this.minutesTouched && document.activeElement !== this.minutes) this.fillMinutes();
    }
    this.tick();
  }

  showButtons(status) {
    this.buttons.pause.hidden = status !== 'running';
    this.buttons.resume.hidden = status !== 'paused';
    this.buttons.add.hidden = status === 'stopped';
    this.buttons.stop.hidden = status === 'stopped';
    this.buttons.start.classList.toggle('primary', status === 'stopped'); // one main action at a time
  }

  /** Draws the face from the shared deadline; keeps ticking only while the timer runs. */
  tick() {
    const face = timerFace(this.lastTimer, this.room.connection.serverNow());
    this.value.textContent = face.text;
    this.face.dataset.remainingMs = String(Math.round(face.remainingMs));
    if (face.status !== this.lastStatus) {
      const wasRunning = this.lastStatus === 'running';
      this.lastStatus = face.status;
      this.face.dataset.status = face.status;
      this.face.hidden = face.status === 'stopped';
      this.face.parentElement?.classList.toggle('timer-shown', !this.face.hidden);
      this.face.classList.toggle('timer-ended', face.status === 'ended');
      this.face.classList.toggle('timer-paused', face.status === 'paused');
      this.label.textContent = face.status === 'ended' ? t('agenda.timer.ended') : face.status === 'paused' ? t('agenda.timer.paused') : '';
      this.face.setAttribute('aria-label', `${t('agenda.timer.label')} ${face.text} ${this.label.textContent}`.trim());
      if (face.status === 'ended' && wasRunning) this.announceEnd();
    }
    const running = face.status === 'running';
    if (running && this.ticker === null) this.ticker = setInterval(() => this.tick(), TICK_MS);
    if (!running && this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  /** Seen live, not on joining after the end: a toast for everyone, and a beep when asked for. */
  announceEnd() {
    toast(t('agenda.timer.ended'));
    if (this.sound.checked) this.beep();
  }

  prepareAudio() {
    const AudioContext = globalThis.AudioContext ?? globalThis.webkitAudioContext;
    if (!AudioContext) return null;
    this.audio ??= new AudioContext();
    if (this.audio.state === 'suspended') this.audio.resume().catch(() => {});
    return this.audio;
  }

  /** Three short tones, soft enough for a room with a projector. */
  beep() {
    const audio = this.prepareAudio();
    if (!audio) return;
    const start = audio.currentTime + 0.05;
    for (let i = 0; i < 3; i += 1) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.25);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + i * 0.35);
      oscillator.stop(start + i * 0.35 + 0.26);
    }
  }
}

function el(tag, className = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  return element;
}

function readSound() {
  try {
    return globalThis.localStorage?.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

function writeSound(on) {
  try {
    globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Without storage the choice lasts for this page only.
  }
}
