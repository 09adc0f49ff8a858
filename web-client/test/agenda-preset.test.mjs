// The "MSC workshop, 3 hours" preset: both languages, exactly 180 minutes, every step in the wire
// shape with valid values, the order of the reference session, and texts that read right.

import test from 'node:test';
import assert from 'node:assert/strict';

import { mscWorkshopPreset, STEP_KINDS } from '../src/main/webroot/js/agenda-preset.js';
import { parseMarkdown } from '../src/main/webroot/js/markdown.js';
import { totalMinutes } from '../src/main/webroot/js/schedule.js';
import { keys, setLanguage, t } from '../src/main/webroot/js/i18n.js';

const LANGUAGES = ['fr', 'en'];
const FIELDS = ['id', 'kind', 'title', 'body', 'minutes', 'template', 'pillarMinutes'];
const TEMPLATES = ['msc', 'analyse-platform', 'blank'];

function counter(prefix = 's') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** The limits of an agenda step on the wire, each one a message when it is broken. */
function stepProblems(step) {
  const problems = [];
  if (JSON.stringify(Object.keys(step)) !== JSON.stringify(FIELDS)) problems.push(`fields ${Object.keys(step)}`);
  if (typeof step.id !== 'string' || step.id === '') problems.push('id');
  if (!STEP_KINDS.includes(step.kind)) problems.push(`kind ${step.kind}`);
  if (typeof step.title !== 'string' || step.title.length < 1 || step.title.length > 120) problems.push('title');
  if (typeof step.body !== 'string' || step.body.length > 20000) problems.push('body');
  if (!Number.isInteger(step.minutes) || step.minutes < 0 || step.minutes > 600) problems.push('minutes');
  const canvas = step.kind === 'canvas';
  if (canvas ? !TEMPLATES.includes(step.template) : step.template !== null) problems.push(`template ${step.template}`);
  const pillar = step.pillarMinutes;
  const pillarOk = pillar === null || (canvas && Number.isInteger(pillar) && pillar >= 1 && pillar <= 60);
  if (!pillarOk) problems.push(`pillarMinutes ${pillar}`);
  return problems;
}

/** The text a reader sees once the Markdown is rendered. */
function visibleText(nodes) {
  return nodes.map((node) => (typeof node === 'string' ? node : visibleText(node.children))).join(' ');
}

test('the kinds of step are the six of the wire', () => {
  assert.deepEqual(STEP_KINDS, ['text', 'content', 'round_table', 'canvas', 'break', 'closing']);
});

for (const language of LANGUAGES) {
  test(`${language}: the preset lasts exactly 180 minutes and every step is valid on the wire`, () => {
    const steps = mscWorkshopPreset(language, counter());
    assert.equal(totalMinutes(steps), 180);
    assert.equal(steps.reduce((sum, step) => sum + step.minutes, 0), 180);
    for (const step of steps) assert.deepEqual(stepProblems(step), [], `${step.id} ${step.title}`);
    assert.deepEqual(steps.map((s) => s.id), steps.map((_, i) => `s-${i + 1}`), 'one fresh id per step');
  });

  test(`${language}: the steps follow the reference session`, () => {
    const steps = mscWorkshopPreset(language, counter());
    assert.deepEqual(
      steps.map((s) => [s.kind, s.template, s.pillarMinutes]),
      [
        ['text', null, null], // territorial acknowledgement
        ['round_table', null, null], // tour de table
        ['content', null, null], // context
        ['content', null, null], // what a commons is, and the model
        ['canvas', 'analyse-platform', null], // exercise 1
        ['break', null, null],
        ['canvas', 'msc', 10], // exercise 2, pillar by pillar
        ['round_table', null, null], // restitution
        ['closing', null, null],
      ],
    );
    const ourPlatform = steps[6];
    assert.ok(ourPlatform.minutes >= 5 * ourPlatform.pillarMinutes, 'room for the five pillars');
  });

  test(`${language}: every body is Markdown that renders with no markup left over`, () => {
    for (const step of mscWorkshopPreset(language, counter())) {
      const tree = parseMarkdown(step.body);
      assert.ok(tree.length > 0, step.title);
      const text = visibleText(tree);
      assert.doesNotMatch(text, /\*|`|\]\(/, `${step.title}: ${text}`);
    }
  });

  test(`${language}: the model step explains the five pillars and the two balance axes`, () => {
    const model = mscWorkshopPreset(language, counter())[3].body;
    const pillars =
      language === 'fr'
        ? ['Communauté', 'Ressources', 'Co-production', 'Partage', 'Co-gouvernance']
        : ['Community', 'Resources', 'Co-production', 'Sharing', 'Co-governance'];
    for (const pillar of pillars) assert.match(model, new RegExp(`\\*\\*${pillar}\\*\\*`), pillar);
    const axes =
      language === 'fr'
        ? ['partage ↔ co-gouvernance', 'co-production ↔ ressources']
        : ['sharing ↔ co-governance', 'co-production ↔ resources'];
    for (const axis of axes) assert.ok(model.includes(axis), axis);
  });
}

test('the acknowledgement names no nation: it leaves marked places for the facilitator to fill', () => {
  const nations = [
    'Abénaki', 'Abenaki', 'Algonquin', 'Anishinabe', 'Atikamekw', 'Cri', 'Cree', 'Eeyou', 'Huron', 'Wendat',
    'Innu', 'Inuit', 'Kanien', 'Mohawk', 'Malécite', 'Wolastoq', 'Mi’gmaq', "Mi'gmaq", 'Mi’kmaq', 'Naskapi',
    'Haudenosaunee', 'Tiohtià:ke',
  ];
  for (const [language, marker] of [['fr', '[À COMPLÉTER'], ['en', '[TO COMPLETE']]) {
    const body = mscWorkshopPreset(language, counter())[0].body;
    for (const nation of nations) assert.ok(!new RegExp(`\\b${nation}`, 'i').test(body), `${language}: ${nation}`);
    assert.ok(body.split(marker).length - 1 >= 3, `${language}: the places to complete are marked`);
    assert.ok(visibleText(parseMarkdown(body)).includes(marker), 'the markers stay visible once rendered');
  }
});

test('French reads as in i18n.js: a space before ":", none before "?", "!" or ";", curly apostrophes', () => {
  for (const step of mscWorkshopPreset('fr', counter())) {
    for (const text of [step.title, step.body]) {
      assert.doesNotMatch(text, /\s[?!;]/, text);
      assert.doesNotMatch(text, /\S:/, text);
      assert.doesNotMatch(text, /'/, text);
    }
  }
});

test('French uses inclusive writing', () => {
  const all = mscWorkshopPreset('fr', counter()).map((s) => s.body).join('\n');
  for (const word of ['participant·e', 'réuni·es', 'chacun·e', 'informé·e']) assert.ok(all.includes(word), word);
});

test('English reads as English: no space before punctuation, no French left', () => {
  for (const step of mscWorkshopPreset('en', counter())) {
    for (const text of [step.title, step.body]) {
      assert.doesNotMatch(text, /\s[:?!;]/, text);
      assert.doesNotMatch(text, /[àâçéèêëîïôûùü·]/i, text);
    }
  }
});

test('an unknown language gives the French agenda; a missing id maker is refused', () => {
  assert.deepEqual(mscWorkshopPreset('de', counter()), mscWorkshopPreset('fr', counter()));
  assert.throws(() => mscWorkshopPreset('fr'), TypeError);
});

test('each call gives new objects, so that editing one agenda never changes another', () => {
  const a = mscWorkshopPreset('fr', counter('a'));
  const b = mscWorkshopPreset('fr', counter('b'));
  a[0].title = 'Changé';
  assert.equal(b[0].title, 'Reconnaissance territoriale');
  assert.notEqual(a[0].id, b[0].id);
});

test('i18n names every step kind, the preset and every lateness state, in both languages', () => {
  const needed = [
    ...STEP_KINDS.map((kind) => `agenda.kind.${kind}`),
    'agenda.preset.msc',
    'agenda.notStarted',
    'agenda.onTime',
    'agenda.late',
    'agenda.ahead',
  ];
  for (const language of ['fr', 'en']) {
    for (const key of needed) assert.ok(keys(language).includes(key), `${language} ${key}`);
  }
  setLanguage('fr', null);
  assert.equal(t('agenda.late', { minutes: 7 }), 'En retard de 7 min');
  assert.equal(t('agenda.kind.round_table'), 'Tour de table');
  assert.equal(t('agenda.preset.msc'), 'Atelier MSC, 3 heures');
  setLanguage('en', null);
  assert.equal(t('agenda.ahead', { minutes: 3 }), 'Ahead by 3 min');
  assert.equal(t('agenda.kind.canvas'), 'Canvas exercise');
  setLanguage('fr', null);
});

// Other features append their own blocks after this one (and the agenda's error texts follow it),
// so the rule is contiguity, not being last.
test('the agenda strings are one contiguous block in each dictionary', () => {
  for (const language of ['fr', 'en']) {
    const all = keys(language);
    const first = all.findIndex((key) => key.startsWith('agenda.'));
    const last = all.findLastIndex((key) => key.startsWith('agenda.'));
    assert.ok(all.slice(first, last + 1).every((key) => key.startsWith('agenda.')), language);
  }
});
