// The role map's pure logic (RM1): who contributes to which pillar, read from the shared state,
// and which set_role a person's edit calls for. No DOM, no socket (node tests).

import { LIMITS, PILLARS } from './protocol.js';

/**
 * One entry per pillar, in the model's order (AG5): `{pillar, count, people}`, where `people` are
 * `{id, name, color, online, role, self}` sorted by name. People who went offline keep their
 * markers and stay listed; a marker whose participant this tab does not know yet is listed with
 * `name: null`, last, so that nothing the server holds is hidden.
 */
export function roleSummary(roles, participants, { selfId = null, language = 'fr' } = {}) {
  const known = new Map(participants.map((person) => [person.id, person]));
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return PILLARS.map((pillar) => {
    const people = [];
    for (const [participantId, pillars] of roles) {
      if (!pillars.has(pillar)) continue;
      const person = known.get(participantId);
      people.push({
        id: participantId,
        name: person?.name ?? null,
        color: person?.color ?? null,
        online: person?.online ?? false,
        role: pillars.get(pillar) ?? '',
        self: participantId === selfId,
      });
    }
    people.sort(
      (a, b) =>
        (a.name === null) - (b.name === null) ||
        collator.compare(a.name ?? '', b.name ?? '') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return { pillar, count: people.length, people };
  });
}

/** This participant's own markers: a Map of pillar to role text (RM1). */
export function ownRoles(roles, selfId) {
  return new Map(selfId === null ? [] : (roles.get(selfId) ?? []));
}

/** The role text as the server will keep it: trimmed, at most 80 characters (RM1). */
export function cleanRole(text) {
  return String(text ?? '').trim().slice(0, LIMITS.role);
}

/**
 * What a toggle of "I contribute here" asks for, given the person's marker now (`current`: its
 * role text, or undefined without a marker): `{role}` to send (a string places or updates the
 * marker, null removes it), or null when nothing would change.
 */
export function roleChange(current, { checked, text }) {
  if (!checked) return current === undefined ? null : { role: null };
  const role = cleanRole(text);
  return current === role ? null : { role };
}

/**
 * What saving a typed role asks for: it updates the marker, and places one when there was none
 * and something was written (writing a role says that one contributes). Clearing the text keeps
 * the marker, with no role text; only the toggle takes a marker away.
 */
export function roleTyped(current, text) {
  return roleChange(current, { checked: current !== undefined || cleanRole(text).length > 0, text });
}
