// Which canvas a person sees (CV4), a batch of numbered canvases (CV1), and spreading people
// over the groups round robin.

import test from 'node:test';
import assert from 'node:assert/strict';

import {
  canvasToShow,
  groupCanvases,
  numberedNames,
  roomForCanvases,
  spreadRoundRobin,
  spreadableCount,
  MAX_BATCH,
} from '../src/main/webroot/js/canvas-plan.js';

const canvases = (...ids) => new Map(ids.map((id) => [id, { id, name: id, template: 'msc' }]));

test('CV4 the canvas shown: the current one while it lives, else the group canvas, else the first', () => {
  const live = canvases('main', 'g1', 'g2');
  assert.equal(canvasToShow(live, 'g2', null), 'g2');
  assert.equal(canvasToShow(live, null, null), 'main');
  assert.equal(canvasToShow(live, 'g2', 'g1'), 'g1');
  assert.equal(canvasToShow(live, 'g2', 'gone'), 'g2');
  assert.equal(canvasToShow(live, 'gone', 'gone'), 'main');
  assert.equal(canvasToShow(new Map(), 'g1', 'main'), null);
});

test('CV1 a batch is named "Prefix 1" to "Prefix N", the number always kept', () => {
  assert.deepEqual(numberedNames('  Groupe ', 3), ['Groupe 1', 'Groupe 2', 'Groupe 3']);
  const long = numberedNames('x'.repeat(200), 10);
  assert.equal(long[9].length, 120);
  assert.ok(long[9].endsWith(' 10'));
  assert.throws(() => numberedNames('   ', 2), RangeError);
  assert.throws(() => numberedNames('G', 0), RangeError);
  assert.throws(() => numberedNames('G', MAX_BATCH + 1), RangeError);
  assert.throws(() => numberedNames('G', 1.5), RangeError);
});

test('CV1 no batch goes past 40 live canvases', () => {
  assert.equal(roomForCanvases(1, 10), 10);
  assert.equal(roomForCanvases(35, 10), 5);
  assert.equal(roomForCanvases(40, 3), 0);
});

test('groups are spread over every canvas but main, or main alone', () => {
  assert.deepEqual(groupCanvases(canvases('main', 'g1', 'g2')), ['g1', 'g2']);
  assert.deepEqual(groupCanvases(canvases('main')), ['main']);
  assert.deepEqual(groupCanvases(canvases('g1', 'g2')), ['g1', 'g2']);
});

test('round robin: online participants but the facilitator, by name, one canvas each in turn', () => {
  const people = [
    { id: 'p-f', name: 'Animatrice', online: true },
    { id: 'p-d', name: 'Denis', online: true },
    { id: 'p-a', name: 'Amélie', online: true },
    { id: 'p-c', name: 'Chloé', online: false },
    { id: 'p-b', name: 'Bruno', online: true },
    { id: 'p-e', name: 'Élise', online: true },
  ];
  const moves = spreadRoundRobin(people, ['g1', 'g2'], { facilitatorId: 'p-f' });
  assert.deepEqual(moves, [
    ['p-a', 'g1'],
    ['p-b', 'g2'],
    ['p-d', 'g1'],
    ['p-e', 'g2'],
  ]);
  assert.equal(spreadableCount(people, 'p-f'), 4);
});

test('round robin sends nothing for people already in the right group', () => {
  const people = [
    { id: 'p-a', name: 'Ana', online: true },
    { id: 'p-b', name: 'Ben', online: true },
  ];
  const groups = new Map([
    ['p-a', 'g1'],
    ['p-b', 'g1'],
  ]);
  assert.deepEqual(spreadRoundRobin(people, ['g1', 'g2'], { groups }), [['p-b', 'g2']]);
  assert.deepEqual(spreadRoundRobin(people, [], { groups }), []);
});
