// The logic behind the agenda panel, the stage, the timer and the walk-through, without a DOM:
// editing the whole agenda (AG1), who follows the current step (AG3), what the timer face shows
// (TM1), where the walk-through goes next (AG5), and the image upload's contract.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import {
  addStep,
  applyDrafts,
  formatPlannedMinutes,
  insertAt,
  moveStep,
  neighbourStep,
  newStep,
  parseMinutes,
  removeStep,
  sameSteps,
} from '../src/main/webroot/js/agenda-edit.js';
import { mscWorkshopPreset } from '../src/main/webroot/js/agenda-preset.js';
import { imageMarkdown, imageUrl, MAX_IMAGE_BYTES, uploadImage } from '../src/main/webroot/js/image-upload.js';
import { pillarZone, walkOf } from '../src/main/webroot/js/pillar-walk.js';
import { setAgenda } from '../src/main/webroot/js/protocol.js';
import { mayMinimise, stageOpenAfter } from '../src/main/webroot/js/stage.js';
import { timerFace } from '../src/main/webroot/js/timer-view.js';
import { parseMarkdown } from '../src/main/webroot/js/markdown.js';

const ids = { changeId: () => 'c-1' };
const step = (id, extra = {}) => ({ ...newStep({ id, kind: 'text', title: `Step ${id}` }), ...extra });
const titles = (steps) => steps.map((s) => s.title);

test('AG1 a new step is complete in the wire shape, with a plan for its kind', () => {
  const canvas = newStep({ id: 's1', kind: 'canvas', title: 'Exercice' });
  assert.deepEqual(canvas, {
    id: 's1',
    kind: 'canvas',
    title: 'Exercice',
    body: '',
    minutes: 30,
    template: 'msc',
    pillarMinutes: null,
  });
  assert.equal(newStep({ id: 's2', kind: 'break', title: 'Pause' }).template, null);
  assert.throws(() => newStep({ id: 's3', kind: 'lunch', title: 'Dîner' }));
  // The builder sends it as is.
  assert.deepEqual(setAgenda(ids, [canvas]).steps, [canvas]);
});

test('AG1 moving, removing and adding steps give a new list and leave the old one alone', () => {
  const steps = [step('a'), step('b'), step('c')];
  assert.deepEqual(titles(moveStep(steps, 'c', -1)), ['Step a', 'Step c', 'Step b']);
  assert.deepEqual(titles(moveStep(steps, 'a', 1)), ['Step b', 'Step a', 'Step c']);
  assert.equal(moveStep(steps, 'a', -1), steps, 'the first step cannot go up');
  assert.equal(moveStep(steps, 'c', 1), steps, 'the last step cannot go down');
  assert.equal(moveStep(steps, 'gone', 1), steps);
  assert.deepEqual(titles(removeStep(steps, 'b')), ['Step a', 'Step c']);
  assert.deepEqual(titles(addStep(steps, step('d'))), ['Step a', 'Step b', 'Step c', 'Step d']);
  assert.deepEqual(titles(steps), ['Step a', 'Step b', 'Step c']);
  const full = Array.from({ length: 60 }, (_, i) => step(`s${i}`));
  assert.equal(addStep(full, step('extra')), full, 'AG1: at most 60 steps');
});

test('AG1 drafts are laid over the newest agenda: an edit from elsewhere and the typed one both stay', () => {
  const mine = [step('a'), step('b'), step('c')];
  // Another tab renamed c while this one typed a title for a.
  const newest = [step('a'), step('b'), step('c', { title: 'Renamed elsewhere' })];
  const drafts = new Map([['a', { title: '  Typed here  ', body: '**bold**' }]]);
  const merged = applyDrafts(newest, drafts);
  assert.deepEqual(titles(merged), ['Typed here', 'Step b', 'Renamed elsewhere']);
  assert.equal(merged[0].body, '**bold**');
  assert.equal(applyDrafts(mine, new Map()), mine);
  // A draft for a step removed meanwhile is dropped.
  assert.deepEqual(titles(applyDrafts([step('b')], drafts)), ['Step b']);
});

test('AG1 a draft the server would refuse leaves the stored value', () => {
  const steps = [step('a', { minutes: 5 })];
  const refused = new Map([['a', { title: '   ', minutes: 700 }]]);
  assert.deepEqual(applyDrafts(steps, refused), steps);
  assert.equal(applyDrafts(steps, new Map([['a', { minutes: 0 }]]))[0].minutes, 0);
  assert.equal(applyDrafts(steps, new Map([['a', { title: 'x'.repeat(121) }]]))[0].title, 'Step a');
});

test('AG1 only canvas steps keep a template and minutes per pillar, also when the kind changes', () => {
  const canvas = newStep({ id: 'k', kind: 'canvas', title: 'Canevas' });
  const walk = applyDrafts([canvas], new Map([['k', { template: 'blank', pillarMinutes: 10 }]]))[0];
  assert.equal(walk.template, 'blank');
  assert.equal(walk.pillarMinutes, 10);
  assert.equal(applyDrafts([walk], new Map([['k', { pillarMinutes: null }]]))[0].pillarMinutes, null, 'no walk-through');
  assert.equal(applyDrafts([walk], new Map([['k', { pillarMinutes: 61 }]]))[0].pillarMinutes, 10, 'AG1: 1 to 60');
  const text = applyDrafts([walk], new Map([['k', { kind: 'text' }]]))[0];
  assert.equal(text.template, null);
  assert.equal(text.pillarMinutes, null);
  const back = applyDrafts([text], new Map([['k', { kind: 'canvas' }]]))[0];
  assert.equal(back.template, 'msc', 'a step that becomes a canvas step gets the MSC canvas');
  assert.doesNotThrow(() => setAgenda(ids, [walk, text, back]));
});

test('AG1 nothing is sent when the drafts change nothing', () => {
  const steps = [step('a'), step('b')];
  assert.ok(sameSteps(steps, applyDrafts(steps, new Map([['a', { title: 'Step a' }]]))));
  assert.ok(!sameSteps(steps, moveStep(steps, 'b', -1)));
  assert.ok(!sameSteps(steps, [steps[0]]));
});

test('minutes typed in a field: whole numbers within the limits, empty when allowed', () => {
  assert.equal(parseMinutes('15'), 15);
  assert.equal(parseMinutes(' 0 '), 0);
  assert.ok(Number.isNaN(parseMinutes('601')));
  assert.ok(Number.isNaN(parseMinutes('-3')));
  assert.ok(Number.isNaN(parseMinutes('1.5')));
  assert.ok(Number.isNaN(parseMinutes('')));
  assert.equal(parseMinutes('', { min: 1, max: 60, empty: null }), null);
  assert.ok(Number.isNaN(parseMinutes('0', { min: 1, max: 60, empty: null })));
});

test('AG2 next starts the agenda at its first step; previous and next stop at the ends', () => {
  const steps = [step('a'), step('b'), step('c')];
  assert.equal(neighbourStep(steps, null, 1), 'a');
  assert.equal(neighbourStep(steps, null, -1), null);
  assert.equal(neighbourStep(steps, 'a', 1), 'b');
  assert.equal(neighbourStep(steps, 'b', -1), 'a');
  assert.equal(neighbourStep(steps, 'c', 1), null);
  assert.equal(neighbourStep(steps, 'a', -1), null);
  assert.equal(neighbourStep(steps, 'removed', 1), 'a', 'AG1: a removed current step leaves none');
  assert.equal(neighbourStep([], null, 1), null);
});

test('planned lengths read naturally in French and English', () => {
  assert.equal(formatPlannedMinutes(180, 'fr'), '3 h');
  assert.equal(formatPlannedMinutes(95, 'fr'), '1 h 35');
  assert.equal(formatPlannedMinutes(65, 'fr'), '1 h 05');
  assert.equal(formatPlannedMinutes(95, 'en'), '1 h 35 min');
  assert.equal(formatPlannedMinutes(45, 'en'), '45 min');
  assert.equal(formatPlannedMinutes(0, 'fr'), '0 min');
  const preset = mscWorkshopPreset('fr', (() => { let n = 0; return () => `p${++n}`; })());
  assert.equal(formatPlannedMinutes(preset.reduce((sum, s) => sum + s.minutes, 0), 'fr'), '3 h');
});

test('text inserted at the caret replaces the selection', () => {
  assert.deepEqual(insertAt('Hello world', 6, 11, 'there'), { value: 'Hello there', caret: 11 });
  assert.deepEqual(insertAt('ab', 1, 1, 'X'), { value: 'aXb', caret: 2 });
  assert.deepEqual(insertAt('ab', undefined, undefined, '!'), { value: 'ab!', caret: 3 }, 'no caret: at the end');
  assert.deepEqual(insertAt('ab', 5, 9, '!'), { value: 'ab!', caret: 3 });
});

test('AG3 participants follow the current step unless roaming; the facilitator is never moved', () => {
  assert.equal(stageOpenAfter({ open: false, facilitator: false, roaming: false }), true);
  assert.equal(stageOpenAfter({ open: false, facilitator: false, roaming: true }), false);
  assert.equal(stageOpenAfter({ open: true, facilitator: false, roaming: true }), true);
  assert.equal(stageOpenAfter({ open: false, facilitator: true, roaming: false }), false);
  assert.equal(stageOpenAfter({ open: true, facilitator: true, roaming: false }), true);
  assert.equal(mayMinimise({ facilitator: false, roaming: false }), false);
  assert.equal(mayMinimise({ facilitator: false, roaming: true }), true);
  assert.equal(mayMinimise({ facilitator: true, roaming: false }), true);
});

test('TM1 the timer face: running counts down to the deadline, paused is frozen, the end is told', () => {
  const now = 1_700_000_000_000;
  const running = { status: 'running', durationMs: 300000, deadline: now + 299001, remainingMs: null };
  assert.deepEqual(timerFace(running, now), { status: 'running', remainingMs: 299001, text: '5:00' });
  assert.deepEqual(timerFace(running, now + 299001), { status: 'ended', remainingMs: 0, text: '0:00' });
  assert.deepEqual(timerFace(running, now + 400000).status, 'ended');
  const paused = { status: 'paused', durationMs: 300000, deadline: null, remainingMs: 61000 };
  assert.deepEqual(timerFace(paused, now), { status: 'paused', remainingMs: 61000, text: '1:01' });
  assert.deepEqual(timerFace(paused, now + 1e6), timerFace(paused, now), 'time does not move a paused timer');
  const stopped = { status: 'stopped', durationMs: 0, deadline: null, remainingMs: null };
  assert.equal(timerFace(stopped, now).status, 'stopped');
});

test('AG5 the walk-through: offered on canvas steps with minutes per pillar, in the model order', () => {
  const canvas = { id: 'x', kind: 'canvas', template: 'msc', pillarMinutes: 10 };
  const none = { currentStepId: 'x', focusPillar: null };
  assert.deepEqual(walkOf(canvas, none), {
    available: true,
    pillarMinutes: 10,
    current: null,
    position: 0,
    count: 5,
    next: 'community',
  });
  const resources = walkOf(canvas, { ...none, focusPillar: 'resources' });
  assert.equal(resources.position, 2);
  assert.equal(resources.next, 'coproduction');
  assert.equal(walkOf(canvas, { ...none, focusPillar: 'cogovernance' }).next, null, 'the last pillar ends it');
  assert.equal(walkOf({ ...canvas, pillarMinutes: null }, none).available, false);
  assert.equal(walkOf({ id: 't', kind: 'text', pillarMinutes: null }, none).available, false);
  assert.equal(walkOf(null, null).available, false);
});

test('AG5 each pillar of the MSC template has a zone with questions in both languages', () => {
  const msc = JSON.parse(readFileSync(new URL('../src/main/webroot/templates/msc.json', import.meta.url)));
  for (const pillar of ['community', 'resources', 'coproduction', 'sharing', 'cogovernance']) {
    const zone = pillarZone(msc, pillar);
    assert.ok(zone, pillar);
    assert.ok(zone.questions.fr.length > 0 && zone.questions.en.length > 0, pillar);
    assert.ok(zone.name.fr && zone.name.en, pillar);
  }
  assert.equal(pillarZone(msc, 'nothing'), null);
  assert.equal(pillarZone(null, 'community'), null);
});

/** A fetch that answers once with the given status and body, and remembers the request. */
function fakeFetch(status, body) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return { status, json: async () => body };
  };
  return { fetchImpl, calls };
}

const png = (size = 10) => ({ type: 'image/png', size, name: 'carte du territoire.png' });
const ID = 'a'.repeat(64);

test('an image is posted raw with the facilitator key, and its Markdown resolves to the same origin', async () => {
  const { fetchImpl, calls } = fakeFetch(201, { id: ID, url: `/api/workshops/w1/images/${ID}` });
  const file = png();
  const image = await uploadImage({ workshopId: 'w1', facilitatorKey: 'k3y', file, fetchImpl });
  assert.deepEqual(image, { id: ID, url: `/api/workshops/w1/images/${ID}` });
  assert.equal(calls[0].url, '/api/workshops/w1/images');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer k3y');
  assert.equal(calls[0].init.headers['Content-Type'], 'image/png');
  assert.equal(calls[0].init.body, file);

  const markdown = imageMarkdown(ID, file.name);
  assert.equal(markdown, `![carte du territoire](image:${ID})`);
  const tree = parseMarkdown(markdown, { resolveImage: (id) => imageUrl('w1', id) });
  assert.equal(tree[0].children[0].attrs.src, `/api/workshops/w1/images/${ID}`);
  assert.equal(imageMarkdown(ID, 'a]b[c.jpeg'), `![a b c](image:${ID})`, 'brackets cannot end the alt text');
});

test('upload problems are told apart: type, size, refusal, rights, network', async () => {
  const attempt = async (file, status, body, options = {}) => {
    const { fetchImpl } = fakeFetch(status, body);
    try {
      await uploadImage({ workshopId: 'w1', facilitatorKey: 'k', file, fetchImpl, ...options });
      return 'ok';
    } catch (error) {
      return [error.code, error.message];
    }
  };
  assert.deepEqual(await attempt({ type: 'image/gif', size: 10 }, 201, {}), ['type', 'type']);
  assert.deepEqual(await attempt(png(MAX_IMAGE_BYTES + 1), 201, {}), ['too_large', 'too_large']);
  assert.equal(await attempt(png(MAX_IMAGE_BYTES), 201, { id: ID }), 'ok', '2 MiB is allowed');
  assert.deepEqual(await attempt(png(), 413, { message: 'too big' }), ['too_large', 'too_large']);
  assert.deepEqual(await attempt(png(), 400, { message: 'Not a PNG image' }), ['refused', 'Not a PNG image']);
  assert.deepEqual(await attempt(png(), 401, {}), ['not_allowed', 'not_allowed']);
  assert.deepEqual(await attempt(png(), 500, {}), ['failed', '500']);
  assert.deepEqual(await attempt(png(), 201, {}, { facilitatorKey: null }), ['not_allowed', 'not_allowed']);
  const offline = async () => {
    throw new TypeError('Failed to fetch');
  };
  assert.deepEqual(await attempt(png(), 0, {}, { fetchImpl: offline }), ['network', 'network']);
});
