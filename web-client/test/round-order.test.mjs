// RT1 on the client: what the speaking-order editor does to the order (arrival, shuffle, remote
// first, moves and drops), and the readings of a round the views share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addAllToOrder,
  addToOrder,
  arrivalOrder,
  cryptoIndex,
  dropIndex,
  formatSpoken,
  formatTurnLength,
  moveInOrder,
  moveTo,
  outsideOrder,
  parseTurnLength,
  parseWarning,
  passCounts,
  personStatus,
  remoteFirst,
  remoteSet,
  removeFromOrder,
  roundPhase,
  sameOrder,
  shuffled,
  shuffleOrder,
  waitingBefore,
} from '../src/main/webroot/js/round-order.js';

const people = [
  { id: 'fanny', name: 'Fanny', online: true },
  { id: 'ana', name: 'Ana', online: true },
  { id: 'gone', name: 'Gaston', online: false },
  { id: 'ben', name: 'Ben', online: true },
  { id: 'carl', name: 'Carl', online: true },
];

/** A "random" that always picks the given indexes in turn, recording the n it was asked for. */
function scripted(picks) {
  const asked = [];
  const next = (n) => {
    asked.push(n);
    return picks.shift() ?? 0;
  };
  next.asked = asked;
  return next;
}

test('RT1 in order of arrival: the people present, as they joined, without the facilitator by default', () => {
  assert.deepEqual(arrivalOrder(people, { selfId: 'fanny' }), ['ana', 'ben', 'carl']);
  assert.deepEqual(arrivalOrder(people, { selfId: 'fanny', includeSelf: true }), ['fanny', 'ana', 'ben', 'carl']);
  assert.deepEqual(arrivalOrder([]), []);
});

test('RT1 at most 200 people in an order', () => {
  const crowd = Array.from({ length: 250 }, (_, i) => ({ id: `p${i}`, online: true }));
  assert.equal(arrivalOrder(crowd).length, 200);
  const full = crowd.slice(0, 200).map((p) => p.id);
  assert.equal(addToOrder(full, 'late'), full);
});

test('remote first moves the remote people to the front, each group keeping its order', () => {
  assert.deepEqual(remoteFirst(['a', 'b', 'c', 'd', 'e'], new Set(['d', 'b'])), ['b', 'd', 'a', 'c', 'e']);
  assert.deepEqual(remoteFirst(['a', 'b'], undefined), ['a', 'b'], 'no remote set yet');
  assert.deepEqual(remoteFirst(['a', 'b'], ['b']), ['b', 'a'], 'an array will do');
  assert.equal(remoteSet(null).size, 0);
});

test('Fisher–Yates: each place draws among the places not fixed yet, and the people stay the same', () => {
  const random = scripted([0, 0, 0]);
  assert.deepEqual(shuffled(['a', 'b', 'c', 'd'], random), ['b', 'c', 'd', 'a']);
  assert.deepEqual(random.asked, [4, 3, 2]);
  assert.deepEqual(shuffled(['a', 'b', 'c'], (n) => n - 1), ['a', 'b', 'c'], 'each swapped with itself');
  const input = ['a', 'b', 'c'];
  shuffled(input, () => 0);
  assert.deepEqual(input, ['a', 'b', 'c'], 'the order given is not changed');
});

test('the shuffle is uniform: every order of three comes out as often (cryptographic source)', () => {
  const counts = new Map();
  const rounds = 6000;
  for (let i = 0; i < rounds; i += 1) {
    const key = shuffled(['a', 'b', 'c']).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 6);
  for (const count of counts.values()) assert.ok(Math.abs(count - rounds / 6) < rounds / 6 * 0.2, `${count}`);
});

test('cryptoIndex draws again rather than favouring small values', () => {
  const words = [0xffffffff, 7]; // the first is above the last whole multiple of 3: drawn again
  const index = cryptoIndex(3, (array) => {
    array[0] = words.shift();
    return array;
  });
  assert.equal(index, 1);
  assert.equal(cryptoIndex(1), 0);
});

test('RT1 shuffling during a round mixes only the people still waiting; remote first among them', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  const running = { current: { participantId: 'b' }, turns: [{ participantId: 'a' }] };
  const mixed = shuffleOrder(order, running, { randomIndex: () => 0 });
  assert.deepEqual(mixed.slice(0, 2), ['a', 'b']);
  assert.deepEqual([...mixed.slice(2)].sort(), ['c', 'd', 'e']);
  assert.deepEqual(shuffleOrder(order, null, { randomIndex: (n) => n - 1, remote: new Set(['e']), remoteFirstOn: true }),
    ['e', 'a', 'b', 'c', 'd']);
  // The speaker taken out of the order: those who already spoke keep their places.
  const speakerGone = { current: { participantId: 'z' }, turns: [{ participantId: 'a' }, { participantId: 'b' }] };
  assert.deepEqual(shuffleOrder(order, speakerGone, { randomIndex: (n) => n - 1 }).slice(0, 2), ['a', 'b']);
});

test('moves: by one place, to a dropped place; unchanged at the ends or for a stranger', () => {
  const order = ['a', 'b', 'c'];
  assert.deepEqual(moveInOrder(order, 'b', -1), ['b', 'a', 'c']);
  assert.deepEqual(moveInOrder(order, 'b', 1), ['a', 'c', 'b']);
  assert.equal(moveInOrder(order, 'a', -1), order);
  assert.equal(moveInOrder(order, 'c', 1), order);
  assert.equal(moveInOrder(order, 'x', 1), order);
  assert.deepEqual(moveTo(order, 'a', 2), ['b', 'c', 'a']);
  assert.deepEqual(moveTo(order, 'c', 0), ['c', 'a', 'b']);
  assert.equal(moveTo(order, 'c', 3), order);
});

test('a dragged row lands where its centre lies among the other rows', () => {
  const middles = [10, 30, 50, 70]; // rows 20 px high
  assert.equal(dropIndex(middles, 0, 12), 0, 'barely moved');
  assert.equal(dropIndex(middles, 0, 55), 2, 'past the middles of rows 1 and 2');
  assert.equal(dropIndex(middles, 3, 5), 0, 'above everything');
  assert.equal(dropIndex(middles, 1, 1000), 3, 'below everything');
});

test('adding, removing, comparing; the people outside the order are the ones present', () => {
  assert.deepEqual(addToOrder(['a'], 'b'), ['a', 'b']);
  assert.deepEqual(addToOrder(['a'], 'a'), ['a']);
  assert.deepEqual(addAllToOrder(['a'], ['b', 'a', 'c']), ['a', 'b', 'c']);
  assert.deepEqual(removeFromOrder(['a', 'b'], 'a'), ['b']);
  assert.ok(sameOrder(['a', 'b'], ['a', 'b']));
  assert.ok(!sameOrder(['a', 'b'], ['b', 'a']));
  assert.deepEqual(outsideOrder(people, ['ana']).map((p) => p.id), ['fanny', 'ben', 'carl']);
});

test('RT8 the phase of a round: idle, running, ended with turns', () => {
  assert.equal(roundPhase(null), 'idle');
  assert.equal(roundPhase({ current: null, endedAt: null, turns: [] }), 'idle');
  assert.equal(roundPhase({ current: { participantId: 'a' }, endedAt: null, turns: [] }), 'running');
  assert.equal(roundPhase({ current: null, endedAt: 5, turns: [{ participantId: 'a' }] }), 'ended');
  assert.equal(roundPhase({ current: null, endedAt: 5, turns: [] }), 'idle');
});

test('RT5 who passed, and where each person stands', () => {
  const table = {
    order: ['a', 'b', 'c', 'd'],
    passed: ['b'],
    turns: [
      { participantId: 'a', passed: false },
      { participantId: 'b', passed: true },
    ],
    current: { participantId: 'c' },
  };
  assert.deepEqual([...passCounts(table.turns)], [['b', 1]]);
  assert.deepEqual(['a', 'b', 'c', 'd', 'x'].map((id) => personStatus(table, id)), ['spoke', 'passed', 'speaking', 'waiting', 'out']);
});

test('RT5 how many people speak before me', () => {
  const table = { order: ['a', 'b', 'c', 'd', 'e'], passed: [], turns: [{ participantId: 'a' }], current: { participantId: 'b' } };
  assert.equal(waitingBefore(table, 'c'), 0);
  assert.equal(waitingBefore(table, 'e'), 2);
  assert.equal(waitingBefore(table, 'a'), null, 'already spoke');
  assert.equal(waitingBefore(table, 'b'), null, 'speaking');
  assert.equal(waitingBefore(table, 'x'), null, 'not in the order');
  assert.equal(waitingBefore({ ...table, current: null, turns: [] }, 'c'), 2, 'before the round: the place');
});

test('RT3 a typed turn length: minutes:seconds, seconds, minutes; within 10 s to 30 min', () => {
  assert.equal(parseTurnLength('2:30'), 150);
  assert.equal(parseTurnLength(' 1:05 '), 65);
  assert.equal(parseTurnLength('90 s'), 90);
  assert.equal(parseTurnLength('45s'), 45);
  assert.equal(parseTurnLength('2'), 120);
  assert.equal(parseTurnLength('2 min'), 120);
  assert.equal(parseTurnLength('1,5'), 90);
  assert.ok(Number.isNaN(parseTurnLength('5 s')), 'under 10 s');
  assert.ok(Number.isNaN(parseTurnLength('31')), 'over 30 min');
  assert.ok(Number.isNaN(parseTurnLength('1:75')));
  assert.ok(Number.isNaN(parseTurnLength('')));
  assert.ok(Number.isNaN(parseTurnLength('deux')));
  assert.equal(formatTurnLength(150), '2:30');
  assert.equal(formatTurnLength(60), '1:00');
});

test('RT3 a typed warning: whole seconds from 0 to 300', () => {
  assert.equal(parseWarning('15'), 15);
  assert.equal(parseWarning('0'), 0);
  assert.ok(Number.isNaN(parseWarning('301')));
  assert.ok(Number.isNaN(parseWarning('-1')));
  assert.ok(Number.isNaN(parseWarning('1.5')));
});

test('RT9 a spoken time reads as minutes:seconds, with hours when needed', () => {
  assert.equal(formatSpoken(0), '0:00');
  assert.equal(formatSpoken(125_400), '2:05');
  assert.equal(formatSpoken(3_725_000), '1:02:05');
  assert.equal(formatSpoken(Number.NaN), '0:00');
});
