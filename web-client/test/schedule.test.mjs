// The agenda's time maths: lateness against the plan, timers read at a server time, durations
// as a projector shows them, and the model's order of pillars.

import test from 'node:test';
import assert from 'node:assert/strict';

import {
  lateness,
  timerRemaining,
  formatDuration,
  nextPillar,
  totalMinutes,
  PILLAR_ORDER,
} from '../src/main/webroot/js/schedule.js';

const MIN = 60000;
const T0 = Date.UTC(2023, 11, 5, 14, 0); // 9:00 in Montréal, the agenda's start

const STEPS = [
  { id: 'a', minutes: 5 },
  { id: 'b', minutes: 20 },
  { id: 'c', minutes: 10 },
];

function progress(currentStepId, stepStartedAt, agendaStartedAt = T0) {
  return { currentStepId, stepStartedAt, agendaStartedAt, roaming: false, focusPillar: null };
}

test('lateness: not started without a start time or a current step', () => {
  const notStarted = { state: 'not_started', minutes: 0 };
  assert.deepEqual(lateness(STEPS, progress(null, null, null), T0), notStarted);
  assert.deepEqual(lateness(STEPS, progress(null, null), T0), notStarted);
  assert.deepEqual(lateness(STEPS, progress('a', T0, null), T0), notStarted);
  assert.deepEqual(lateness(STEPS, progress('gone', T0), T0), notStarted, 'a step no longer in the agenda');
  assert.deepEqual(lateness(STEPS, null, T0), notStarted);
  assert.deepEqual(lateness([], progress('a', T0), T0), notStarted);
});

test('lateness: a step started at its planned time and still within its minutes is on time', () => {
  // b is planned from 5 to 25 minutes.
  assert.deepEqual(lateness(STEPS, progress('b', T0 + 5 * MIN), T0 + 12 * MIN), { state: 'on_time', minutes: 0 });
  assert.deepEqual(lateness(STEPS, progress('a', T0), T0), { state: 'on_time', minutes: 0 });
});

test('lateness: a step that started late is late by the difference, rounded', () => {
  const late = lateness(STEPS, progress('b', T0 + 9 * MIN + 20000), T0 + 10 * MIN);
  assert.deepEqual(late, { state: 'late', minutes: 4 }); // 4 min 20 s
  assert.deepEqual(lateness(STEPS, progress('b', T0 + 9 * MIN + 40000), T0 + 10 * MIN), { state: 'late', minutes: 5 });
});

test('lateness: a step running past its minutes makes the workshop later every minute', () => {
  // c should end at 35 minutes; it started on time at 25.
  const started = progress('c', T0 + 25 * MIN);
  assert.deepEqual(lateness(STEPS, started, T0 + 35 * MIN), { state: 'on_time', minutes: 0 });
  assert.deepEqual(lateness(STEPS, started, T0 + 36 * MIN), { state: 'on_time', minutes: 0 }, 'exactly 1 minute');
  assert.deepEqual(lateness(STEPS, started, T0 + 36 * MIN + 1), { state: 'late', minutes: 1 });
  assert.deepEqual(lateness(STEPS, started, T0 + 42 * MIN), { state: 'late', minutes: 7 });
});

test('lateness: a step started early is ahead; within a minute either way is on time', () => {
  assert.deepEqual(lateness(STEPS, progress('c', T0 + 18 * MIN), T0 + 20 * MIN), { state: 'ahead', minutes: 7 });
  assert.deepEqual(lateness(STEPS, progress('c', T0 + 24 * MIN), T0 + 24 * MIN), { state: 'on_time', minutes: 0 });
  assert.deepEqual(lateness(STEPS, progress('c', T0 + 23 * MIN + 50000), T0 + 24 * MIN), { state: 'ahead', minutes: 1 });
  // Ahead shrinks as the early step overruns, down to on time, then late.
  const early = progress('c', T0 + 18 * MIN);
  assert.deepEqual(lateness(STEPS, early, T0 + 31 * MIN), { state: 'ahead', minutes: 4 });
  assert.deepEqual(lateness(STEPS, early, T0 + 35 * MIN), { state: 'on_time', minutes: 0 });
  assert.deepEqual(lateness(STEPS, early, T0 + 40 * MIN), { state: 'late', minutes: 5 });
});

test('lateness: a current step without a start time is taken as starting now', () => {
  assert.deepEqual(lateness(STEPS, progress('b', null), T0 + 15 * MIN), { state: 'late', minutes: 10 });
});

test('lateness: steps of 0 minutes and missing minutes count as nothing', () => {
  const steps = [{ id: 'x', minutes: 0 }, { id: 'y' }, { id: 'z', minutes: 10 }];
  assert.equal(totalMinutes(steps), 10);
  assert.deepEqual(lateness(steps, progress('z', T0), T0 + 5 * MIN), { state: 'on_time', minutes: 0 });
});

test('timerRemaining: a running timer counts down to its deadline, then has ended at 0', () => {
  const timer = { status: 'running', durationMs: 10 * MIN, deadline: T0 + 10 * MIN, remainingMs: null };
  assert.deepEqual(timerRemaining(timer, T0), { remainingMs: 10 * MIN, ended: false });
  assert.deepEqual(timerRemaining(timer, T0 + 10 * MIN - 1), { remainingMs: 1, ended: false });
  assert.deepEqual(timerRemaining(timer, T0 + 10 * MIN), { remainingMs: 0, ended: true });
  assert.deepEqual(timerRemaining(timer, T0 + 60 * MIN), { remainingMs: 0, ended: true }, 'never negative');
});

test('timerRemaining: paused keeps what it had left, stopped shows its whole duration', () => {
  const paused = { status: 'paused', durationMs: 10 * MIN, deadline: null, remainingMs: 83000 };
  assert.deepEqual(timerRemaining(paused, T0), { remainingMs: 83000, ended: false });
  assert.deepEqual(timerRemaining(paused, T0 + 99 * MIN), { remainingMs: 83000, ended: false });
  const stopped = { status: 'stopped', durationMs: 5 * MIN, deadline: null, remainingMs: null };
  assert.deepEqual(timerRemaining(stopped, T0), { remainingMs: 5 * MIN, ended: false });
  assert.deepEqual(timerRemaining({ ...paused, remainingMs: -5 }, T0), { remainingMs: 0, ended: false });
  assert.deepEqual(timerRemaining(null, T0), { remainingMs: 0, ended: false });
  assert.deepEqual(timerRemaining({ status: 'running', deadline: null }, T0), { remainingMs: 0, ended: true });
});

test('formatDuration: m:ss below an hour, h:mm:ss from an hour', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(5000), '0:05');
  assert.equal(formatDuration(65000), '1:05');
  assert.equal(formatDuration(10 * MIN), '10:00');
  assert.equal(formatDuration(59 * MIN + 59000), '59:59');
  assert.equal(formatDuration(60 * MIN), '1:00:00');
  assert.equal(formatDuration(3 * 60 * MIN + 5 * MIN + 7000), '3:05:07');
});

test('formatDuration rounds up: a running timer never reads 0:00 before it has ended', () => {
  assert.equal(formatDuration(1), '0:01');
  assert.equal(formatDuration(999), '0:01');
  assert.equal(formatDuration(1001), '0:02');
  assert.equal(formatDuration(59001), '1:00');
  assert.equal(formatDuration(60 * MIN - 1), '1:00:00');
  const timer = { status: 'running', durationMs: 3000, deadline: T0 + 3000 };
  for (let now = T0; now < T0 + 3000; now += 7) {
    assert.notEqual(formatDuration(timerRemaining(timer, now).remainingMs), '0:00', `at +${now - T0} ms`);
  }
  assert.equal(formatDuration(timerRemaining(timer, T0 + 3000).remainingMs), '0:00');
  assert.equal(formatDuration(-5), '0:00');
  assert.equal(formatDuration(Number.NaN), '0:00');
});

test('nextPillar follows community, resources, co-production, sharing, co-governance', () => {
  assert.deepEqual(PILLAR_ORDER, ['community', 'resources', 'coproduction', 'sharing', 'cogovernance']);
  const walk = [];
  for (let pillar = nextPillar(null); pillar !== null; pillar = nextPillar(pillar)) walk.push(pillar);
  assert.deepEqual(walk, PILLAR_ORDER);
  assert.equal(nextPillar('cogovernance'), null);
  assert.equal(nextPillar('values'), null, 'not a pillar: no guess');
});
