// French and English say the same things: every key exists in both, and placeholders match.

import test from 'node:test';
import assert from 'node:assert/strict';

import { keys, setLanguage, t, LANGUAGES } from '../src/main/webroot/js/i18n.js';

test('French and English have the same keys', () => {
  assert.deepEqual(LANGUAGES, ['fr', 'en']);
  assert.deepEqual([...keys('en')].sort(), [...keys('fr')].sort());
});

test('every placeholder of a French string is in its English twin', () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of keys('fr')) {
    setLanguage('fr', null);
    const fr = placeholders(t(key));
    setLanguage('en', null);
    assert.deepEqual(placeholders(t(key)), fr, key);
  }
});

test('t() fills placeholders and falls back to the key when it is unknown', () => {
  setLanguage('fr', null);
  assert.equal(t('status.unsent', { count: 3 }), '3 modification(s) non envoyée(s)');
  setLanguage('en', null);
  assert.equal(t('note.editing', { name: 'Aminata' }), 'Aminata is writing…');
  assert.equal(t('no.such.key'), 'no.such.key');
});
