// The export menu's and the import's pure parts (EX1, EX2): the address, the saved file's name,
// and what a person is told when the server refuses.

import test from 'node:test';
import assert from 'node:assert/strict';

import {
  EXPORT_FORMATS,
  MAX_IMPORT_BYTES,
  exportUrl,
  fileNameFrom,
  importRefusalText,
  refusalText,
} from '../src/main/webroot/js/export-file.js';
import { setLanguage } from '../src/main/webroot/js/i18n.js';

test('EX1 the three formats, fetched with the reader’s time zone', () => {
  assert.deepEqual(EXPORT_FORMATS, ['md', 'csv', 'speaking', 'json']);
  assert.equal(exportUrl('abc_-1', 'md', 'America/Montreal'), '/api/workshops/abc_-1/export?format=md&tz=America%2FMontreal');
  assert.equal(exportUrl('a/b', 'json'), '/api/workshops/a%2Fb/export?format=json');
  assert.equal(MAX_IMPORT_BYTES, 160 * 1024 * 1024);
});

test('EX1 the file is saved under the name the server gives', () => {
  assert.equal(fileNameFrom('attachment; filename="atelier-msc-2025-12-04.md"', 'x.md'), 'atelier-msc-2025-12-04.md');
  assert.equal(fileNameFrom('attachment; filename=plain.csv', 'x.csv'), 'plain.csv');
  assert.equal(fileNameFrom("attachment; filename=\"a.json\"; filename*=UTF-8''%C3%A9t%C3%A9.json", 'x'), 'été.json');
  assert.equal(fileNameFrom('attachment; filename="a \\"b\\".md"', 'x'), 'a "b".md');
});

test('EX1 a missing, empty or path-like name falls back, and never escapes the downloads folder', () => {
  assert.equal(fileNameFrom(null, 'atelier.md'), 'atelier.md');
  assert.equal(fileNameFrom('attachment', 'atelier.md'), 'atelier.md');
  assert.equal(fileNameFrom('attachment; filename=""', 'atelier.md'), 'atelier.md');
  assert.equal(fileNameFrom('attachment; filename="../../etc/passwd"', 'x'), 'passwd');
  assert.equal(fileNameFrom('attachment; filename="..\\\\..\\\\evil.bat"', 'x'), 'evil.bat');
  assert.equal(fileNameFrom('attachment; filename=".."', 'atelier.md'), 'atelier.md');
  assert.equal(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'atelier.md'), 'atelier.md');
});

test('EX2 refusals in the reader’s words, or the server’s message naming the problem', () => {
  setLanguage('fr', null);
  assert.equal(refusalText(401, {}), 'le lien d’animation n’est pas reconnu.');
  assert.equal(refusalText(413, { message: 'An import is at most 160 MiB of JSON.' }), 'le fichier dépasse 160 Mo.');
  const badDocument = { error: 'bad_request', message: 'notes[3].x must be a number' };
  assert.equal(refusalText(400, badDocument), 'notes[3].x must be a number');
  assert.equal(refusalText(500, null), 'le serveur a répondu avec le code 500.');
  assert.equal(
    refusalText(500, { message: 'The server could not do this; try again.' }),
    'le serveur a répondu avec le code 500.',
    'the server’s English is only shown where it names the problem',
  );
  setLanguage('en', null);
  assert.equal(refusalText(502, { message: '  ' }), 'the server answered with code 502.');
  assert.match(refusalText(404, {}), /does not exist/);
  setLanguage('fr', null);
});

test('EX2 a refused import says so in the reader’s language and keeps the server’s diagnosis', () => {
  const plain = (text) => text.replaceAll('\u00a0', ' ');
  const body = { error: 'bad_request', message: 'This file is not an Atelier export.' };
  setLanguage('fr', null);
  assert.equal(
    plain(importRefusalText(400, body)),
    'ce fichier n’est pas un fichier JSON exporté d’Atelier. ' +
      'Détail technique : This file is not an Atelier export.',
  );
  assert.equal(importRefusalText(413, {}), 'le fichier dépasse 160 Mo.');
  setLanguage('en', null);
  assert.equal(
    importRefusalText(400, body),
    'this is not a JSON file exported from Atelier. Technical detail: This file is not an Atelier export.',
  );
  assert.equal(importRefusalText(400, {}), 'the server answered with code 400.');
  setLanguage('fr', null);
});
