// CV5 on the client: the zone a note sits in, the pillars' counts and their evenness. The first
// three tests are the cases of the server's CanvasTemplateTest, so that both sides agree.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import {
  balanceLevel,
  clearTemplates,
  evenness,
  loadTemplate,
  loadedTemplate,
  localized,
  pillarCounts,
  pillarZones,
  totalOf,
  zoneOf,
} from '../src/main/webroot/js/templates.js';
import { PILLARS } from '../src/main/webroot/js/protocol.js';

const TWO_ZONES = {
  id: 'test',
  zones: [
    { id: 'core', pillar: null, x: 0, y: 0, width: 100, height: 100 },
    { id: 'left', pillar: 'sharing', x: -500, y: -500, width: 1000, height: 1000 },
    { id: 'right', pillar: 'cogovernance', x: 500, y: -500, width: 500, height: 1000 },
  ],
};

function noteAt(id, centreX, centreY, extra = {}) {
  return { id, x: centreX - 100, y: centreY - 70, width: 200, height: 140, text: '', color: 'yellow', z: 1, ...extra };
}

function template(name) {
  return JSON.parse(readFileSync(new URL(`../src/main/webroot/templates/${name}.json`, import.meta.url), 'utf8'));
}

/** Counts in the model's order of discussion, as the server's test builds them. */
function balance(...counts) {
  return new Map(counts.map((count, i) => [PILLARS[i], count]));
}

test('CV5 a note belongs to the zone that holds its centre; the first listed zone wins', () => {
  assert.equal(zoneOf(TWO_ZONES, noteAt('a', 50, 50)).id, 'core');
  assert.equal(zoneOf(TWO_ZONES, noteAt('b', -200, 0)).id, 'left');
  // Right on the shared edge: the right-hand zone's left edge is inside it.
  assert.equal(zoneOf(TWO_ZONES, noteAt('c', 500, 0)).id, 'right');
  assert.equal(zoneOf(TWO_ZONES, noteAt('d', 5000, 0)), null);
});

test('CV5 each pillar counts its live notes; deleted notes and notes outside count for none', () => {
  const deleted = { id: 'x', x: -300, y: 0, width: 200, height: 140, color: 'pink', z: 2, deleted: true };
  const counts = pillarCounts(TWO_ZONES, [
    noteAt('a', -200, 0),
    noteAt('b', -100, 300),
    noteAt('c', 700, 0),
    noteAt('core', 50, 50),
    noteAt('out', 9000, 0),
    deleted,
  ]);
  assert.deepEqual([...counts], [
    ['sharing', 2],
    ['cogovernance', 1],
  ]);
  assert.equal(totalOf(counts), 3);
});

test('CV5 evenness is 1 for an even spread, 0 for one pillar, unknown without notes', () => {
  assert.ok(Math.abs(evenness(balance(3, 3, 3, 3, 3)) - 1) < 1e-9);
  assert.ok(Math.abs(evenness(balance(9, 0, 0, 0, 0))) < 1e-9);
  const uneven = evenness(balance(6, 1, 1, 1, 1));
  assert.ok(uneven > 0 && uneven < 1);
  assert.ok(Math.abs(evenness(balance(12, 2, 2, 2, 2)) - uneven) < 1e-9);
  assert.equal(evenness(balance(0, 0, 0, 0, 0)), null);
});

test('CV5 evenness needs two pillars; plain objects count as well as Maps', () => {
  assert.equal(evenness(new Map([['sharing', 4]])), null);
  assert.equal(evenness(new Map()), null);
  assert.ok(Math.abs(evenness({ sharing: 2, cogovernance: 2 }) - 1) < 1e-9);
  // Two pillars, 3 and 1: -(0.75 ln 0.75 + 0.25 ln 0.25) / ln 2.
  const expected = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
  assert.ok(Math.abs(evenness({ a: 3, b: 1 }) - expected) < 1e-12);
});

test('CV5 every pillar zone of a template is counted, 0 included, in the order of discussion', () => {
  const msc = template('msc');
  const counts = pillarCounts(msc, []);
  assert.deepEqual([...counts.keys()], PILLARS);
  assert.deepEqual([...counts.values()], [0, 0, 0, 0, 0]);
  assert.deepEqual(pillarCounts(template('blank'), [noteAt('a', 0, 0)]), new Map());
  assert.deepEqual(pillarZones(template('blank')), []);
});

test('CV5 on the MSC canvas the values centre wins over the community around it', () => {
  const msc = template('msc');
  assert.equal(zoneOf(msc, noteAt('v', 0, 0)).id, 'values');
  assert.equal(zoneOf(msc, noteAt('c', -450, 0)).id, 'community');
  assert.equal(zoneOf(msc, noteAt('s', -900, 0)).id, 'sharing');
  assert.equal(zoneOf(msc, noteAt('g', 900, 0)).id, 'cogovernance');
  assert.equal(zoneOf(msc, noteAt('p', 0, -600)).id, 'coproduction');
  assert.equal(zoneOf(msc, noteAt('r', 0, 600)).id, 'resources');
  const counts = pillarCounts(msc, [noteAt('v', 0, 0), noteAt('s', -900, 0), noteAt('s2', -900, 200)]);
  assert.equal(counts.get('sharing'), 2);
  assert.equal(counts.get('community'), 0);
  assert.equal(evenness(counts), 0);
});

test('balance words: none, then from lopsided to balanced', () => {
  assert.equal(balanceLevel(null), 'none');
  assert.equal(balanceLevel(0), 'lopsided');
  assert.equal(balanceLevel(0.5), 'uneven');
  assert.equal(balanceLevel(0.8), 'fair');
  assert.equal(balanceLevel(0.95), 'balanced');
  assert.equal(balanceLevel(1), 'balanced');
});

test('template texts are read in the reader language, French when missing', () => {
  const zone = template('msc').zones[1];
  assert.equal(localized(zone.name, 'fr'), 'Communauté');
  assert.equal(localized(zone.name, 'en'), 'Community');
  assert.equal(localized({ fr: 'Seulement' }, 'en'), 'Seulement');
  assert.deepEqual(localized(zone.questions, 'en'), zone.questions.en);
  assert.equal(localized(null, 'fr'), '');
});

test('a template is fetched once; a failed fetch is tried again', async () => {
  clearTemplates();
  const urls = [];
  let fail = true;
  const fetchJson = async (url) => {
    urls.push(url);
    if (fail) throw new Error('offline');
    return template('msc');
  };
  await assert.rejects(loadTemplate('msc', fetchJson));
  assert.equal(loadedTemplate('msc'), null);
  fail = false;
  const first = await loadTemplate('msc', fetchJson);
  const second = await loadTemplate('msc', fetchJson);
  assert.equal(first, second);
  assert.equal(loadedTemplate('msc'), first);
  assert.deepEqual(urls, ['/templates/msc.json', '/templates/msc.json']);
  clearTemplates();
});
