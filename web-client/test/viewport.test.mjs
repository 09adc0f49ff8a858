// The pan and zoom arithmetic every pointer gesture on the canvas depends on.

import test from 'node:test';
import assert from 'node:assert/strict';

import { Viewport, boundsOf, MIN_SCALE, MAX_SCALE } from '../src/main/webroot/js/viewport.js';

test('toWorld and toScreen are inverse', () => {
  const v = new Viewport({ x: 120, y: -40, scale: 1.5 });
  const world = v.toWorld(300, 200);
  assert.deepEqual(v.toScreen(world.x, world.y), { x: 300, y: 200 });
  assert.deepEqual(world, { x: 120, y: 160 });
});

test('zoomAt keeps the world point under the pointer where it is', () => {
  const v = new Viewport({ x: 10, y: 20, scale: 1 });
  const before = v.toWorld(400, 300);
  v.zoomAt(2, 400, 300);
  assert.equal(v.scale, 2);
  const after = v.toWorld(400, 300);
  assert.ok(Math.abs(after.x - before.x) < 1e-9 && Math.abs(after.y - before.y) < 1e-9);
});

test('zoom is clamped between MIN_SCALE and MAX_SCALE', () => {
  const v = new Viewport();
  v.zoomAt(100, 0, 0);
  assert.equal(v.scale, MAX_SCALE);
  v.zoomAt(0.0001, 0, 0);
  assert.equal(v.scale, MIN_SCALE);
});

test('fit centres the box and never zooms above 100 %', () => {
  const v = new Viewport();
  v.fit({ x: 0, y: 0, width: 100, height: 100 }, 1000, 800);
  assert.equal(v.scale, 1);
  assert.deepEqual(v.toScreen(50, 50), { x: 500, y: 400 });
  v.fit({ x: -1000, y: 0, width: 4000, height: 1000 }, 1000, 800);
  assert.ok(v.scale < 1);
  const centre = v.toScreen(1000, 500);
  assert.ok(Math.abs(centre.x - 500) < 1e-9 && Math.abs(centre.y - 400) < 1e-9);
});

test('boundsOf holds every note, and is null without notes', () => {
  assert.equal(boundsOf([]), null);
  assert.deepEqual(
    boundsOf([
      { x: 10, y: 20, width: 200, height: 140 },
      { x: -50, y: 100, width: 40, height: 400 },
    ]),
    { x: -50, y: 20, width: 260, height: 480 },
  );
});
