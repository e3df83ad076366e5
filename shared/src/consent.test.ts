import { describe, expect, it } from 'vitest';
import { deriveConsent } from './consent.ts';
import type { Objection, Participant, Position, Round } from './schema.ts';
import { META_DEFAULTS } from './snapshot.ts';
import type { ConsentRecord, MeetingSnapshot } from './types.ts';

// Rules C1–C10 on plain snapshots: item i1 at revision R2, consent round 2.
const R = 'R2';
const member = (present = true): Participant => ({ name: 'x', role: 'member', present, joinedAt: 1 });
const pos = (position: Position['position'], round = 2, revision = R): Position => ({ position, round, revision, at: 1 });
const card = (kind: Objection['kind'], status: Objection['status'] = 'open', itemId = 'i1'): Objection => ({
  itemId, authorId: 'a', kind, text: 't', status, revision: R, createdAt: 1,
});
const consentRound: Round = { kind: 'consent', number: 2, order: [], speaker: null, openedAt: 1 };

interface Setup {
  participants?: Record<string, Participant>;
  positions?: Record<string, Position>;
  objections?: Record<string, Objection>;
  round?: Round | null;
}
function snapshot(s: Setup): MeetingSnapshot {
  return {
    meta: { ...META_DEFAULTS, phase: 'items' },
    participants: s.participants ?? { a: member(), b: member() },
    agenda: [{ id: 'i1', title: 'T', kind: 'consent', ownerId: null, timeboxMin: 5, stage: 'consent', reviewDate: null }],
    proposals: { i1: { nodes: [], revision: R } },
    objections: s.objections ?? {},
    positions: s.positions ?? {},
    rounds: s.round === null ? {} : { i1: s.round ?? consentRound },
    notes: {},
    evaluation: {},
    log: [],
  };
}

type Expect = Partial<ConsentRecord>;
const cases: [string, Setup, Expect][] = [
  ['[C7] no consent round yet is not-started, whatever was given', { round: null, positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') } },
    { state: 'not-started', round: null, missing: ['a', 'b'], stale: ['a', 'b'] }],
  ['[C2] a round of another kind is no consent round', { round: { ...consentRound, kind: 'react' } }, { state: 'not-started', round: null }],
  ['[C10] an open round with nobody having spoken is collecting', {}, { state: 'collecting', round: 2, missing: ['a', 'b'], stale: [] }],
  ['[C9] everyone eligible consenting is consented', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') } },
    { state: 'consented', consented: ['a', 'b'], missing: [] }],
  ['[C9] a concern counts towards consent', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('concern') } },
    { state: 'consented', consented: ['a'], concerns: ['b'] }],
  ['[C10] one missing member keeps it collecting', { positions: { 'i1/a': pos('consent') } }, { state: 'collecting', missing: ['b'] }],
  ['[C10] an object position without a card is collecting, not blocked', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('object') } },
    { state: 'collecting', objecting: ['b'], missing: [] }],
  ['[C8] an open objection card blocks even when all consent', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection') } },
    { state: 'objections', openObjections: ['o1'] }],
  ['[C6] an open concern card never blocks', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('concern') } },
    { state: 'consented', openObjections: [] }],
  ['[C6] a withdrawn objection unblocks consent', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection', 'withdrawn') } },
    { state: 'consented', openObjections: [] }],
  ['[C6] an integrated objection unblocks consent', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection', 'integrated') } },
    { state: 'consented' }],
  ['[C6] an objection on another item does not block this one', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection', 'open', 'i2') } },
    { state: 'consented', openObjections: [] }],
  ['[C6] open objection ids are sorted', { objections: { z: card('objection'), m: card('objection'), a: card('objection') } },
    { state: 'objections', openObjections: ['a', 'm', 'z'] }],
  ['[C7] not-started wins over an open objection', { round: null, objections: { o1: card('objection') } }, { state: 'not-started', openObjections: ['o1'] }],
  ['[C3] a position of an older round is stale and missing', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent', 1) } },
    { state: 'collecting', consented: ['a'], missing: ['b'], stale: ['b'] }],
  ['[C3] a position on an older revision is stale and missing', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent', 2, 'R1') } },
    { state: 'collecting', missing: ['b'], stale: ['b'] }],
  ['[C4] a stale object position is not objecting', { positions: { 'i1/a': pos('consent'), 'i1/b': pos('object', 1) } },
    { objecting: [], missing: ['b'], stale: ['b'] }],
  ['[C1] a guest counts for nothing', { participants: { a: member(), g: { ...member(), role: 'guest' } }, positions: { 'i1/a': pos('consent'), 'i1/g': pos('object') } },
    { state: 'consented', eligible: ['a'], objecting: [] }],
  ['[C1] an observer counts for nothing', { participants: { a: member(), o: { ...member(), role: 'observer' } }, positions: { 'i1/a': pos('consent') } },
    { state: 'consented', eligible: ['a'] }],
  ['[C1] an absent member is not owed a position', { participants: { a: member(), b: member(false) }, positions: { 'i1/a': pos('consent') } },
    { state: 'consented', eligible: ['a'], missing: [] }],
  ['[C1] an absent member who consented does not count either', { participants: { a: member(), b: member(false) }, positions: { 'i1/b': pos('consent') } },
    { state: 'collecting', consented: [], missing: ['a'] }],
  ['[C9] with no eligible member nothing is consented', { participants: { g: { ...member(), role: 'guest' } }, positions: { 'i1/g': pos('consent') } },
    { state: 'collecting', eligible: [] }],
  ['[C5] every list is sorted by id', { participants: { c: member(), a: member(), b: member() }, positions: { 'i1/c': pos('consent'), 'i1/a': pos('consent') } },
    { eligible: ['a', 'b', 'c'], consented: ['a', 'c'], missing: ['b'] }],
  ['[C3] a position on another item does not count here', { positions: { 'i2/a': pos('consent'), 'i2/b': pos('consent') } },
    { state: 'collecting', missing: ['a', 'b'], stale: [] }],
];

describe('deriveConsent', () => {
  it.each(cases)('%s', (_title, setup, expected) => {
    expect(deriveConsent(snapshot(setup), 'i1')).toMatchObject(expected);
  });

  it('[C5] puts every eligible member in exactly one of consented, concerns, objecting, missing', () => {
    for (const [, setup] of cases) {
      const r = deriveConsent(snapshot(setup), 'i1');
      const all = [...r.consented, ...r.concerns, ...r.objecting, ...r.missing].sort();
      expect(all).toEqual(r.eligible);
      expect(r.stale.every((id) => r.missing.includes(id))).toBe(true);
    }
  });

  it('[C2] reports the round number and the revision it judged against', () => {
    const r = deriveConsent(snapshot({}), 'i1');
    expect(r.round).toBe(2);
    expect(r.revision).toBe(R);
  });

  it('[C7] an unknown item is not-started on the empty revision', () => {
    const r = deriveConsent(snapshot({}), 'nope');
    expect(r.state).toBe('not-started');
    expect(r.revision).toMatch(/^[0-9a-f]{16}$/);
  });
});
