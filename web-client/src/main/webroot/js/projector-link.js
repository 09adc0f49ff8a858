// "Vue projecteur": the facilitator opens the room's screen (/w/:id/projector, HS8) in a new tab from
// the top bar's "⋯" menu, to drag it to the projector. The view is read-only and anyone with the
// workshop's link may open it, so the link is only a convenience: it shows where the facilitator's
// other rarely needed tools are (the menu holds deleting the workshop too).

import { t } from './i18n.js';

export function mountProjectorLink(room) {
  const list = document.getElementById('more-menu-list');
  if (!list) return null;
  const link = document.createElement('a');
  link.className = 'link-button projector-link';
  link.href = `/w/${encodeURIComponent(room.workshop.id)}/projector`;
  link.target = '_blank';
  link.rel = 'noopener';
  link.setAttribute('role', 'menuitem');
  link.tabIndex = -1; // the menu moves the focus with the arrows (menu-button.js)
  link.dataset.testid = 'projector-link';
  link.dataset.i18n = 'projector.link'; // translatePage keeps it in the page's language
  link.dataset.i18nAttr = 'title:projector.linkHelp';
  link.textContent = t('projector.link');
  link.title = t('projector.linkHelp');
  // Among the rarely needed tools, before deleting the workshop (the last, dangerous item).
  list.insertBefore(link, document.getElementById('delete-button'));
  // Whoever facilitates now (RO1): a promotion shows it without a reload, a hand-over hides it.
  const show = () => {
    link.hidden = !room.isFacilitator();
  };
  room.engine.subscribe(show);
  show();
  return link;
}
