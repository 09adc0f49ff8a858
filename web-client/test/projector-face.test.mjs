// What the projector shows (RT5, RT7, RT8, TM1, AG2): the step, the turn or else the agenda's timer.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { faceIsMoving, projectorFace } from '../src/main/webroot/js/projector-face.js';

const names = new Map([
  ['a', 'Aminata'],
  ['b', 'Bo'],
  ['c', 'Chloé'],
]);
const agenda = [
  { id: 's-1', kind: 'text', title: 'Reconnaissance territoriale', minutes: 5 },
  { id: 's-2', kind: 'round_table', title: 'Tour de table', minutes: 20 },
];
const STOPPED = { status: 'stopped', durationMs: 0, deadline: null, remainingMs: null };

function arrangement({ currentStepId = 's-2', current = null, timer = STOPPED, order = ['a', 'b', 'c'], passed = [] } = {}) {
  return {
    agenda,
    progress: { currentStepId },
    timer,
    roundTable: { order, hands: [], turnMs: 120_000, warningMs: 15_000, passed, turns: [], current },
  };
}

const turn = (participantId, deadline, extra = {}) => ({
  participantId,
  startedAt: 0,
  durationMs: 120_000,
  deadline,
  remainingMs: null,
  resumedAt: 0,
  spokenMs: 0,
  secondChance: false,
  ...extra,
});

test('AG2 the current step is named with its place in the agenda; none before the first', () => {
  assert.deepEqual(projectorFace(arrangement(), names, 0).step, {
    title: 'Tour de table',
    kind: 'round_table',
    number: 2,
    count: 2,
  });
  assert.equal(projectorFace(arrangement({ currentStepId: null }), names, 0).step, null);
  assert.equal(projectorFace(undefined, names, 0).step, null);
});

test('RT8 a running turn: the speaker, who comes next, the time left and its phase', () => {
  const face = projectorFace(arrangement({ current: turn('a', 100_000) }), names, 40_000);
  assert.deepEqual(face.round, {
    speakerId: 'a',
    speakerName: 'Aminata',
    nextId: 'b',
    nextName: 'Bo',
    remainingMs: 60_000,
    phase: 'running',
    text: '1:00',
    secondChance: false,
  });
  assert.equal(face.timer, null, 'the round takes the screen');
  assert.equal(faceIsMoving(face), true);
  assert.equal(projectorFace(arrangement({ current: turn('a', 100_000) }), names, 90_000).round.phase, 'warning');
});

test('RT8 overtime counts up with a plus; the last speaker has nobody after them', () => {
  const face = projectorFace(arrangement({ current: turn('c', 100_000) }), names, 112_500);
  assert.equal(face.round.phase, 'overtime');
  assert.equal(face.round.text, '+0:12');
  assert.equal(face.round.remainingMs, -12_500);
  assert.equal(face.round.nextId, null);
  assert.equal(face.round.nextName, null);
});

test('RT5 once the order is done, the people who passed come next', () => {
  const face = projectorFace(arrangement({ current: turn('c', 100_000), passed: ['a'] }), names, 0);
  assert.equal(face.round.nextName, 'Aminata');
  const second = projectorFace(arrangement({ current: turn('a', 100_000, { secondChance: true }), passed: ['a'] }), names, 0);
  assert.equal(second.round.secondChance, true);
  assert.equal(second.round.nextId, null);
});

test('RT7 a paused turn shows the time it kept, frozen, and does not need a ticker', () => {
  const paused = turn('b', null, { remainingMs: 42_000, resumedAt: null });
  const early = projectorFace(arrangement({ current: paused }), names, 0);
  const late = projectorFace(arrangement({ current: paused }), names, 600_000);
  assert.equal(early.round.phase, 'paused');
  assert.equal(early.round.text, '0:42');
  assert.deepEqual(late, early);
  assert.equal(faceIsMoving(early), false);
});

test('a speaker the page does not know yet has no name rather than an id', () => {
  const face = projectorFace(arrangement({ current: turn('zz', 100_000), order: ['zz'] }), names, 0);
  assert.equal(face.round.speakerId, 'zz');
  assert.equal(face.round.speakerName, null);
});

test('TM1 without a round the agenda timer shows when running or paused, not when stopped', () => {
  assert.equal(projectorFace(arrangement(), names, 0).timer, null);
  const running = { status: 'running', durationMs: 300_000, deadline: 300_000, remainingMs: null };
  assert.deepEqual(projectorFace(arrangement({ timer: running }), names, 59_500).timer, {
    status: 'running',
    remainingMs: 240_500,
    text: '4:01',
  });
  assert.equal(faceIsMoving(projectorFace(arrangement({ timer: running }), names, 0)), true);
  const ended = projectorFace(arrangement({ timer: running }), names, 400_000);
  assert.deepEqual(ended.timer, { status: 'ended', remainingMs: 0, text: '0:00' });
  assert.equal(faceIsMoving(ended), false);
  const paused = { status: 'paused', durationMs: 300_000, deadline: null, remainingMs: 61_000 };
  assert.deepEqual(projectorFace(arrangement({ timer: paused }), names, 0).timer, {
    status: 'paused',
    remainingMs: 61_000,
    text: '1:01',
  });
  assert.equal(projectorFace(arrangement({ timer: running, current: turn('a', 1) }), names, 0).timer, null);
});
