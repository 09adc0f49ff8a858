// RM1 as the role map reads it: every pillar in the model's order, people by name, offline people
// kept, and the set_role that a toggle or a typed role calls for.

import test from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

import { cleanRole, ownRoles, roleChange, roleSummary, roleTyped } from '../src/main/webroot/js/role-summary.js';

const PEOPLE = [
  { id: 'p-zoe', name: 'Zoé', color: '#aa0000', online: true },
  { id: 'p-ana', name: 'ana', color: '#00aa00', online: true },
  { id: 'p-eli', name: 'Éli', color: '#0000aa', online: false },
  { id: 'p-ben', name: 'Ben', color: '#aaaa00', online: true },
];

function roles(entries) {
  return new Map(entries.map(([id, pillars]) => [id, new Map(Object.entries(pillars))]));
}

test('RM1 summary: the five pillars in the model order, empty ones included', () => {
  const summary = roleSummary(new Map(), PEOPLE);
  assert.deepEqual(
    summary.map((entry) => entry.pillar),
    ['community', 'resources', 'coproduction', 'sharing', 'cogovernance'],
  );
  for (const entry of summary) {
    assert.equal(entry.count, 0);
    assert.deepEqual(entry.people, []);
  }
});

test('RM1 summary: people sorted by name, accents and case aside, with their role and colour', () => {
  const summary = roleSummary(
    roles([
      ['p-zoe', { sharing: 'Je traduis' }],
      ['p-eli', { sharing: '' }],
      ['p-ana', { sharing: 'Je documente', community: 'Membre' }],
    ]),
    PEOPLE,
    { selfId: 'p-ana' },
  );
  const sharing = summary.find((entry) => entry.pillar === 'sharing');
  assert.equal(sharing.count, 3);
  assert.deepEqual(
    sharing.people.map((person) => [person.name, person.role]),
    [
      ['ana', 'Je documente'],
      ['Éli', ''],
      ['Zoé', 'Je traduis'],
    ],
  );
  assert.deepEqual(sharing.people[0], {
    id: 'p-ana',
    name: 'ana',
    color: '#00aa00',
    online: true,
    role: 'Je documente',
    self: true,
  });
  const community = summary.find((entry) => entry.pillar === 'community');
  assert.deepEqual(
    community.people.map((person) => person.id),
    ['p-ana'],
  );
  assert.equal(community.people[0].self, true);
  assert.equal(sharing.people[2].self, false);
});

test('RM1 summary: an offline person keeps their marker and stays listed', () => {
  const [community] = roleSummary(roles([['p-eli', { community: 'Bénévole' }]]), PEOPLE);
  assert.equal(community.count, 1);
  assert.equal(community.people[0].name, 'Éli');
  assert.equal(community.people[0].online, false);
});

test('RM1 summary: a marker of a person not known yet is listed last, without a name', () => {
  const [community] = roleSummary(
    roles([
      ['p-new', { community: 'Nouvelle' }],
      ['p-zoe', { community: '' }],
    ]),
    PEOPLE,
  );
  assert.deepEqual(
    community.people.map((person) => [person.id, person.name, person.online]),
    [
      ['p-zoe', 'Zoé', true],
      ['p-new', null, false],
    ],
  );
});

test('RM1 summary: equal names keep one order, by id', () => {
  const twins = [
    { id: 'b', name: 'Alex', color: '#111111', online: true },
    { id: 'a', name: 'alex', color: '#222222', online: true },
  ];
  const [community] = roleSummary(roles([['b', { community: '' }], ['a', { community: '' }]]), twins);
  assert.deepEqual(
    community.people.map((person) => person.id),
    ['a', 'b'],
  );
});

test('RM1 own roles: the markers of this participant only, empty before welcome', () => {
  const all = roles([
    ['p-ana', { sharing: 'Je documente' }],
    ['p-ben', { community: '' }],
  ]);
  assert.deepEqual([...ownRoles(all, 'p-ana')], [['sharing', 'Je documente']]);
  assert.deepEqual([...ownRoles(all, 'p-zoe')], []);
  assert.deepEqual([...ownRoles(all, null)], []);
});

test('RM1 clean role: trimmed and cut at 80 characters', () => {
  assert.equal(cleanRole('  Je documente  '), 'Je documente');
  assert.equal(cleanRole('x'.repeat(100)).length, 80);
  assert.equal(cleanRole(undefined), '');
});

test('RM1 toggle: on places the marker with the text, off removes it, no change sends nothing', () => {
  assert.deepEqual(roleChange(undefined, { checked: true, text: '' }), { role: '' });
  assert.deepEqual(roleChange(undefined, { checked: true, text: ' Je code ' }), { role: 'Je code' });
  assert.deepEqual(roleChange('Je code', { checked: false, text: 'Je code' }), { role: null });
  assert.equal(roleChange(undefined, { checked: false, text: 'Je code' }), null);
  assert.equal(roleChange('Je code', { checked: true, text: 'Je code ' }), null);
});

test('RM1 typed role: updates the marker, places one when something is written, never removes it', () => {
  assert.deepEqual(roleTyped('Je code', 'Je documente'), { role: 'Je documente' });
  assert.deepEqual(roleTyped(undefined, 'Je documente'), { role: 'Je documente' });
  assert.equal(roleTyped(undefined, '   '), null);
  assert.deepEqual(roleTyped('Je code', ''), { role: '' });
  assert.equal(roleTyped('Je code', 'Je code'), null);
});

test('the role map strings are one contiguous block, in both languages', async () => {
  const { keys } = await import('../src/main/webroot/js/i18n.js');
  for (const language of ['fr', 'en']) {
    const all = keys(language);
    const first = all.findIndex((key) => key.startsWith('rolemap.'));
    const count = all.filter((key) => key.startsWith('rolemap.')).length;
    assert.ok(count > 0 && all.slice(first, first + count).every((key) => key.startsWith('rolemap.')), language);
    for (const pillar of ['community', 'resources', 'coproduction', 'sharing', 'cogovernance']) {
      assert.ok(all.includes(`rolemap.pillar.${pillar}`) && all.includes(`rolemap.about.${pillar}`), pillar);
    }
  }
});

test('the role map names each pillar as the MSC canvas does, in both languages', async () => {
  const { setLanguage, t } = await import('../src/main/webroot/js/i18n.js');
  const template = JSON.parse(readFileSync(new URL('../src/main/webroot/templates/msc.json', import.meta.url), 'utf8'));
  for (const zone of template.zones.filter((z) => z.pillar)) {
    for (const language of ['fr', 'en']) {
      setLanguage(language, null);
      assert.equal(t(`rolemap.pillar.${zone.pillar}`), zone.name[language], `${zone.pillar} ${language}`);
    }
  }
  setLanguage('fr', null);
});
