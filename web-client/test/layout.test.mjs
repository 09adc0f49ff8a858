// The layout's decisions without a DOM: where the arrow keys take the focus in a menu, and which
// top bar layout is chosen (the first that fits, the tightest when none does).

import test from 'node:test';
import assert from 'node:assert/strict';

import { menuIndexAfter } from '../src/main/webroot/js/menu-button.js';
import { firstFitting, LAYOUTS } from '../src/main/webroot/js/top-bar.js';

test('Down and Up move through a menu and wrap around; Home and End jump', () => {
  assert.equal(menuIndexAfter('ArrowDown', 0, 4), 1);
  assert.equal(menuIndexAfter('ArrowDown', 3, 4), 0);
  assert.equal(menuIndexAfter('ArrowUp', 0, 4), 3);
  assert.equal(menuIndexAfter('ArrowUp', 2, 4), 1);
  assert.equal(menuIndexAfter('Home', 2, 4), 0);
  assert.equal(menuIndexAfter('End', 0, 4), 3);
});

test('other keys, or an empty menu, do not move the focus', () => {
  assert.equal(menuIndexAfter('Enter', 1, 4), null);
  assert.equal(menuIndexAfter('ArrowLeft', 1, 4), null);
  assert.equal(menuIndexAfter('a', 1, 4), null);
  assert.equal(menuIndexAfter('ArrowDown', -1, 0), null);
});

test('the top bar takes the roomiest layout that fits, trying them in order', () => {
  assert.deepEqual(LAYOUTS, ['full', 'compact', 'folded']);
  const tried = [];
  const chosen = firstFitting(LAYOUTS, (layout) => {
    tried.push(layout);
    return layout !== 'full';
  });
  assert.equal(chosen, 'compact');
  assert.deepEqual(tried, ['full', 'compact']);
  assert.equal(firstFitting(LAYOUTS, () => true), 'full');
});

test('when no layout fits, the tightest one is kept', () => {
  assert.equal(firstFitting(LAYOUTS, () => false), 'folded');
  assert.equal(firstFitting(['folded'], () => false), 'folded');
});
