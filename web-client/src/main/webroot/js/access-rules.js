// Roles and joining on the page, without any DOM (RO1 to RO7): what the facilitator's menu offers
// for a person, the two changes of a hand-over, what a change of one's own access means, a
// passcode's checks, the passcode refusal a close reason names, and the short form of a join link.

import { LIMITS, setAccess } from './protocol.js';

/** RO1: the access a person has now; anyone the shared state does not name is a participant. */
export function accessOf(arrangement, participantId) {
  return arrangement.access.get(participantId) ?? 'participant';
}

/** RO1: how many of the listed people facilitate now. */
export function facilitatorCount(arrangement, people) {
  return people.filter((person) => accessOf(arrangement, person.id) === 'facilitator').length;
}

/** The words of a person's badge in the people list, by access; a participant has none. */
export const ACCESS_BADGES = { facilitator: 'access.badge.facilitator', observer: 'access.badge.observer' };

/** Every action of the person menu, in the order it lists them. */
export const PERSON_ACTIONS = ['makeFacilitator', 'handOver', 'makeParticipant', 'makeObserver', 'remove'];

/**
 * The facilitator's actions for one person (RO1, RO5), in menu order. Oneself can only step down,
 * and only beside another facilitator (last_facilitator: hand over instead); nobody removes
 * themself (cannot_remove_self), hands over to themself, or watches their own workshop. Nobody is
 * offered the access they have already.
 */
export function personActions({ access, isSelf, facilitators = 1 }) {
  if (isSelf) return access === 'facilitator' && facilitators > 1 ? ['makeParticipant'] : [];
  const actions = [];
  if (access !== 'facilitator') actions.push('makeFacilitator');
  actions.push('handOver'); // to a co-facilitator too: they keep steering, this person steps down
  if (access !== 'participant') actions.push('makeParticipant');
  if (access !== 'observer') actions.push('makeObserver');
  actions.push('remove');
  return actions;
}

/** The access each setting action gives (remove and hand over are not one set_access). */
export const ACCESS_OF_ACTION = { makeFacilitator: 'facilitator', makeParticipant: 'participant', makeObserver: 'observer' };

/**
 * RO1: a hand-over is two changes, in this order: the other person steers first, then this one
 * steps down. The other way round, the server refuses the second as last_facilitator.
 */
export function handOverChanges(ids, toId, selfId) {
  return [setAccess(ids, toId, 'facilitator'), setAccess(ids, selfId, 'participant')];
}

/**
 * What a change of this page's own person means for them, as the keys of the toasts that say it:
 * `before` and `after` are `{facilitator, observer}`. Nothing while nothing changed.
 */
export function ownAccessNews(before, after) {
  const news = [];
  if (!before.facilitator && after.facilitator) news.push('access.toast.promoted');
  if (before.facilitator && !after.facilitator) news.push('access.toast.demoted');
  if (!before.observer && after.observer) news.push('access.toast.observing');
  if (before.observer && !after.observer && !after.facilitator) news.push('access.toast.participating');
  return news;
}

/** RO4: null when the passcode may be set, else the key of what is wrong with it. */
export function passcodeProblem(text) {
  const clean = String(text ?? '').trim();
  if (clean.length < LIMITS.passcodeMin) return 'access.passcode.tooShort';
  if (clean.length > LIMITS.passcodeMax) return 'access.passcode.tooLong';
  return null;
}

/**
 * RO4: a 4007 close says whether a passcode was given and wrong ("Wrong passcode.") or none was
 * given ("… asks for a passcode."): 'wrong' or 'required'.
 */
export function passcodeRefusal(reason) {
  return /wrong/i.test(reason ?? '') ? 'wrong' : 'required';
}

/**
 * The join link as people type it from a projected screen: no scheme, no trailing slash
 * (`atelier.example.org/w/Ab3…`).
 */
export function shortLink(url) {
  return String(url).replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

/** RO7: the server's QR code of a workshop's invitation link. */
export function qrCodeUrl(workshopId) {
  return `/api/workshops/${encodeURIComponent(workshopId)}/qr.svg`;
}

/** The invitation link the server gave (the QR code holds the same), else this page's origin's. */
export function joinUrlOf(workshop, origin = globalThis.location?.origin ?? '') {
  return workshop.joinUrl ?? `${origin}/w/${encodeURIComponent(workshop.id)}`;
}
