// Canvas templates (/templates/{id}.json, ADR 0008) and what the canvas reads from them: the zone
// a note sits in (CV5), how many notes each pillar holds and how evenly. The server computes the
// same in CanvasTemplate.java and PillarBalance.java; the node tests use the same cases, so the
// two cannot drift apart. No DOM here.

import { PILLARS } from './protocol.js';

const cache = new Map(); // template id -> Promise of the template
const loaded = new Map(); // template id -> the template, once it arrived

/**
 * The template, fetched once per page. A failed fetch is forgotten, so that the next call tries
 * again (a phone may have been offline for a moment).
 */
export function loadTemplate(id, fetchJson = defaultFetch) {
  if (!cache.has(id)) {
    const promise = fetchJson(`/templates/${encodeURIComponent(id)}.json`).then(
      (template) => {
        loaded.set(id, template);
        return template;
      },
      (error) => {
        cache.delete(id);
        throw error;
      },
    );
    cache.set(id, promise);
  }
  return cache.get(id);
}

/** The template if it has arrived already, or null: for drawing without waiting. */
export function loadedTemplate(id) {
  return loaded.get(id) ?? null;
}

/** Forgets every template (tests). */
export function clearTemplates() {
  cache.clear();
  loaded.clear();
}

async function defaultFetch(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** A text of a template in the reader's language, French when that language is missing. */
export function localized(text, language) {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string' || Array.isArray(text)) return text;
  return text[language] ?? text.fr ?? '';
}

/** Left and top edges inside, right and bottom edges outside: tiled zones never share a point. */
export function zoneContains(zone, x, y) {
  return x >= zone.x && x < zone.x + zone.width && y >= zone.y && y < zone.y + zone.height;
}

/** CV5: the zone holding the note's centre; the first listed wins where zones overlap. */
export function zoneOf(template, note) {
  const x = note.x + note.width / 2;
  const y = note.y + note.height / 2;
  return (template?.zones ?? []).find((zone) => zoneContains(zone, x, y)) ?? null;
}

/** The template's pillars, in the model's order of discussion (AG5), each with its first zone. */
export function pillarZones(template) {
  const zones = template?.zones ?? [];
  return PILLARS.map((pillar) => zones.find((zone) => zone.pillar === pillar))
    .filter(Boolean)
    .map((zone) => ({ pillar: zone.pillar, zone }));
}

/**
 * CV5: how many live notes sit in each pillar's zone, as a Map in the model's order; every pillar
 * of the template is there, 0 included. Deleted notes and notes outside count for none.
 */
export function pillarCounts(template, notes) {
  const counts = new Map(pillarZones(template).map(({ pillar }) => [pillar, 0]));
  for (const note of notes) {
    if (note.deleted) continue;
    const pillar = zoneOf(template, note)?.pillar;
    if (pillar && counts.has(pillar)) counts.set(pillar, counts.get(pillar) + 1);
  }
  return counts;
}

/** The sum of the counts (a Map or a plain object). */
export function totalOf(counts) {
  let total = 0;
  for (const count of values(counts)) total += count;
  return total;
}

/**
 * CV5: the Shannon entropy of the pillars' shares over its maximum (ln of the number of pillars):
 * 1 for an even spread, 0 when one pillar holds every note. Null while there is nothing to
 * compare: no note in a pillar zone, or fewer than two pillars.
 */
export function evenness(counts) {
  const all = [...values(counts)];
  const total = all.reduce((sum, count) => sum + count, 0);
  if (total === 0 || all.length < 2) return null;
  let entropy = 0;
  for (const count of all) {
    if (count > 0) {
      const share = count / total;
      entropy -= share * Math.log(share);
    }
  }
  return entropy / Math.log(all.length);
}

/** The word that goes with an evenness, as an i18n key suffix: the panel says it beside the %. */
export function balanceLevel(value) {
  if (value === null || value === undefined) return 'none';
  if (value >= 0.9) return 'balanced';
  if (value >= 0.7) return 'fair';
  if (value >= 0.4) return 'uneven';
  return 'lopsided';
}

function values(counts) {
  return counts instanceof Map ? counts.values() : Object.values(counts ?? {});
}
