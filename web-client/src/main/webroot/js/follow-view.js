// What a participant sees of following (FS3): the "Suivre l'animation" toggle in the board's
// toolbar (a pressed button, aria-pressed), and a badge at the top of the board that says who is
// followed, or that following stopped, with the one button that stops or resumes it. The badge is
// drawn over the board but takes no part in its gestures.

import { t } from './i18n.js';

const STOPPED_SHOWN_MS = 10000;

export class FollowControls {
  /**
   * @param {{toolbar: HTMLElement, board: HTMLElement, onToggle: () => void}} options
   *   `onToggle` starts following when off, stops it when on (the toggle and the badge's button).
   */
  constructor({ toolbar, board, onToggle }) {
    this.toggle = make('button', 'follow-toggle', 'follow-toggle');
    this.toggle.type = 'button';
    this.toggle.hidden = true;
    this.toggleLong = make('span', 'follow-toggle-long');
    this.toggleShort = make('span', 'follow-toggle-short');
    this.toggleShort.setAttribute('aria-hidden', 'true');
    this.toggle.append(this.toggleLong, this.toggleShort);
    this.toggle.addEventListener('click', () => onToggle());
    toolbar.insertBefore(this.toggle, toolbar.querySelector('.zoom-controls'));

    this.badge = make('div', 'follow-badge', 'follow-badge');
    this.badge.hidden = true;
    this.badgeText = make('span', 'follow-badge-text', 'follow-badge-text');
    this.badgeText.setAttribute('role', 'status');
    this.badgeButton = make('button', 'follow-badge-button', 'follow-badge-button');
    this.badgeButton.type = 'button';
    this.badgeButton.addEventListener('click', () => onToggle());
    this.badge.append(this.badgeText, this.badgeButton);
    board.append(this.badge);
    this.board = board;

    this.stoppedTimer = null;
    this.shown = null; // the state last drawn: none, following or stopped
    this.expired = false; // the stopped badge has been shown long enough
  }

  /** Whether an event happened on the badge (its button is not the board being touched). */
  contains(target) {
    return this.badge.contains(target);
  }

  /**
   * @param {{offered: boolean, following: boolean, interrupted: boolean, leading: boolean,
   *   leaderName: string|null}} state
   *   `offered`: this screen may follow (a participant's); `interrupted`: the person's own gesture
   *   just stopped it; `leading`: a facilitator's view is known; `leaderName`: whose (if known).
   */
  render({ offered, following, interrupted, leading, leaderName }) {
    this.toggle.hidden = !offered;
    setAttribute(this.toggle, 'aria-pressed', String(following));
    setAttribute(this.toggle, 'title', t('follow.toggleHint'));
    setAttribute(this.toggle, 'aria-label', t('follow.toggle'));
    setText(this.toggleLong, t('follow.toggle'));
    setText(this.toggleShort, t('follow.toggleShort'));

    const state = !offered ? 'none' : following ? 'following' : interrupted ? 'stopped' : 'none';
    if (state !== this.shown) this.stateChanged(state);
    this.board.classList.toggle('following', state === 'following');
    this.badge.hidden = state === 'none' || (state === 'stopped' && this.expired);
    this.badge.dataset.state = this.badge.hidden ? 'none' : state;
    if (state === 'following') {
      const text = !leading
        ? t('follow.waiting')
        : leaderName
          ? t('follow.following', { name: leaderName })
          : t('follow.followingFacilitator');
      setText(this.badgeText, text);
      setText(this.badgeButton, t('follow.stop'));
      setAttribute(this.badgeButton, 'aria-label', t('follow.stopLabel'));
    } else if (state === 'stopped') {
      setText(this.badgeText, t('follow.stopped'));
      setText(this.badgeButton, t('follow.resume'));
      setAttribute(this.badgeButton, 'aria-label', t('follow.resumeLabel'));
    }
  }

  /** A stopped badge goes away after a while; the toggle stays, one click from resuming. */
  stateChanged(state) {
    this.shown = state;
    this.expired = false;
    clearTimeout(this.stoppedTimer);
    this.stoppedTimer = null;
    if (state === 'stopped') {
      this.stoppedTimer = setTimeout(() => {
        this.expired = true;
        this.badge.hidden = true;
        this.badge.dataset.state = 'none';
      }, STOPPED_SHOWN_MS);
    }
  }
}

/** Drawn on every change of the workshop: only what differs is written. */
function setAttribute(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text; // a status is read out on change
}

function make(tag, className, testid) {
  const element = document.createElement(tag);
  element.className = className;
  if (testid) element.dataset.testid = testid;
  return element;
}
