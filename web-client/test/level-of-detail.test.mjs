// When the board draws its notes without laying their text out (docs/adr/0021).

import test from 'node:test';
import assert from 'node:assert/strict';

import { detailAt, HYSTERESIS, NOTE_FONT_PX, READABLE_PX } from '../src/main/webroot/js/level-of-detail.js';

const threshold = READABLE_PX / NOTE_FONT_PX;

test('text under the readable size on screen is not laid out; at 100 % it is', () => {
  assert.equal(detailAt(1), 'near');
  assert.equal(detailAt(0.1), 'far'); // a 15 px text at 1.5 px
  assert.equal(detailAt((READABLE_PX - 1) / NOTE_FONT_PX), 'far');
  assert.equal(detailAt((READABLE_PX + 1) / NOTE_FONT_PX), 'near');
});

test('the threshold is a readable size of the notes text: 6 px of its 15 px', () => {
  assert.equal(NOTE_FONT_PX, 15);
  assert.equal(READABLE_PX, 6);
  assert.equal(detailAt(0.307), 'far'); // a template fitted in a 1280 × 900 window: 4.6 px text
  assert.equal(detailAt(0.45), 'near'); // 6.75 px
});

test('a zoom hovering at the threshold keeps the level it has', () => {
  const justUnder = threshold * (1 - HYSTERESIS / 2);
  const justOver = threshold * (1 + HYSTERESIS / 2);
  assert.equal(detailAt(justUnder, 'near'), 'near');
  assert.equal(detailAt(justOver, 'far'), 'far');
  assert.equal(detailAt(threshold * (1 - 2 * HYSTERESIS), 'near'), 'far');
  assert.equal(detailAt(threshold * (1 + 2 * HYSTERESIS), 'far'), 'near');
});

test('without a level drawn yet, the board starts from near', () => {
  assert.equal(detailAt(threshold * (1 - HYSTERESIS / 2)), 'near');
  assert.equal(detailAt(threshold * (1 - 2 * HYSTERESIS)), 'far');
});
