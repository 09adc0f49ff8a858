// Roles and joining on the workshop page (RO1 to RO7), mounted with one call: the people list's
// badges and the facilitator's menu per person (person-menu.js), the observer's read-only board
// (observer-mode.js), the gate for a refused newcomer or a removed person (access-gate.js), the
// "⋯" menu's "Accès à l'atelier" and "Code QR" (access-dialogs.js), the "Verrouillé" flag of the
// top bar, and a toast when this person's own role changes. Everything here follows the shared
// state: a promotion or a hand-over shows and hides it without a reload.

import { openAccessDialog, openQrDialog } from './access-dialogs.js';
import { mountAccessGate } from './access-gate.js';
import { ownAccessNews } from './access-rules.js';
import { onLanguageChange, t } from './i18n.js';
import { mountObserverMode } from './observer-mode.js';
import { mountPersonMenu } from './person-menu.js';
import { toast } from './toasts.js';

export function mountRoles(room) {
  mountAccessGate(room);
  const observer = mountObserverMode(room);
  mountPersonMenu(room);
  const menu = mountMenuItems(room);
  const lockFlag = mountLockFlag(room);
  announceOwnAccess(room);
  onLanguageChange(() => {
    observer.label();
    menu.label();
    lockFlag.update();
  });
}

/** "Accès à l'atelier" and "Code QR" in the "⋯" menu, before the projector view and deletion. */
function mountMenuItems(room) {
  const list = document.getElementById('more-menu-list');
  const more = document.getElementById('more-menu-button');
  const item = (testid, key, open) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.setAttribute('role', 'menuitem');
    button.tabIndex = -1; // the menu moves the focus with the arrows (menu-button.js)
    button.dataset.testid = testid;
    button.dataset.key = key;
    button.hidden = true;
    button.addEventListener('click', () => open(room, more));
    list.insertBefore(button, document.getElementById('delete-button'));
    return button;
  };
  const items = [item('access-menu-item', 'access.menuItem', openAccessDialog), item('qr-menu-item', 'access.qrItem', openQrDialog)];
  const label = () => {
    for (const button of items) button.textContent = t(button.dataset.key);
  };
  const show = () => {
    for (const button of items) button.hidden = !room.isFacilitator();
  };
  room.engine.subscribe(show);
  label();
  show();
  return { label };
}

/** RO3: the facilitator sees "Verrouillé" in the top bar while newcomers are kept out. */
function mountLockFlag(room) {
  const flag = document.createElement('button');
  flag.type = 'button';
  flag.className = 'topbar-flag locked-flag';
  flag.dataset.testid = 'locked-flag';
  flag.hidden = true;
  flag.addEventListener('click', () => openAccessDialog(room, flag));
  const badge = document.getElementById('facilitator-badge');
  badge?.after(flag);
  const update = () => {
    flag.hidden = !(room.isFacilitator() && room.engine.arrangement().locked);
    flag.textContent = t('access.locked');
    flag.title = t('access.lockedHelp');
    flag.setAttribute('aria-label', `${t('access.locked')} · ${t('access.lockedHelp')}`);
  };
  room.engine.subscribe(update);
  update();
  return { update };
}

/**
 * A toast when this person's own role changes (RO1): promoted, stepped down, made an observer or
 * a participant again. From the first catch-up on, so joining as a facilitator says nothing. Once
 * stepped down, a reconnect of this page no longer presents the key (identity.withholdKey).
 */
function announceOwnAccess(room) {
  let seen = null;
  const now = () => ({ facilitator: room.isFacilitator(), observer: room.isObserver() });
  room.connection.onMessage((message) => {
    if (message.type === 'synced' && seen === null) seen = now();
  });
  room.engine.subscribe(() => {
    if (seen === null) return;
    const current = now();
    const news = ownAccessNews(seen, current);
    for (const key of news) toast(t(key));
    if (news.length > 0) room.connection.identity.withholdKey?.(!current.facilitator);
    seen = current;
  });
}
