// Dot voting as the client reads it (DV1 to DV4): the dots after each event, the dots left, what
// the server would refuse, and the ranking, which must be the server's (the same cases as the
// server's DotVotingTest); then the SyncEngine keeping votes from snapshots, events and this
// tab's own pending dots. The messages start from docs/protocol/examples/server/.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { dotsLeft, dotsOn, isOpen, rank, refusalOf, standings, totals, voteOf, withDot } from '../src/main/webroot/js/dot-votes.js';
import { SyncEngine } from '../src/main/webroot/js/sync-engine.js';
import * as protocol from '../src/main/webroot/js/protocol.js';

const EXAMPLES = new URL('../../docs/protocol/examples/', import.meta.url);
const example = (kind, type) => JSON.parse(readFileSync(new URL(`${kind}/${type}.json`, EXAMPLES), 'utf8'));

const ANA = 'p-ana';
const BEN = 'p-ben';
const HOST = 'p-host';

function vote(overrides = {}) {
  return voteOf({
    id: 'v-1',
    canvasId: 'main',
    pillar: null,
    dotsPerPerson: 3,
    maxPerNote: 2,
    secret: false,
    openedAt: 1,
    closedAt: null,
    noteIds: ['n-1', 'n-2', 'n-3'],
    dots: [],
    results: [],
    ...overrides,
  });
}

const ALL = new Set(['n-1', 'n-2', 'n-3']);

test('DV2 a dot placed and taken back: counts per person and note, an entry gone at zero', () => {
  let v = vote();
  v = withDot(v, ANA, 'n-1', 1);
  v = withDot(v, ANA, 'n-1', 1);
  v = withDot(v, BEN, 'n-1', 1);
  assert.equal(dotsOn(v, ANA, 'n-1'), 2);
  assert.equal(dotsOn(v, BEN, 'n-1'), 1);
  v = withDot(v, BEN, 'n-1', -1);
  assert.deepEqual(v.dots, [{ participantId: ANA, noteId: 'n-1', count: 2 }]);
  assert.equal(withDot(v, BEN, 'n-2', -1).dots.length, 1, 'taking back what is not there changes nothing');
});

test('DV2 dots left: those on a deleted note come back', () => {
  const v = withDot(withDot(vote(), ANA, 'n-1', 1), ANA, 'n-2', 1);
  assert.equal(dotsLeft(v, ANA, ALL), 1);
  assert.equal(dotsLeft(v, ANA, new Set(['n-2', 'n-3'])), 2);
  assert.equal(dotsLeft(v, BEN, ALL), 3);
});

test('DV2 what the server would refuse, with its codes', () => {
  let v = vote();
  assert.equal(refusalOf(v, ANA, 'n-1', ALL), null);
  assert.equal(refusalOf(v, ANA, 'n-9', ALL), 'not_in_vote');
  assert.equal(refusalOf(v, ANA, 'n-1', new Set(['n-2'])), 'not_in_vote', 'a deleted note');
  assert.equal(refusalOf(v, ANA, 'n-1', ALL, false), 'no_dot');
  v = withDot(withDot(v, ANA, 'n-1', 1), ANA, 'n-1', 1);
  assert.equal(refusalOf(v, ANA, 'n-1', ALL), 'note_limit');
  assert.equal(refusalOf(v, ANA, 'n-1', ALL, false), null);
  v = withDot(v, ANA, 'n-2', 1);
  assert.equal(refusalOf(v, ANA, 'n-3', ALL), 'no_dots_left');
  assert.equal(refusalOf({ ...v, closedAt: 9 }, BEN, 'n-3', ALL), 'no_vote');
  assert.equal(refusalOf(vote({ maxPerNote: null, dotsPerPerson: 2 }), ANA, 'n-1', ALL), null);
});

test('DV3 the ranking is the server\'s: dots, then voters; ties share a rank in ballot order', () => {
  // The case of the server's DotVotingTest.ranking.
  let v = vote({ noteIds: ['n-a', 'n-b', 'n-c', 'n-d', 'n-e'], dotsPerPerson: 4, maxPerNote: null });
  for (const [who, note] of [
    [ANA, 'n-b'], [ANA, 'n-b'], [ANA, 'n-b'],
    [BEN, 'n-c'], [BEN, 'n-c'], [HOST, 'n-c'],
    [BEN, 'n-e'], [HOST, 'n-d'],
  ]) {
    v = withDot(v, who, note, 1);
  }
  const live = new Set(v.noteIds);
  assert.deepEqual(rank(v, live), [
    { noteId: 'n-c', dots: 3, voters: 2, rank: 1 },
    { noteId: 'n-b', dots: 3, voters: 1, rank: 2 },
    { noteId: 'n-d', dots: 1, voters: 1, rank: 3 },
    { noteId: 'n-e', dots: 1, voters: 1, rank: 3 },
    { noteId: 'n-a', dots: 0, voters: 0, rank: 5 },
  ]);
  assert.deepEqual(totals(v).get('n-c'), { dots: 3, voters: 2 });
  live.delete('n-c');
  assert.equal(rank(v, live)[0].noteId, 'n-b', 'a deleted note leaves the ranking');
});

test('DV3 DV4 standings: the results once closed, the ranking so far when public, nothing while secret', () => {
  const results = [{ noteId: 'n-2', dots: 2, voters: 1, rank: 1 }, { noteId: 'n-1', dots: 0, voters: 0, rank: 2 }];
  assert.deepEqual(standings(vote({ closedAt: 5, results }), ALL), { final: true, rows: results });
  assert.deepEqual(standings(vote({ closedAt: 5, results }), new Set(['n-1'])).rows, [results[1]]);
  assert.equal(standings(vote({ secret: true }), ALL), null);
  const open = standings(withDot(vote(), ANA, 'n-3', 1), ALL);
  assert.equal(open.final, false);
  assert.equal(open.rows[0].noteId, 'n-3');
  assert.equal(standings(null, ALL), null);
});

test('DV1 the builders check the settings before they leave the tab', () => {
  const ids = { changeId: () => 'x-1' };
  const built = protocol.openVote(ids, { canvasId: 'main', dotsPerPerson: 5, maxPerNote: 2, secret: true });
  assert.deepEqual(built, { type: 'open_vote', changeId: 'x-1', voteId: 'v-x-1', canvasId: 'main', pillar: null, dotsPerPerson: 5, maxPerNote: 2, secret: true });
  assert.throws(() => protocol.openVote(ids, { canvasId: 'main', dotsPerPerson: 21 }), /1 to 20/);
  assert.throws(() => protocol.openVote(ids, { canvasId: 'main', dotsPerPerson: 3, maxPerNote: 4 }));
  assert.throws(() => protocol.openVote(ids, { canvasId: 'main', dotsPerPerson: 3, pillar: 'values' }), /pillar/);
});

// --- SyncEngine ------------------------------------------------------------------------------

function engineAt(revision, votes = []) {
  const e = new SyncEngine({ now: () => 0 });
  e.receive({ ...example('server', 'snapshot'), revision, votes });
  e.welcomedAs('p-5Hq2Lr8sWk1x');
  return e;
}

test('DV the examples in revision order: a vote opens, gets a dot, loses it, closes, is cleared', () => {
  const e = engineAt(59);
  e.receive(example('server', 'vote_opened'));
  const opened = e.arrangement().votes.get('main');
  assert.equal(opened.id, 'v-t7f3k-20');
  assert.ok(isOpen(opened));
  e.receive(example('server', 'dot_placed'));
  assert.equal(dotsOn(e.arrangement().votes.get('main'), 'p-5Hq2Lr8sWk1x', 'n-q8w2e-1'), 1);
  e.receive(example('server', 'dot_removed'));
  assert.deepEqual(e.arrangement().votes.get('main').dots, []);
  e.receive(example('server', 'vote_closed'));
  const closed = e.arrangement().votes.get('main');
  assert.equal(isOpen(closed), false);
  assert.equal(closed.results[0].noteId, 'n-t7f3k-1');
  e.receive(example('server', 'vote_cleared'));
  assert.equal(e.arrangement().votes.size, 0);
  assert.equal(e.confirmedRevision, 64);
});

test('DV4 a secret dot of someone else is a hidden revision that moves no count', () => {
  const e = engineAt(59);
  e.receive(example('server', 'vote_opened'));
  e.receive({ type: 'hidden', revision: 61, canvasId: 'main', change: 'vote' });
  assert.equal(e.confirmedRevision, 61);
  assert.equal(e.arrangement().hiddenNotes.has('main'), false);
  assert.deepEqual(e.arrangement().votes.get('main').dots, []);
});

test('DV2 my dot is drawn at once, kept when confirmed, and dropped when refused', () => {
  const e = engineAt(60, [example('server', 'vote_opened').vote]);
  const ids = { changeId: (() => { let n = 0; return () => `me-${++n}`; })() };
  const mine = protocol.placeDot(ids, 'v-t7f3k-20', 'n-q8w2e-1');
  e.propose(mine);
  assert.equal(dotsOn(e.arrangement().votes.get('main'), 'p-5Hq2Lr8sWk1x', 'n-q8w2e-1'), 1);
  e.receive({ ...example('server', 'dot_placed'), changeId: mine.changeId });
  assert.equal(dotsOn(e.arrangement().votes.get('main'), 'p-5Hq2Lr8sWk1x', 'n-q8w2e-1'), 1, 'not twice');
  const again = protocol.placeDot(ids, 'v-t7f3k-20', 'n-q8w2e-1');
  e.propose(again);
  assert.equal(dotsOn(e.arrangement().votes.get('main'), 'p-5Hq2Lr8sWk1x', 'n-q8w2e-1'), 2);
  e.receive({ ...example('server', 'error'), changeId: again.changeId, code: 'note_limit' });
  assert.equal(dotsOn(e.arrangement().votes.get('main'), 'p-5Hq2Lr8sWk1x', 'n-q8w2e-1'), 1);
  e.propose(protocol.placeDot(ids, 'v-t7f3k-20', 'n-q8w2e-1'));
  e.propose(protocol.placeDot(ids, 'v-t7f3k-20', 'n-q8w2e-1'));
  assert.equal(dotsOn(e.arrangement().votes.get('main'), 'p-5Hq2Lr8sWk1x', 'n-q8w2e-1'), 2, 'at most 2 per note: the third is not drawn');
});

test('DV CV3 a snapshot brings the votes; deleting the canvas takes its vote away', () => {
  const e = engineAt(42, example('server', 'snapshot').votes);
  assert.equal(e.arrangement().votes.get('main').dots[0].count, 2);
  e.receive({ ...example('server', 'canvas_deleted'), revision: 43, canvasId: 'main' });
  assert.equal(e.arrangement().votes.size, 0);
});
