// The facilitator's "Exporter" menu in the top bar (EX1): Markdown for a knowledge base, CSV for a
// spreadsheet, JSON to keep or import elsewhere. The file is fetched with the facilitator key (or
// a promoted facilitator's own token, RO6), then saved under the name the server gives it. A menu
// button with the usual keys: Enter, Space or Down opens it on the first item, Up and Down move,
// Home and End jump, Escape closes it.

import { EXPORT_FORMATS, exportUrl, fileNameFrom, refusalText } from './export-file.js';
import { onLanguageChange, t } from './i18n.js';
import { toast } from './toasts.js';

export function mountExports(room) {
  const slot = document.getElementById('header-tools');
  if (!slot) return;

  const wrapper = document.createElement('div');
  wrapper.className = 'export-menu';
  wrapper.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button export-menu-button';
  button.dataset.testid = 'export-menu';
  button.id = 'export-menu-button';
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'export-menu-list');
  const list = document.createElement('ul');
  list.className = 'export-menu-list';
  list.id = 'export-menu-list';
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-labelledby', button.id);
  list.hidden = true;
  const items = EXPORT_FORMATS.map((format) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'none');
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.dataset.testid = `export-${format}`;
    item.dataset.format = format;
    item.addEventListener('click', () => {
      close(true);
      download(format);
    });
    li.append(item);
    list.append(li);
    return item;
  });
  wrapper.append(button, list);
  slot.append(wrapper);

  function label() {
    button.textContent = t('export.menu');
    button.title = t('export.menuLabel');
    button.setAttribute('aria-label', t('export.menuLabel'));
    for (const item of items) item.textContent = t(`export.${item.dataset.format}`);
  }

  const narrow = window.matchMedia('(max-width: 720px)');
  function open(focusIndex = 0) {
    // On a phone the list spans the screen, just under the button wherever the top bar wrapped it.
    list.style.top = narrow.matches ? `${Math.round(button.getBoundingClientRect().bottom + 4)}px` : '';
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    items[(focusIndex + items.length) % items.length].focus();
  }

  function close(returnFocus) {
    if (list.hidden) return;
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
  }

  button.addEventListener('click', () => (list.hidden ? open(0) : close(false)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowDown' ? 0 : -1);
    }
  });
  list.addEventListener('keydown', (event) => {
    const index = items.indexOf(document.activeElement);
    const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      items[(moves[event.key] + items.length) % items.length].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!wrapper.contains(event.target)) close(false);
  });

  let busy = false;
  async function download(format) {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const response = await fetch(exportUrl(room.workshop.id, format, timeZone), {
        headers: { Authorization: `Bearer ${room.credential()}` }, // the key, or a promoted person's token (RO6)
        cache: 'no-store',
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        toast(t('export.failed', { message: refusalText(response.status, body) }), 'error');
        return;
      }
      const blob = await response.blob();
      const name = fileNameFrom(response.headers.get('Content-Disposition'), `atelier.${format === 'speaking' ? 'csv' : format}`);
      save(blob, name);
      toast(t('export.done', { name }));
    } catch {
      toast(t('export.failed', { message: t('workshop.loadFailed') }), 'error');
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  }

  // Whoever facilitates now is offered the menu (HS7, RO1: a promotion shows it at once, a
  // hand-over hides it); the server checks the key or the token (RO6).
  const show = () => {
    wrapper.hidden = !room.isFacilitator();
    if (wrapper.hidden) close(false);
  };
  room.engine.subscribe(show);
  onLanguageChange(label);
  label();
  show();
}

/** Saves a fetched file: a temporary link to the blob, clicked, then let go. */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob by the time a minute has passed; then its memory is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
