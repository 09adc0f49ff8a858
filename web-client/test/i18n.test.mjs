// What t() does with a string: placeholders, the fallback to the key, and French spacing. The
// wording itself (same keys, same placeholders, punctuation, glossary) is in wording.test.mjs.

import test from 'node:test';
import assert from 'node:assert/strict';

import { frenchSpacing, LANGUAGES, setLanguage, t } from '../src/main/webroot/js/i18n.js';

const NBSP = '\u00a0';

test('French and English are the two languages, French first', () => {
  assert.deepEqual(LANGUAGES, ['fr', 'en']);
});

test('t() fills placeholders and falls back to the key when it is unknown', () => {
  setLanguage('en', null);
  assert.equal(t('note.editing', { name: 'Aminata' }), 'Aminata is writing…');
  assert.equal(t('status.unsent', { count: 3 }), 'Unsent changes: 3');
  assert.equal(t('no.such.key'), 'no.such.key');
  setLanguage('fr', null);
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('French keeps a colon, a percent sign and the guillemets on the line of their words', () => {
  setLanguage('fr', null);
  assert.equal(t('status.unsent', { count: 3 }), `Modifications non envoyées${NBSP}: 3`);
  assert.equal(t('canvases.balance.value', { word: 'Équilibré', percent: 80 }), `Équilibré · 80${NBSP}%`);
  assert.equal(
    t('canvases.movedToGroup', { name: 'Équipe 2' }),
    `Vous faites maintenant partie du groupe «${NBSP}Équipe 2${NBSP}».`,
  );
  assert.equal(
    frenchSpacing('Durée : 3 h, « vite », 50 %'),
    `Durée${NBSP}: 3 h, «${NBSP}vite${NBSP}», 50${NBSP}%`,
  );
});

test('what people typed is shown as typed, and English is left alone', () => {
  setLanguage('fr', null);
  assert.equal(t('note.label', { text: 'Prix : 5 %' }), `Note${NBSP}: Prix : 5 %`);
  setLanguage('en', null);
  assert.equal(t('note.label', { text: 'a : b' }), 'Note: a : b');
  assert.ok(!t('canvas.help').includes(NBSP));
  setLanguage('fr', null);
});
