// Follow and summon without a DOM (FS1 to FS3): the rectangle a board shows and how another board
// fits it, the easing of a follower, which facilitator is followed, the pace at which the
// facilitator's screen says where it is, and volatile messages on the socket.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { Connection } from '../src/main/webroot/js/connection.js';
import * as protocol from '../src/main/webroot/js/protocol.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import { MAX_SCALE, MIN_SCALE } from '../src/main/webroot/js/viewport.js';
import {
  FacilitatorViews,
  easeLook,
  easingFraction,
  fitRegion,
  lookOf,
  looksAlike,
  sameView,
  viewportOf,
  visibleRegion,
} from '../src/main/webroot/js/view-region.js';
import { SHARE, ViewPublisher } from '../src/main/webroot/js/view-share.js';

const EXAMPLES = new URL('../../docs/protocol/examples/', import.meta.url);

const near = (actual, expected, what, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not ${expected}`);

const centreOf = (region) => ({ x: region.x + region.width / 2, y: region.y + region.height / 2 });

/** Whether `outer` holds `inner` whole (to a millionth of a unit). */
const holds = (outer, inner) =>
  outer.x <= inner.x + 1e-6 &&
  outer.y <= inner.y + 1e-6 &&
  outer.x + outer.width >= inner.x + inner.width - 1e-6 &&
  outer.y + outer.height >= inner.y + inner.height - 1e-6;

// --- The rectangle a board shows, fitted into another board -------------------------------------

test('FS1 the visible region of a board is the world rectangle between its corners', () => {
  const region = visibleRegion({ x: 200, y: -100, scale: 2 }, 1280, 720);
  assert.deepEqual(region, { x: -100, y: 50, width: 640, height: 360 });
});

test('FS3 a board of the same size fitting that region shows exactly the same view', () => {
  for (const viewport of [
    { x: 0, y: 0, scale: 1 },
    { x: 310.5, y: -1200, scale: 0.35 },
    { x: -5000, y: 800, scale: 2.75 },
  ]) {
    const fitted = fitRegion(visibleRegion(viewport, 1280, 720), 1280, 720);
    near(fitted.scale, viewport.scale, 'scale');
    near(fitted.x, viewport.x, 'x', 1e-6);
    near(fitted.y, viewport.y, 'y', 1e-6);
  }
});

test('FS3 a smaller board keeps the centre and zooms out until the whole region fits', () => {
  const facilitator = { x: -640, y: -360, width: 1280, height: 720 }; // a laptop at 100 %
  const half = fitRegion(facilitator, 640, 360);
  near(half.scale, 0.5, 'half the size, half the zoom');
  const phone = fitRegion(facilitator, 360, 640); // a phone held upright
  near(phone.scale, 360 / 1280, 'the width is what limits');
  for (const [fitted, width, height] of [
    [half, 640, 360],
    [phone, 360, 640],
  ]) {
    const shown = visibleRegion(fitted, width, height);
    const centre = centreOf(shown);
    near(centre.x, 0, 'centre x', 1e-9);
    near(centre.y, 0, 'centre y', 1e-9);
    assert.ok(holds(shown, facilitator), 'the whole region is in view, never less');
  }
  // The phone sees more above and below, not on the sides.
  const shown = visibleRegion(phone, 360, 640);
  near(shown.width, 1280, 'the same width');
  assert.ok(shown.height > 720);
});

test('FS3 a larger board of another shape shows the region whole, zoomed in, with more on two sides', () => {
  const region = { x: 1000, y: 2000, width: 800, height: 600 };
  const fitted = fitRegion(region, 1920, 1080); // a projector
  near(fitted.scale, 1.8, 'the height is what limits');
  const shown = visibleRegion(fitted, 1920, 1080);
  assert.ok(holds(shown, region));
  near(centreOf(shown).x, 1400, 'centre x', 1e-9);
  near(centreOf(shown).y, 2300, 'centre y', 1e-9);
  near(shown.height, 600, 'no room lost above and below');
});

test('FS3 the fitted zoom stays within the board’s limits', () => {
  assert.equal(fitRegion({ x: 0, y: 0, width: 200000, height: 100000 }, 1280, 720).scale, MIN_SCALE);
  assert.equal(fitRegion({ x: 0, y: 0, width: 10, height: 10 }, 1280, 720).scale, MAX_SCALE);
  const centred = visibleRegion(fitRegion({ x: 0, y: 0, width: 10, height: 10 }, 1280, 720), 1280, 720);
  near(centreOf(centred).x, 5, 'still centred', 1e-9);
});

// --- Easing a follower towards the facilitator's view -------------------------------------------

test('FS3 a look and a viewport convert both ways', () => {
  const viewport = { x: 120, y: -40, scale: 1.5 };
  const look = lookOf(viewport, 800, 600);
  assert.deepEqual(look, { cx: (400 - 120) / 1.5, cy: (300 + 40) / 1.5, scale: 1.5 });
  const back = viewportOf(look, 800, 600);
  near(back.x, 120, 'x');
  near(back.y, -40, 'y');
});

test('FS3 easing moves the centre in a line and the zoom geometrically', () => {
  const from = { cx: 0, cy: 0, scale: 1 };
  const to = { cx: 100, cy: -50, scale: 4 };
  assert.deepEqual(easeLook(from, to, 0), from);
  assert.deepEqual(easeLook(from, to, 1), to);
  const half = easeLook(from, to, 0.5);
  assert.deepEqual(half, { cx: 50, cy: -25, scale: 2 });
  assert.deepEqual(easeLook(from, to, 7), to, 'never past the target');
});

test('FS3 the easing covers the same ground whatever the frame rate', () => {
  const twoShort = 1 - (1 - easingFraction(8)) ** 2;
  near(twoShort, easingFraction(16), 'two frames of 8 ms are one of 16 ms', 1e-12);
  assert.equal(easingFraction(0), 0);
  assert.ok(easingFraction(1000) > 0.9999);
});

test('FS3 a follower eased frame by frame arrives, and then stops moving', () => {
  let look = { cx: 0, cy: 0, scale: 1 };
  const target = { cx: 3000, cy: -800, scale: 0.5 };
  let frames = 0;
  while (!looksAlike(look, target)) {
    look = easeLook(look, target, easingFraction(16));
    frames += 1;
    assert.ok(frames < 120, 'within two seconds at 60 frames a second');
  }
  assert.ok(frames > 5, 'not a jump');
  assert.ok(looksAlike(target, target));
  assert.ok(!looksAlike({ cx: 0, cy: 0, scale: 1 }, { cx: 1, cy: 0, scale: 1 }), 'a pixel apart');
  assert.ok(!looksAlike({ cx: 0, cy: 0, scale: 1 }, { cx: 0, cy: 0, scale: 1.01 }));
});

// --- Which facilitator a follower follows ---------------------------------------------------------

const view = (participantId, x, canvasId = 'main') => ({
  participantId,
  canvasId,
  view: { x, y: 0, width: 1280, height: 720 },
});

test('FS3 the follower follows the facilitator whose view changed last', () => {
  const views = new FacilitatorViews();
  assert.equal(views.leading(), null);
  assert.equal(views.take(view('p-anim', 0)), true);
  assert.equal(views.leading().participantId, 'p-anim');
  assert.equal(views.take(view('p-cofac', 10)), true);
  assert.equal(views.leading().participantId, 'p-cofac');
  assert.equal(views.take(view('p-anim', 20)), true);
  assert.equal(views.leading().participantId, 'p-anim');
  assert.equal(views.leading().view.x, 20);
});

test('FS2 FS3 a view sent again unchanged does not take the lead from the one who moved', () => {
  const views = new FacilitatorViews();
  views.take(view('p-anim', 0));
  views.take(view('p-cofac', 10));
  assert.equal(views.take(view('p-anim', 0)), false, 'the three-second repeat');
  assert.equal(views.leading().participantId, 'p-cofac');
  assert.equal(views.take(view('p-anim', 0, 'c-2')), true, 'another canvas is a change');
  assert.equal(views.leading().participantId, 'p-anim');
});

test('FS2 two views are the same when their canvas and rectangle are', () => {
  assert.ok(sameView(view('a', 1), view('b', 1.001)));
  assert.ok(!sameView(view('a', 1), view('a', 2)));
  assert.ok(!sameView(view('a', 1), view('a', 1, 'c-2')));
  assert.ok(!sameView(null, view('a', 1)));
});

// --- The facilitator's screen says where it is ----------------------------------------------------

/** Timers on a clock the test moves. */
function fakeTime() {
  let now = 0;
  let next = 1;
  const pending = new Map(); // id -> {at, fn, every}
  const timers = {
    setTimeout: (fn, ms) => (pending.set(next, { at: now + ms, fn }), next++),
    clearTimeout: (id) => pending.delete(id),
    setInterval: (fn, ms) => (pending.set(next, { at: now + ms, fn, every: ms }), next++),
    clearInterval: (id) => pending.delete(id),
  };
  const advance = (ms) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      now = timer.at;
      if (timer.every) timer.at += timer.every;
      else pending.delete(id);
      timer.fn();
    }
    now = end;
  };
  return { timers, now: () => now, advance };
}

function publisherOn(time, { online = () => true, active = () => true } = {}) {
  const sent = [];
  let shown = { canvasId: 'main', view: { x: 0, y: 0, width: 1280, height: 720 } };
  const publisher = new ViewPublisher({
    read: () => shown,
    active,
    send: (shared) => online() && (sent.push({ at: time.now(), x: shared.view.x, canvasId: shared.canvasId }), true),
    timers: time.timers,
    now: time.now,
  });
  const move = (x, canvasId = 'main') => {
    shown = { canvasId, view: { ...shown.view, x } };
    publisher.changed();
  };
  return { publisher, sent, move, hide: () => (shown = null) };
}

test('FS2 at most ten views a second while the view moves, and the latest always goes out last', () => {
  const time = fakeTime();
  const { sent, move } = publisherOn(time);
  move(1); // sent at once
  for (let i = 2; i <= 30; i += 1) {
    time.advance(10);
    move(i);
  }
  time.advance(SHARE.intervalMs);
  assert.equal(sent[0].x, 1);
  assert.equal(sent.at(-1).x, 30, 'the latest view, once the gesture is over');
  for (let i = 1; i < sent.length; i += 1) {
    assert.ok(sent[i].at - sent[i - 1].at >= SHARE.intervalMs, `${sent[i].at} after ${sent[i - 1].at}`);
  }
  assert.ok(sent.length <= 5, `300 ms of moving: ${sent.length} views`);
});

test('FS2 a view that did not change is not sent again, except every three seconds while still', () => {
  const time = fakeTime();
  const { publisher, sent, move } = publisherOn(time);
  publisher.start();
  move(5);
  time.advance(500);
  move(5); // a redraw without a change
  time.advance(500);
  assert.equal(sent.length, 1);
  time.advance(SHARE.repeatMs);
  assert.equal(sent.length, 2, 'repeated for whoever arrived since');
  assert.equal(sent[1].x, 5);
  move(6, 'c-2');
  assert.deepEqual(sent.at(-1), { at: time.now(), x: 6, canvasId: 'c-2' }, 'another canvas goes out at once');
  publisher.stop();
  time.advance(10 * SHARE.repeatMs);
  assert.equal(sent.length, 3, 'stopped: no more repeats');
});

test('FS2 a window the person is not using repeats nothing, but still says when its view changes', () => {
  const time = fakeTime();
  const { publisher, sent, move } = publisherOn(time, { active: () => false });
  publisher.start();
  move(3);
  time.advance(10 * SHARE.repeatMs);
  assert.equal(sent.length, 1, 'no repeat from a second window');
  move(4);
  assert.equal(sent.length, 2);
});

test('FS2 offline, nothing is counted as sent: the next change or repeat sends it', () => {
  const time = fakeTime();
  let online = false;
  const { publisher, sent, move } = publisherOn(time, { online: () => online });
  publisher.start();
  move(7);
  time.advance(1000);
  assert.equal(sent.length, 0);
  online = true;
  time.advance(SHARE.tickMs);
  assert.equal(sent.length, 1, 'the repeat sends what could not go out');
  assert.equal(sent[0].x, 7);
});

test('FS2 a screen that shows nothing (not facilitating, no canvas yet) sends nothing', () => {
  const time = fakeTime();
  const { publisher, sent, hide } = publisherOn(time);
  hide();
  publisher.start();
  publisher.changed();
  time.advance(10 * SHARE.repeatMs);
  assert.deepEqual(sent, []);
});

// --- A volatile message on the socket -------------------------------------------------------------

test('FS1 FS2 a volatile message goes out only while connected, and is never sent again', () => {
  const sockets = [];
  class Socket {
    constructor() {
      this.readyState = 0;
      this.sent = [];
      sockets.push(this);
    }
    send(data) {
      this.sent.push(JSON.parse(data));
    }
    close() {
      this.readyState = 3;
    }
  }
  const time = fakeTime();
  const connection = new Connection({
    url: 'ws://atelier.test/ws',
    workshopId: 'w',
    engine: new SyncEngine({ now: time.now }),
    identity: { token: () => 't', displayName: () => null, remember: () => {}, forget: () => {} },
    WebSocketImpl: Socket,
    timers: time.timers,
    random: () => 0.5,
    now: time.now,
  });
  const message = protocol.summon('main', { x: -640.123, y: 0, width: 1280, height: 0.2 });
  assert.deepEqual(message.view, { x: -640.12, y: 0, width: 1280, height: 1 }, 'rounded, within FS1');
  assert.equal(connection.sendVolatile(message), false, 'not connected yet: dropped');
  connection.start();
  const socket = sockets[0];
  socket.readyState = 1;
  socket.onopen();
  const welcome = { ...JSON.parse(readFileSync(new URL('server/welcome.json', EXAMPLES), 'utf8')), facilitator: true };
  socket.onmessage({ data: JSON.stringify(welcome) });
  assert.equal(connection.sendVolatile(message), true);
  assert.deepEqual(socket.sent.filter((m) => m.type === 'summon'), [message]);
  socket.onclose({ code: 1006, reason: '' });
  time.advance(10000); // reconnects
  const again = sockets.at(-1);
  again.readyState = 1;
  again.onopen();
  assert.deepEqual(again.sent.filter((m) => m.type === 'summon'), [], 'a moment is not resent (SY3 is for changes)');
});
