// RO1 to RO7 on the client, without a page: the facilitator's menu for a person, the hand-over's
// two changes, the news of one's own access, a passcode's checks and refusal, the short link, and
// the credential and passcode an identity gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCESS_BADGES,
  ACCESS_OF_ACTION,
  PERSON_ACTIONS,
  accessOf,
  facilitatorCount,
  handOverChanges,
  joinUrlOf,
  ownAccessNews,
  passcodeProblem,
  passcodeRefusal,
  personActions,
  qrCodeUrl,
  shortLink,
} from '../src/main/webroot/js/access-rules.js';
import { identityFor } from '../src/main/webroot/js/identity.js';
import { entries } from '../src/main/webroot/js/i18n.js';
import { hello } from '../src/main/webroot/js/protocol.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';

const ids = () => {
  let n = 0;
  return { changeId: () => `c-${++n}` };
};

test('RO1 a person is a participant unless the shared state says otherwise', () => {
  const arrangement = { access: new Map([['ana', 'facilitator'], ['ben', 'observer']]) };
  assert.equal(accessOf(arrangement, 'ana'), 'facilitator');
  assert.equal(accessOf(arrangement, 'ben'), 'observer');
  assert.equal(accessOf(arrangement, 'chloe'), 'participant');
  assert.equal(facilitatorCount(arrangement, [{ id: 'ana' }, { id: 'ben' }, { id: 'chloe' }]), 1);
  assert.deepEqual(Object.keys(ACCESS_BADGES), ['facilitator', 'observer'], 'a participant has no badge');
});

test('RO1 RO5 the person menu offers what changes something, and oneself can only step down', () => {
  assert.deepEqual(personActions({ access: 'participant', isSelf: false }), [
    'makeFacilitator',
    'handOver',
    'makeObserver',
    'remove',
  ]);
  assert.deepEqual(personActions({ access: 'facilitator', isSelf: false }), [
    'handOver',
    'makeParticipant',
    'makeObserver',
    'remove',
  ]);
  assert.deepEqual(personActions({ access: 'observer', isSelf: false }), [
    'makeFacilitator',
    'handOver',
    'makeParticipant',
    'remove',
  ]);
  assert.deepEqual(personActions({ access: 'facilitator', isSelf: true, facilitators: 2 }), ['makeParticipant']);
  assert.deepEqual(personActions({ access: 'facilitator', isSelf: true, facilitators: 1 }), [], 'hand over instead');
  assert.deepEqual(personActions({ access: 'participant', isSelf: true }), []);
  for (const access of ['facilitator', 'participant', 'observer']) {
    const offered = personActions({ access, isSelf: false });
    assert.deepEqual(offered, PERSON_ACTIONS.filter((action) => offered.includes(action)), 'in menu order');
    for (const action of offered) {
      if (ACCESS_OF_ACTION[action]) assert.notEqual(ACCESS_OF_ACTION[action], access, `${action} of a ${access}`);
    }
  }
});

test('RO1 a hand-over promotes the other person first, then steps this one down', () => {
  const [first, second] = handOverChanges(ids(), 'ana', 'me');
  assert.deepEqual(first, { type: 'set_access', changeId: 'c-1', participantId: 'ana', access: 'facilitator' });
  assert.deepEqual(second, { type: 'set_access', changeId: 'c-2', participantId: 'me', access: 'participant' });
});

test('RO1 a hand-over shows at once in the engine, before the server confirms it (SY2)', () => {
  const engine = new SyncEngine();
  engine.receive({
    type: 'snapshot',
    revision: 3,
    notes: [],
    participants: [],
    canvases: [],
    access: { me: 'facilitator' },
  });
  for (const change of handOverChanges(ids(), 'ana', 'me')) engine.propose(change);
  assert.equal(accessOf(engine.arrangement(), 'ana'), 'facilitator');
  assert.equal(accessOf(engine.arrangement(), 'me'), 'participant');
});

test('the news of one’s own access: promoted, stepped down, observing, back to taking part', () => {
  const as = (facilitator, observer = false) => ({ facilitator, observer });
  assert.deepEqual(ownAccessNews(as(false), as(true)), ['access.toast.promoted']);
  assert.deepEqual(ownAccessNews(as(true), as(false)), ['access.toast.demoted']);
  assert.deepEqual(ownAccessNews(as(true), as(false, true)), ['access.toast.demoted', 'access.toast.observing']);
  assert.deepEqual(ownAccessNews(as(false, true), as(false)), ['access.toast.participating']);
  assert.deepEqual(ownAccessNews(as(false, true), as(true)), ['access.toast.promoted']);
  assert.deepEqual(ownAccessNews(as(true), as(true)), []);
  const keys = new Set(entries('fr').map(([key]) => key));
  for (const key of ['access.toast.promoted', 'access.toast.demoted', 'access.toast.observing', 'access.toast.participating']) {
    assert.ok(keys.has(key), key);
  }
});

test('RO4 a passcode is 4 to 40 characters once trimmed', () => {
  assert.equal(passcodeProblem('  abc  '), 'access.passcode.tooShort');
  assert.equal(passcodeProblem(''), 'access.passcode.tooShort');
  assert.equal(passcodeProblem(null), 'access.passcode.tooShort');
  assert.equal(passcodeProblem(' érable '), null);
  assert.equal(passcodeProblem('x'.repeat(40)), null);
  assert.equal(passcodeProblem('x'.repeat(41)), 'access.passcode.tooLong');
});

test('RO4 the close reason tells a wrong passcode from a missing one', () => {
  assert.equal(passcodeRefusal('Wrong passcode.'), 'wrong');
  assert.equal(passcodeRefusal('This workshop asks for a passcode.'), 'required');
  assert.equal(passcodeRefusal(undefined), 'required');
});

test('RO7 the QR code and the link it holds: the server’s joinUrl, else this page’s origin', () => {
  assert.equal(qrCodeUrl('Ab3_x'), '/api/workshops/Ab3_x/qr.svg');
  assert.equal(joinUrlOf({ id: 'Ab3', joinUrl: 'https://atelier.example.org/w/Ab3' }, 'http://x'), 'https://atelier.example.org/w/Ab3');
  assert.equal(joinUrlOf({ id: 'Ab3' }, 'http://127.0.0.1:8080'), 'http://127.0.0.1:8080/w/Ab3');
});

test('RO7 the short link drops the scheme and a trailing slash', () => {
  assert.equal(shortLink('https://atelier.example.org/w/Ab3_x'), 'atelier.example.org/w/Ab3_x');
  assert.equal(shortLink('http://127.0.0.1:8080/w/Ab3/'), '127.0.0.1:8080/w/Ab3');
});

test('RO1 RO4 RO6 an identity keeps the typed passcode for the page only, gives a credential, withholds the key', () => {
  const stored = new Map();
  const storage = {
    getItem: (key) => stored.get(key) ?? null,
    setItem: (key, value) => stored.set(key, value),
    removeItem: (key) => stored.delete(key),
  };
  const newcomer = identityFor('w1', storage);
  assert.equal(newcomer.passcode(), null);
  assert.equal(newcomer.credential(), null, 'nobody yet');
  newcomer.choosePasscode('  érable 2026 ');
  assert.equal(newcomer.passcode(), 'érable 2026');
  assert.equal(
    hello({ workshopId: 'w1', displayName: 'Ana', passcode: newcomer.passcode() }).passcode,
    'érable 2026',
  );
  newcomer.remember('t0ken', { id: 'p1', name: 'Ana' });
  assert.equal(newcomer.credential(), 't0ken', 'a promoted person’s own token');
  assert.ok(![...stored.values()].some((value) => value.includes('érable')), 'the passcode is never stored');
  const owner = identityFor('w1', storage, 'k3y');
  assert.equal(owner.credential(), 'k3y', 'the key when the page has it');
  owner.withholdKey(true);
  assert.equal(owner.facilitatorKey(), null, 'after a hand-over, a reconnect presents no key (RO1)');
  assert.equal(owner.credential(), 'k3y', 'the key still opens the HTTP routes (RO6)');
  owner.withholdKey(false);
  assert.equal(owner.facilitatorKey(), 'k3y');
});
