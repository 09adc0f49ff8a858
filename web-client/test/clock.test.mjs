// The server clock as a tab estimates it from ping/pong (ER2): the sample with the shortest
// round trip among the last 8 wins.

import test from 'node:test';
import assert from 'node:assert/strict';

import { ClockOffset, CLOCK_SAMPLES } from '../src/main/webroot/js/clock.js';

const LOCAL = 1_700_000_000_000;
const AHEAD = 93_250; // the server's clock is 93.25 s ahead of this laptop's

/** A ping sent at local time `sent`, reaching the server after `up` ms and coming back after `down`. */
function exchange(clock, sent, up, down, skew = AHEAD) {
  return clock.sample(sent, sent + up + skew, sent + up + down);
}

test('before any sample the local clock is used, and the clock is not ready', () => {
  const clock = new ClockOffset();
  assert.equal(clock.ready(), false);
  assert.equal(clock.offset(), 0);
  assert.equal(clock.roundTrip(), null);
  assert.equal(clock.serverNow(LOCAL), LOCAL);
  assert.ok(Math.abs(clock.serverNow() - Date.now()) < 1000, 'serverNow() reads Date.now() by default');
});

test('ER2 one symmetric sample gives the exact offset', () => {
  const clock = new ClockOffset();
  assert.equal(exchange(clock, LOCAL, 40, 40), true);
  assert.equal(clock.ready(), true);
  assert.equal(clock.offset(), AHEAD);
  assert.equal(clock.roundTrip(), 80);
  assert.equal(clock.serverNow(LOCAL + 5000), LOCAL + 5000 + AHEAD);
});

test('ER2 the sample with the shortest round trip wins, however late it came', () => {
  const clock = new ClockOffset();
  exchange(clock, LOCAL, 900, 100); // slow and lopsided: 400 ms off
  assert.equal(clock.offset(), AHEAD + 400);
  exchange(clock, LOCAL + 200, 30, 30);
  exchange(clock, LOCAL + 400, 250, 50);
  assert.equal(clock.offset(), AHEAD);
  assert.equal(clock.roundTrip(), 60);
});

test('ER2 the error is at most half the round trip of the sample used', () => {
  const clock = new ClockOffset();
  for (const [up, down] of [[0, 300], [300, 0], [120, 180]]) {
    const single = new ClockOffset();
    exchange(single, LOCAL, up, down);
    assert.ok(Math.abs(single.offset() - AHEAD) <= single.roundTrip() / 2, `${up}/${down}`);
    exchange(clock, LOCAL, up, down);
  }
});

test('ER2 only the last 8 samples count, so a changed clock is followed', () => {
  assert.equal(CLOCK_SAMPLES, 8);
  const clock = new ClockOffset();
  exchange(clock, LOCAL, 5, 5); // the best sample, from before the laptop's clock changed
  for (let i = 1; i <= 7; i += 1) exchange(clock, LOCAL + i * 15000, 50, 50, AHEAD - 3_600_000);
  assert.equal(clock.offset(), AHEAD, 'still within the last 8');
  exchange(clock, LOCAL + 8 * 15000, 50, 50, AHEAD - 3_600_000);
  assert.equal(clock.offset(), AHEAD - 3_600_000, 'the old best sample has gone');
});

test('ER2 among equal round trips the latest sample wins', () => {
  const clock = new ClockOffset();
  exchange(clock, LOCAL, 20, 20, 1000);
  exchange(clock, LOCAL + 15000, 20, 20, 1010);
  assert.equal(clock.offset(), 1010);
});

test('ER2 after renew() the old samples serve until the first new one, then are forgotten', () => {
  const clock = new ClockOffset();
  clock.renew();
  assert.equal(clock.ready(), false, 'renewing nothing changes nothing');
  exchange(clock, LOCAL, 5, 5); // a very good sample, from before a sleep
  clock.renew();
  assert.equal(clock.offset(), AHEAD, 'kept while no new sample has come');
  assert.equal(clock.ready(), true);
  assert.equal(clock.sample(LOCAL, Number.NaN, LOCAL), false);
  assert.equal(clock.offset(), AHEAD, 'a rejected sample is not a new one');
  exchange(clock, LOCAL + 60000, 200, 200, AHEAD + 2000);
  assert.equal(clock.offset(), AHEAD + 2000, 'the first new sample replaces them, even with a longer round trip');
  exchange(clock, LOCAL + 60200, 300, 300, AHEAD + 2000);
  assert.equal(clock.samples.length, 2);
});

test('samples that cannot be right are ignored', () => {
  const clock = new ClockOffset();
  assert.equal(clock.sample(LOCAL, LOCAL + 5, LOCAL - 1), false, 'the local clock went back');
  assert.equal(clock.sample(LOCAL, Number.NaN, LOCAL + 1), false);
  assert.equal(clock.sample(undefined, LOCAL, LOCAL + 1), false);
  assert.equal(clock.sample('1', LOCAL, LOCAL + 1), false);
  assert.equal(clock.ready(), false);
});

test('offsets are whole milliseconds', () => {
  const clock = new ClockOffset();
  clock.sample(LOCAL, LOCAL + 10, LOCAL + 3);
  assert.equal(Number.isInteger(clock.offset()), true);
});
