// The marks of a join (join-timing.js) that the load tool's draw scenario reads: each is marked
// once per page, and the board is marked drawn only after the first draw that follows a snapshot,
// once that frame has been painted.

import test from 'node:test';
import assert from 'node:assert/strict';

import { JOIN_MARKS, boardDrawnMark, markOnce } from '../src/main/webroot/js/join-timing.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';

const marks = (name) => performance.getEntriesByName(name, 'mark');

/** Frames by hand: the callbacks requestAnimationFrame was given run when `frame()` is called. */
function frames() {
  const waiting = [];
  globalThis.requestAnimationFrame = (callback) => waiting.push(callback);
  return () => waiting.splice(0).forEach((callback) => callback());
}

/** Resolves after the message that afterPaint posts has been handled. */
const afterMessages = () => new Promise((resolve) => setTimeout(resolve, 20));

const snapshot = { type: 'snapshot', revision: 1, notes: [], participants: [], canvases: [{ id: 'main', name: 'Principal' }] };

test('markOnce keeps the first time of a mark, and the time it is given', () => {
  performance.clearMarks('atelier:test-once');
  markOnce('atelier:test-once', 12.5);
  markOnce('atelier:test-once', 99);
  assert.equal(marks('atelier:test-once').length, 1);
  assert.equal(marks('atelier:test-once')[0].startTime, 12.5);
});

test('the board is drawn only after a draw that follows the snapshot, and after its frame', async () => {
  performance.clearMarks(JOIN_MARKS.boardDrawn);
  const frame = frames();
  const engine = new SyncEngine();
  const mark = boardDrawnMark(engine);

  mark.drawn(); // a draw before the snapshot (the welcome's): the board is not there yet
  frame();
  await afterMessages();
  assert.equal(marks(JOIN_MARKS.boardDrawn).length, 0);

  engine.receive(snapshot);
  mark.drawn();
  assert.equal(marks(JOIN_MARKS.boardDrawn).length, 0, 'not before the frame is painted');
  frame();
  await afterMessages();
  assert.equal(marks(JOIN_MARKS.boardDrawn).length, 1);

  // A later snapshot (a reconnect's) and draw mark nothing more: the join is measured once.
  engine.receive({ ...snapshot, revision: 2 });
  mark.drawn();
  frame();
  await afterMessages();
  assert.equal(marks(JOIN_MARKS.boardDrawn).length, 1);
});
