// The product's words follow one set of conventions, written down in docs/glossary.md and at the
// top of i18n.js: French and English say the same things with the same placeholders; French
// (Québec) uses curly apostrophes, guillemets, a space before ":" and none before "?", "!" or ";",
// and the middle dot for inclusive writing; English reads as English. Every key the code asks for
// exists. The canvas templates and the preset agenda follow the same rules, and no text uses a
// word the glossary sets aside.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

import { mscWorkshopPreset } from '../src/main/webroot/js/agenda-preset.js';
import { EXPORT_FORMATS } from '../src/main/webroot/js/export-file.js';
import { entries, keys } from '../src/main/webroot/js/i18n.js';
import { COLORS, PILLARS, STEP_KINDS, TEMPLATES } from '../src/main/webroot/js/protocol.js';
import { balanceLevel } from '../src/main/webroot/js/templates.js';

const WEBROOT = new URL('../src/main/webroot/', import.meta.url);
const read = (relative, base = WEBROOT) => readFileSync(new URL(relative, base), 'utf8');
const JS_FILES = readdirSync(new URL('js/', WEBROOT)).filter((name) => name.endsWith('.js'));
const SOURCES = new Map(JS_FILES.map((name) => [name, read(`js/${name}`)]));
const HTML = ['index.html', 'workshop.html', 'projector.html'].map((name) => read(name)).join('\n');

const FR = new Map(entries('fr'));
const EN = new Map(entries('en'));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What is wrong with a French text, as a list of reasons (empty when it reads right). */
function frenchProblems(text) {
  const problems = [];
  const words = text.replace(/https?:\/\/\S+/g, 'URL'); // a colon inside an address is no punctuation
  if (text.includes("'")) problems.push('straight apostrophe: write ’');
  if (text.includes('"')) problems.push('straight double quote: write « »');
  if (/[“”]/.test(text)) problems.push('English quotes: write « »');
  if (/\s[?!;]/.test(text)) problems.push('space before ? ! or ;');
  if (/\S:/.test(words)) problems.push('no space before :');
  if (/«(?! )|(?<! )»/.test(text)) problems.push('guillemets take a space inside: « texte »');
  if (/[\u00a0\u202f]/.test(text)) problems.push('no-break space written out: write a plain space, t() does the rest');
  if (/\.\.\./.test(text)) problems.push('three dots: write …');
  if (/ {2}/.test(text.replace(/`[^`]*`|# Titre {3}|\*\* {3}|élément numéroté {3}|puce {3}/g, ''))) {
    problems.push('double space');
  }
  for (const [dotted] of text.matchAll(/\p{L}+·\p{L}+/gu)) {
    if (!/^\p{L}+·(e|es|rice|rices)$/u.test(dotted)) {
      problems.push(`inclusive form ${dotted}: write participant·es, animateur·rices`);
    }
  }
  if (/\(e\)|\(es\)|·e·s|\p{L}\.e\.s\b/u.test(text)) {
    problems.push('inclusive form: one middle dot, as in participant·es');
  }
  return problems;
}

/** What is wrong with an English text. */
function englishProblems(text) {
  const problems = [];
  if (text.includes("'")) problems.push('straight apostrophe: write ’');
  if (text.includes('"')) problems.push('straight double quote: write “ ”');
  if (/[«»]/.test(text)) problems.push('guillemets in English');
  if (/\s[:?!;]/.test(text)) problems.push('space before punctuation');
  if (/\d\s%/.test(text)) problems.push('English writes 100%, without a space');
  if (/[àâçéèêëîïôûùüœ]|\p{L}·\p{L}/iu.test(text)) problems.push('French left in English');
  if (/\.\.\./.test(text)) problems.push('three dots: write …');
  return problems;
}

/** The glossary's "words we do not use": [language, avoided, preferred]. */
function avoidedWords() {
  const glossary = read('../../../../docs/glossary.md');
  const section = glossary.slice(glossary.indexOf('## Words we do not use'));
  const rows = [...section.matchAll(/^\| *(fr|en) *\| *([^|]+?) *\| *([^|]+?) *\|/gm)];
  assert.ok(rows.length >= 5, 'the glossary lists the words set aside');
  return rows.map(([, language, avoided, preferred]) => [language, avoided, preferred]);
}

function usesWord(text, word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = text.replace(/\{\w+\}/g, ''); // placeholders are names in the code
  return new RegExp(`(?<![\\p{L}-])${escaped}(?![\\p{L}-])`, 'iu').test(words);
}

// --- The dictionaries -----------------------------------------------------------------------------

test('French and English have the same keys, in the same order', () => {
  assert.deepEqual(keys('en'), keys('fr'));
});

test('every string has the same {placeholders} in both languages', () => {
  for (const [key, fr] of FR) assert.deepEqual(placeholders(EN.get(key)), placeholders(fr), key);
});

test('French strings: ’, « », a space before : and none before ? ! ;, one inclusive form', () => {
  const wrong = [...FR].map(([key, text]) => [key, frenchProblems(text)]).filter(([, p]) => p.length > 0);
  assert.deepEqual(wrong, []);
});

test('English strings: curly quotes, no space before punctuation, no French left', () => {
  // The language switch names each language in its own words.
  const named = new Set(['language.switch', 'language.switch.label', 'language.fr', 'language.en']);
  const wrong = [...EN]
    .filter(([key]) => !named.has(key))
    .map(([key, text]) => [key, englishProblems(text)])
    .filter(([, p]) => p.length > 0);
  assert.deepEqual(wrong, []);
});

test('no string was left untranslated: the same text in both is a word both languages share', () => {
  const shared = new Set([
    'app.name', 'language.fr', 'language.en', 'color.orange', 'agenda.panel.minutes', 'agenda.editor.kind',
    'agenda.timer.minutes', 'agenda.timer.pause', 'agenda.timer.addMinute', 'agenda.pillar.coproduction',
    'rolemap.pillar.coproduction', 'canvases.printAll', 'canvases.printSubtitle', 'canvases.miniatureCount',
  ]);
  const same = [...FR].filter(([key, fr]) => fr === EN.get(key) && !shared.has(key)).map(([key]) => key);
  assert.deepEqual(same, []);
});

test('no text uses a word the glossary sets aside', () => {
  const texts = { fr: [...FR.values()], en: [...EN.values()] };
  for (const language of ['fr', 'en']) {
    texts[language].push(...mscWorkshopPreset(language, () => 'id').flatMap((s) => [s.title, s.body]));
    for (const template of TEMPLATES.map(readTemplate)) texts[language].push(...templateTexts(template, language));
  }
  const found = [];
  for (const [language, avoided, preferred] of avoidedWords()) {
    for (const text of texts[language]) {
      if (usesWord(text, avoided)) found.push(`${language} “${avoided}” (write “${preferred}”): ${text}`);
    }
  }
  assert.deepEqual(found, []);
});

// --- The keys the code asks for ------------------------------------------------------------------

const NAMESPACES = new Set(keys('fr').map((key) => key.split('.')[0]));

test('every key written out in the scripts and pages exists', () => {
  const missing = [];
  for (const [file, source] of SOURCES) {
    if (file === 'i18n.js') continue;
    // Any quoted 'namespace.key' (t('…'), a ternary of keys, a helper's argument)…
    for (const [, key] of source.matchAll(/['"]([a-z]+(?:\.[A-Za-z_-]+)+)['"]/g)) {
      if (NAMESPACES.has(key.split('.')[0]) && !FR.has(key)) missing.push(`${file}: ${key}`);
    }
    // …and the keys of data-i18n-attr written by a script ("aria-label:key,title:key").
    for (const [, pairs] of source.matchAll(/i18nAttr\s*=\s*'([^']+)'/g)) {
      for (const key of pairs.split(',').map((pair) => pair.split(':')[1].trim())) {
        if (!FR.has(key)) missing.push(`${file}: ${key}`);
      }
    }
  }
  for (const [, key] of HTML.matchAll(/data-i18n="([^"]+)"/g)) if (!FR.has(key)) missing.push(`html: ${key}`);
  for (const [, pairs] of HTML.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const key of pairs.split(',').map((pair) => pair.split(':')[1].trim())) {
      if (!FR.has(key)) missing.push(`html: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});

/** The values each key built at run time can end with, taken from the code that makes them. */
function builtKeys() {
  const connection = SOURCES.get('connection.js');
  const states = [...connection.matchAll(/(?:setState\(|this\.state = )([^;]*)/g)].flatMap(([, call]) =>
    [...call.matchAll(/'(\w+)'/g)].map((m) => m[1]),
  );
  const closeCodes = /FINAL_CLOSE_CODES = \{([^}]*)\}/.exec(connection)[1];
  const upload = SOURCES.get('image-upload.js');
  const uploadCodes = [...upload.matchAll(/UploadError\('(\w+)'\)|return '(\w+)';/g)].map((m) => m[1] ?? m[2]);
  const protocol = read('../../../../docs/protocol.md');
  const errorCodes = protocol.slice(protocol.indexOf('Error codes:'), protocol.indexOf('Close codes'));
  return {
    'agenda.kind.': STEP_KINDS,
    'agenda.template.': TEMPLATES,
    'agenda.pillar.': PILLARS,
    'agenda.editor.markdown.': ['headings', 'emphasis', 'lists', 'links'], // agenda-step-row.js
    'agenda.upload.': [...uploadCodes, 'failed'],
    'rolemap.pillar.': PILLARS,
    'rolemap.about.': PILLARS,
    'rolemap.count.': ['zero', 'one', 'many'], // role-map.js
    'canvases.balance.': [null, 0, 0.5, 0.75, 1].map(balanceLevel),
    'color.': COLORS,
    'export.': EXPORT_FORMATS,
    'status.': states,
    'failure.': [...closeCodes.matchAll(/'(\w+)'/g)].map((m) => m[1]),
    'error.': [...errorCodes.matchAll(/`(\w+)`/g)].map((m) => m[1]),
  };
}

test('every key built at run time exists for each value it is built from', () => {
  const built = builtKeys();
  const unknownPrefixes = [];
  for (const [file, source] of SOURCES) {
    for (const [, prefix] of source.matchAll(/`([a-z]+(?:\.[A-Za-z_-]+)*\.)\$\{/g)) {
      if (NAMESPACES.has(prefix.split('.')[0]) && !(prefix in built)) unknownPrefixes.push(`${file}: ${prefix}`);
    }
  }
  assert.deepEqual(unknownPrefixes, [], 'a new key built at run time: add where its values come from here');
  assert.ok(built['status.'].includes('connected') && built['failure.'].includes('not_found'));
  assert.ok(built['error.'].length >= 12 && built['agenda.upload.'].includes('too_many'));
  const missing = Object.entries(built).flatMap(([prefix, values]) =>
    values.map((value) => prefix + value).filter((key) => !FR.has(key)),
  );
  assert.deepEqual(missing, []);
});

// --- Templates and the preset agenda -------------------------------------------------------------

function readTemplate(id) {
  return JSON.parse(read(`templates/${id}.json`));
}

function templateTexts(template, language) {
  return [
    template.name[language],
    template.description[language],
    ...template.zones.flatMap((zone) => [zone.name[language], ...zone.questions[language]]),
  ];
}

for (const id of TEMPLATES) {
  test(`template ${id}: every text in both languages, the same number of questions, each one a question`, () => {
    const template = readTemplate(id);
    for (const language of ['fr', 'en']) {
      for (const text of templateTexts(template, language)) assert.ok(typeof text === 'string' && text.trim(), id);
    }
    for (const zone of template.zones) {
      assert.equal(zone.questions.fr.length, zone.questions.en.length, zone.id);
      for (const question of [...zone.questions.fr, ...zone.questions.en]) assert.match(question, /\?$/, question);
    }
  });

  test(`template ${id}: French and English follow the conventions`, () => {
    const template = readTemplate(id);
    assert.deepEqual(templateTexts(template, 'fr').flatMap(frenchProblems), []);
    assert.deepEqual(templateTexts(template, 'en').flatMap(englishProblems), []);
  });
}

test('the preset agenda follows the conventions in both languages', () => {
  for (const step of mscWorkshopPreset('fr', () => 'id')) {
    assert.deepEqual([step.title, step.body].flatMap(frenchProblems), [], step.title);
  }
  for (const step of mscWorkshopPreset('en', () => 'id')) {
    assert.deepEqual([step.title, step.body].flatMap(englishProblems), [], step.title);
  }
});

test('the checks themselves catch what they are meant to', () => {
  assert.deepEqual(frenchProblems('Prêt·es à commencer? « Oui » : c’est parti!'), []);
  assert.ok(frenchProblems("L'atelier").length > 0);
  assert.ok(frenchProblems('Prêt ?').length > 0);
  assert.ok(frenchProblems('Durée: 3 h').length > 0);
  assert.ok(frenchProblems('Dites "oui"').length > 0);
  assert.ok(frenchProblems('«Oui»').length > 0);
  assert.ok(frenchProblems('participant·e·s').length > 0);
  assert.ok(frenchProblems('participant(e)s').length > 0);
  assert.deepEqual(frenchProblems('[texte du lien](https://exemple.org)'), []);
  assert.deepEqual(englishProblems('Ready? “Yes”: let’s go!'), []);
  assert.ok(englishProblems('Ready ?').length > 0);
  assert.ok(englishProblems('Prêt').length > 0);
  assert.ok(englishProblems('50 %').length > 0);
  assert.ok(usesWord('Régler le minuteur', 'minuteur'));
  assert.ok(!usesWord('Régler la minuterie', 'minuteur'));
});
