// RT5 to RT9 on the client: the turn clock, who speaks next, and the speaking-time summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatTurnTime, speakingSummary, turnClock, upcomingSpeaker } from '../src/main/webroot/js/round-clock.js';

const running = (deadline, resumedAt, spokenMs = 0) => ({ participantId: 'a', deadline, remainingMs: null, resumedAt, spokenMs, secondChance: false });

test('RT8 a running turn counts down to its deadline, warns within warningMs, then counts up', () => {
  const turn = running(100_000, 0);
  assert.deepEqual(
    [turnClock(turn, 15_000, 40_000).phase, turnClock(turn, 15_000, 85_000).phase, turnClock(turn, 15_000, 100_000).phase],
    ['running', 'warning', 'overtime'],
  );
  assert.equal(turnClock(turn, 15_000, 40_000).remainingMs, 60_000);
  assert.equal(turnClock(turn, 15_000, 112_000).overtimeMs, 12_000);
  assert.equal(turnClock(turn, 15_000, 112_000).spokenMs, 112_000);
});

test('RT7 a paused turn keeps what it had left, overtime included, and its spoken time', () => {
  const paused = { participantId: 'a', deadline: null, remainingMs: -3_000, resumedAt: null, spokenMs: 123_000 };
  const clock = turnClock(paused, 15_000, 999_999);
  assert.equal(clock.phase, 'paused');
  assert.equal(clock.overtime, true);
  assert.equal(clock.remainingMs, -3_000);
  assert.equal(clock.spokenMs, 123_000);
  assert.equal(turnClock(null, 15_000, 0), null);
});

test('a turn clock never shows the same text before and after the deadline', () => {
  assert.equal(formatTurnTime(65_000), '1:05');
  assert.equal(formatTurnTime(1), '0:01');
  assert.equal(formatTurnTime(0), '+0:00');
  assert.equal(formatTurnTime(-12_999), '+0:12');
  assert.equal(formatTurnTime(-600_000), '+10:00');
});

test('RT5 the next speaker follows the order, then the passed people, then nobody', () => {
  const table = { order: ['a', 'b', 'c'], passed: [], turns: [], current: { participantId: 'a', secondChance: false } };
  assert.equal(upcomingSpeaker({ ...table, current: null }), 'a');
  assert.equal(upcomingSpeaker(table), 'b');
  assert.equal(upcomingSpeaker({ ...table, current: { participantId: 'c', secondChance: false }, passed: ['a'] }), 'a');
  assert.equal(upcomingSpeaker({ ...table, current: { participantId: 'c', secondChance: false } }), null);
  assert.equal(upcomingSpeaker({ ...table, current: { participantId: 'a', secondChance: true }, passed: ['b'] }), 'b');
  assert.equal(upcomingSpeaker({ order: [], passed: [], turns: [], current: null }), null);
});

test('RT1 a speaker removed from the order is followed by the first person who has not spoken', () => {
  const table = {
    order: ['a', 'c', 'd'],
    passed: [],
    turns: [{ participantId: 'a', spokenMs: 1, passed: false }],
    current: { participantId: 'b', secondChance: false },
  };
  assert.equal(upcomingSpeaker(table), 'c');
});

test('RT9 totals per person, min, max, median of speakers, evenness; a pass is not speaking', () => {
  const summary = speakingSummary({
    turns: [
      { participantId: 'a', spokenMs: 60_000, passed: false },
      { participantId: 'b', spokenMs: 0, passed: true },
      { participantId: 'c', spokenMs: 120_000, passed: false },
      { participantId: 'd', spokenMs: 90_000, passed: false },
      { participantId: 'e', spokenMs: 30_000, passed: false },
      { participantId: 'a', spokenMs: 30_000, passed: false },
    ],
  });
  assert.deepEqual(
    summary.people.map((p) => [p.participantId, p.totalMs, p.turns, p.spoke]),
    [['a', 90_000, 2, true], ['b', 0, 1, false], ['c', 120_000, 1, true], ['d', 90_000, 1, true], ['e', 30_000, 1, true]],
  );
  assert.equal(summary.minMs, 30_000);
  assert.equal(summary.maxMs, 120_000);
  assert.equal(summary.medianMs, 90_000);
  assert.ok(summary.evenness > 0.9 && summary.evenness < 1, `evenness ${summary.evenness}`);
});

test('RT9 evenness is 1 for equal shares, none with one speaker, and the running turn counts live', () => {
  const even = speakingSummary({ turns: [{ participantId: 'a', spokenMs: 5, passed: false }, { participantId: 'b', spokenMs: 5, passed: false }] });
  assert.equal(even.evenness, 1);
  assert.equal(even.medianMs, 5);
  const alone = speakingSummary({ turns: [{ participantId: 'a', spokenMs: 5, passed: false }] });
  assert.equal(alone.evenness, null);
  const live = speakingSummary({ turns: [], current: running(200_000, 10_000, 4_000) }, 16_000);
  assert.deepEqual(live.people, [{ participantId: 'a', totalMs: 10_000, turns: 1, spoke: true }]);
  assert.deepEqual(speakingSummary({ turns: [] }), { people: [], minMs: 0, maxMs: 0, medianMs: 0, evenness: null });
});

// The server's SpeakingSummaryTest reads the same file: both sides give these figures (RT9).
const SHARED = JSON.parse(readFileSync(new URL('../../docs/protocol/speaking-summary-cases.json', import.meta.url), 'utf8'));
for (const { name, turns, expected } of SHARED.cases) {
  test(`RT9 shared case: ${name}`, () => {
    const summary = speakingSummary({ turns });
    assert.deepEqual(
      summary.people.map((p) => [p.participantId, p.totalMs, p.turns, p.spoke]),
      expected.people,
    );
    assert.deepEqual([summary.minMs, summary.maxMs, summary.medianMs], [expected.minMs, expected.maxMs, expected.medianMs]);
    if (expected.evenness === null) assert.equal(summary.evenness, null);
    else assert.ok(Math.abs(summary.evenness - expected.evenness) < 1e-9, `${summary.evenness} vs ${expected.evenness}`);
  });
}
