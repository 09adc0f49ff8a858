// The connection state, always on screen (SY5): connected, reconnecting, offline with N unsent.

import { t } from './i18n.js';

export function showStatus(element, { state, unsent }) {
  element.dataset.state = state;
  element.dataset.unsent = String(unsent);
  const parts = [t(`status.${state}`)];
  if (unsent > 0 && state !== 'connected') parts.push(t('status.unsent', { count: unsent }));
  element.textContent = parts.join(' · ');
  element.title = element.textContent; // a narrow top bar shows only the dot
}

export function showFailure(banner, text, failure) {
  banner.hidden = !failure;
  text.textContent = failure ? t(`failure.${failure}`) : '';
}
