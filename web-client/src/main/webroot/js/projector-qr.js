// The join link on the projector (RO7): in a corner, the server's QR code, a third of the screen
// high so that phones read it from the back of the room, and the short link under it for those
// who type. The facilitator shows or hides it with Q or the corner's button; the choice lasts for
// this tab (a reload keeps it), and it starts hidden, since most of a workshop is not about
// joining.

import { joinUrlOf, qrCodeUrl, shortLink } from './access-rules.js';
import { onLanguageChange, t } from './i18n.js';

export function mountProjectorQr(workshopId, { storage = globalThis.sessionStorage } = {}) {
  const remembered = `atelier.projector.qr.${workshopId}`;
  const panel = document.createElement('aside');
  panel.className = 'projector-qr';
  panel.dataset.testid = 'projector-qr';
  panel.hidden = true;
  const label = document.createElement('p');
  label.className = 'projector-qr-label';
  const image = document.createElement('img');
  image.className = 'projector-qr-image';
  image.dataset.testid = 'projector-qr-image';
  image.width = 300;
  image.height = 300;
  const link = document.createElement('p');
  link.className = 'projector-qr-link';
  link.dataset.testid = 'projector-qr-link';
  panel.append(label, image, link);
  document.body.append(panel);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'projector-button';
  button.dataset.testid = 'projector-qr-toggle';
  button.setAttribute('aria-keyshortcuts', 'Q');
  button.setAttribute('aria-controls', 'projector-qr');
  panel.id = 'projector-qr';
  const corner = document.querySelector('.projector-corner');
  corner?.insertBefore(button, document.getElementById('projector-fullscreen'));

  let url = joinUrlOf({ id: workshopId });
  const draw = () => {
    label.textContent = t('access.projector.join');
    drawLink(link, shortLink(url));
    image.alt = t('access.qr.alt', { link: shortLink(url) });
    button.textContent = t('access.projector.button');
    button.title = t('access.projector.help');
    button.setAttribute('aria-pressed', String(!panel.hidden));
  };
  const show = (shown) => {
    if (shown && !image.src) image.src = qrCodeUrl(workshopId); // fetched the first time it shows
    panel.hidden = !shown;
    document.body.classList.toggle('projector-with-qr', shown);
    try {
      storage?.setItem(remembered, shown ? 'shown' : 'hidden');
    } catch {
      // Without storage the choice lasts until the next reload.
    }
    draw();
  };
  button.addEventListener('click', () => show(panel.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'q' || event.key === 'Q') {
      event.preventDefault();
      show(panel.hidden);
    }
  });
  onLanguageChange(draw);

  // The link the server builds (ATELIER_PUBLIC_URL), which is what the code holds.
  fetch(`/api/workshops/${encodeURIComponent(workshopId)}`)
    .then((response) => (response.ok ? response.json() : null))
    .then((workshop) => {
      if (workshop?.joinUrl) {
        url = workshop.joinUrl;
        draw();
      }
    })
    .catch(() => {}); // the page's own origin stays, which is the usual case anyway

  let initial = false;
  try {
    initial = storage?.getItem(remembered) === 'shown';
  } catch {
    initial = false;
  }
  show(initial);
  return { show };
}

/** The host on one line and the path on the next: a long random id breaks where it may. */
function drawLink(element, text) {
  if (element.textContent === text) return;
  const cut = text.indexOf('/');
  const parts = cut > 0 ? [text.slice(0, cut), text.slice(cut)] : [text];
  element.replaceChildren(
    ...parts.map((part) => {
      const span = document.createElement('span');
      span.textContent = part;
      return span;
    }),
  );
}
