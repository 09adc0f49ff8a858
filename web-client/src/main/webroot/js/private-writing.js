// Private writing on the workshop page (issue 6, point 3; PW1, PW2, CU4). The server does the
// hiding: others' notes on a canvas in private writing never reach this page, and an anonymous
// canvas's notes come without authors. This module says so to people: the facilitator's canvas
// tool (start, then reveal), a banner over the board of such a canvas with the count of notes it
// hides from this reader (and, for the facilitator, Reveal), a lock or "anonyme" on the tabs, a
// toast when writing turns private or is revealed, and no pointers of others where they would
// tell whose note is whose.

import { frameScheduler } from './frame-scheduler.js';
import { language, onLanguageChange, t } from './i18n.js';
import { openRevealDialog, openStartDialog } from './private-dialogs.js';
import { canvasPrivacy, hiddenCountKey, hidesPointers, privacyMark, privacyMoves } from './private-writing-state.js';
import { toast } from './toasts.js';

/** A padlock, drawn rather than typed: every font shows it the same. */
const LOCK_PATHS = ['M7 11V8a5 5 0 0 1 10 0v3', 'M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z'];

/** Mounts private writing; needs room.canvases (canvases.js) and room.presence. */
export function mountPrivateWriting(room) {
  const { engine } = room;
  const banner = new PrivateBanner({ onReveal: () => withCurrent((canvas) => openRevealDialog(room, canvas)) });
  room.board.toolbar.after(banner.element);
  const tool = room.canvases.addTool({
    name: 'privacy',
    testid: 'private-writing-tool',
    key: 'private.start',
    titleKey: 'private.startHint',
    action: () => withCurrent((canvas) => (isPrivate(canvas.id) ? openRevealDialog : openStartDialog)(room, canvas)),
    facilitatorOnly: true,
  });
  room.canvases.addTabMarks((canvasId) => tabMarks(engine.arrangement(), canvasId));
  room.presence.hidesCanvas = (canvasId) => hidesPointers(engine.arrangement(), canvasId);

  let seen = null; // what the page knew of privacy at its last look, to tell what changed
  let drawn = null; // [arrangement, canvas, language, facilitator] last drawn: notes moving skip the work
  const update = () => {
    const arrangement = engine.arrangement();
    if (arrangement.canvases.size === 0) return; // the workshop's state has not arrived yet
    const canvasId = room.canvases.current();
    const facilitator = room.isFacilitator();
    const now = [arrangement, canvasId, language(), facilitator];
    if (drawn && now.every((value, index) => value === drawn[index])) return;
    drawn = now;
    announce(privacyMoves(seen, arrangement), arrangement);
    seen = privacyMark(arrangement);
    const privacy = canvasPrivacy(arrangement, canvasId);
    banner.show(privacy, facilitator);
    // One tool that does the next thing: start private writing, or reveal it.
    tool.dataset.state = privacy.isPrivate ? 'private' : 'public';
    tool.dataset.key = privacy.isPrivate ? 'private.reveal' : 'private.start';
    tool.dataset.titleKey = privacy.isPrivate ? 'private.revealHint' : 'private.startHint';
    tool.textContent = t(tool.dataset.key);
    tool.title = t(tool.dataset.titleKey);
  };
  const schedule = frameScheduler(update);
  engine.subscribe(schedule);
  room.canvases.onChange(schedule);
  onLanguageChange(update);

  function isPrivate(canvasId) {
    return engine.arrangement().privateCanvases.has(canvasId);
  }

  function withCurrent(action) {
    const canvas = engine.arrangement().canvases.get(room.canvases.current());
    if (canvas) action(canvas);
  }
}

/** Tells everyone when a canvas turns private or is revealed, wherever they are. */
function announce({ started, revealed }, arrangement) {
  for (const canvasId of started) {
    toast(t('private.started', { name: arrangement.canvases.get(canvasId).name }));
  }
  for (const canvasId of revealed) {
    const key = arrangement.anonymousCanvases.has(canvasId) ? 'private.revealedAnonymous' : 'private.revealed';
    toast(t(key, { name: arrangement.canvases.get(canvasId).name }));
  }
}

/** The lock of a canvas in private writing and the "anonyme" of an anonymous one, on its tab. */
function tabMarks(arrangement, canvasId) {
  const { isPrivate, anonymous } = canvasPrivacy(arrangement, canvasId);
  const marks = [];
  if (isPrivate) {
    const label = t('private.privateMark');
    marks.push({ key: `private:${label}`, build: () => lockMark(label) });
  }
  if (anonymous) {
    const label = t('private.anonymousMark');
    marks.push({ key: `anonymous:${label}`, build: () => chip('private-tab-anonymous', 'private-anonymous-mark', label) });
  }
  return marks;
}

function lockMark(label) {
  const mark = document.createElement('span');
  mark.className = 'private-tab-lock';
  mark.dataset.testid = 'private-tab-mark';
  mark.title = label;
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = label;
  mark.append(lock(), words);
  return mark;
}

function chip(className, testid, text) {
  const element = document.createElement('span');
  element.className = className;
  element.dataset.testid = testid;
  element.textContent = text;
  return element;
}

function lock() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('private-lock');
  for (const path of LOCK_PATHS) {
    const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    shape.setAttribute('d', path);
    svg.append(shape);
  }
  return svg;
}

/**
 * Over the board of a canvas in private writing: what it means for this reader, how many notes of
 * others it hides from them, and the facilitator's Reveal. On an anonymous canvas, a quieter line.
 */
class PrivateBanner {
  constructor({ onReveal }) {
    this.element = document.createElement('section');
    this.element.className = 'private-banner';
    this.element.dataset.testid = 'private-banner';
    this.element.hidden = true;
    this.text = document.createElement('span');
    this.text.className = 'private-banner-text';
    this.text.dataset.testid = 'private-banner-text';
    this.count = document.createElement('span');
    this.count.className = 'private-hidden-count';
    this.count.dataset.testid = 'private-hidden-count';
    this.anonymous = chip('private-banner-anonymous', 'private-banner-anonymous', '');
    this.reveal = document.createElement('button');
    this.reveal.type = 'button';
    this.reveal.className = 'primary private-reveal';
    this.reveal.dataset.testid = 'private-reveal';
    this.reveal.addEventListener('click', () => onReveal());
    const words = document.createElement('p');
    words.className = 'private-banner-words';
    words.append(this.text, this.count, this.anonymous);
    this.element.append(lock(), words, this.reveal);
  }

  show({ isPrivate, anonymous, hidden }, facilitator) {
    this.element.hidden = !isPrivate && !anonymous;
    this.element.classList.toggle('anonymous-only', !isPrivate);
    this.element.setAttribute('aria-label', t(isPrivate ? 'private.start' : 'private.anonymousMark'));
    setText(this.text, t(isPrivate ? 'private.banner' : 'private.anonymousBanner'));
    this.count.hidden = !isPrivate;
    setText(this.count, t(hiddenCountKey(hidden), { count: hidden }));
    this.count.dataset.count = String(hidden);
    this.anonymous.hidden = !(isPrivate && anonymous);
    setText(this.anonymous, t('private.anonymousMark'));
    this.reveal.hidden = !(isPrivate && facilitator);
    setText(this.reveal, t('private.reveal'));
  }
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
