import { describe, expect, it } from 'vitest';
import { deriveConsent } from './consent.ts';
import { checkMove } from './moves.ts';
import { decisionPolicy, quorumState } from './quorum.ts';
import type { AbsenteePolicy } from './policySchema.ts';
import type { Objection, Participant, Position, Round } from './schema.ts';
import { META_DEFAULTS } from './snapshot.ts';
import type { ConsentRecord, MeetingSnapshot } from './types.ts';

// Rules Q1–Q8 on plain snapshots: members a and b present, c absent; item i1 at revision R in consent round 2.
const R = 'R2';
const OLD = 'R1';
const member = (present = true): Participant => ({ name: 'x', role: 'member', present, joinedAt: 1 });
const pos = (position: Position['position'], round = 2, revision = R): Position => ({ position, round, revision, at: 1 });
const card = (authorId: string, revision = R, kind: Objection['kind'] = 'objection'): Objection => ({
  itemId: 'i1',
  authorId,
  kind,
  text: 't',
  status: 'open',
  revision,
  createdAt: 1,
});
const consentRound: Round = { kind: 'consent', number: 2, order: [], speaker: null, openedAt: 1 };
const BOTH = { 'i1/a': pos('consent'), 'i1/b': pos('consent') };

interface Setup {
  absentees?: AbsenteePolicy;
  quorum?: number | null;
  participants?: Record<string, Participant>;
  positions?: Record<string, Position>;
  objections?: Record<string, Objection>;
}
function snapshot(s: Setup): MeetingSnapshot {
  return {
    meta: {
      ...META_DEFAULTS,
      phase: 'items',
      facilitatorId: 'a',
      ...(s.absentees ? { absentees: s.absentees } : {}),
      ...(s.quorum !== undefined ? { quorum: s.quorum } : {}),
    },
    participants: s.participants ?? { a: member(), b: member(), c: member(false) },
    agenda: [{ id: 'i1', title: 'Kettle', kind: 'consent', ownerId: null, timeboxMin: 5, stage: 'consent', reviewDate: null }],
    proposals: { i1: { nodes: [], revision: R } },
    terms: { i1: { reviewDate: '2027-06-01', measure: '' } },
    objections: s.objections ?? {},
    positions: { ...BOTH, ...s.positions },
    rounds: { i1: consentRound },
    notes: {},
    evaluation: {},
    log: [],
  };
}

const cases: [string, Setup, Partial<ConsentRecord>][] = [
  // position-beforehand (the default)
  [
    '[Q1][Q5] by default an absent member without a position is not counted',
    {},
    { state: 'consented', eligible: ['a', 'b'], absent: ['c'], absentees: 'position-beforehand', missing: [], assumed: [] },
  ],
  [
    '[Q4][Q5] an absent member’s consent given beforehand (round 0) on this revision counts',
    { positions: { 'i1/c': pos('consent', 0) } },
    { state: 'consented', eligible: ['a', 'b', 'c'], consented: ['a', 'b', 'c'] },
  ],
  [
    '[Q4] an absent member’s position of an earlier round on this revision still counts',
    { positions: { 'i1/c': pos('concern', 1) } },
    { state: 'consented', concerns: ['c'] },
  ],
  [
    '[Q4][Q5] an absent member’s object position on this revision counts as objecting',
    { positions: { 'i1/c': pos('object', 0) } },
    { state: 'collecting', objecting: ['c'] },
  ],
  [
    '[Q4][Q5] an absent member’s position on an earlier revision is not counted, and owes nothing',
    { positions: { 'i1/c': pos('object', 0, OLD) } },
    { state: 'consented', eligible: ['a', 'b'], objecting: [], stale: [] },
  ],
  [
    '[Q8] an absent member’s open objection on this revision blocks',
    { objections: { o1: card('c') } },
    { state: 'objections', openObjections: ['o1'], setAside: [] },
  ],
  [
    '[Q8] an absent member’s open objection on an earlier revision is set aside',
    { objections: { o1: card('c', OLD) } },
    { state: 'consented', openObjections: [], setAside: ['o1'] },
  ],
  [
    '[Q8][C6] a present member’s objection on an earlier revision still blocks',
    { objections: { o1: card('b', OLD) } },
    { state: 'objections', openObjections: ['o1'], setAside: [] },
  ],
  [
    '[Q4][C3] a present member’s position given beforehand (round 0) does not count',
    { positions: { 'i1/b': pos('consent', 0) } },
    { state: 'collecting', missing: ['b'], stale: ['b'] },
  ],
  // assume-consent
  [
    '[Q6] assume-consent: an absent member without a position counts as consenting',
    { absentees: 'assume-consent' },
    { state: 'consented', eligible: ['a', 'b', 'c'], consented: ['a', 'b', 'c'], assumed: ['c'] },
  ],
  [
    '[Q6] assume-consent: a position an absent member left on this revision counts as given',
    { absentees: 'assume-consent', positions: { 'i1/c': pos('object', 0) } },
    { state: 'collecting', objecting: ['c'], assumed: [] },
  ],
  [
    '[Q6][Q4] assume-consent: a position on an earlier revision is not counted; consent is assumed',
    { absentees: 'assume-consent', positions: { 'i1/c': pos('object', 0, OLD) } },
    { state: 'consented', assumed: ['c'], stale: [] },
  ],
  [
    '[Q6][Q8] assume-consent: an objection left on this revision blocks',
    { absentees: 'assume-consent', objections: { o1: card('c') } },
    { state: 'objections', openObjections: ['o1'], assumed: ['c'] },
  ],
  [
    '[Q6][Q8] assume-consent: an objection left on an earlier revision is set aside',
    { absentees: 'assume-consent', objections: { o1: card('c', OLD) } },
    { state: 'consented', setAside: ['o1'], assumed: ['c'] },
  ],
  // wait
  [
    '[Q7] wait: an absent member without a position is owed one',
    { absentees: 'wait' },
    { state: 'collecting', eligible: ['a', 'b', 'c'], missing: ['c'], stale: [] },
  ],
  [
    '[Q7][Q4] wait: a position given beforehand on this revision counts',
    { absentees: 'wait', positions: { 'i1/c': pos('consent', 0) } },
    { state: 'consented', consented: ['a', 'b', 'c'] },
  ],
  [
    '[Q7][C4] wait: a position on an earlier revision is stale and still owed',
    { absentees: 'wait', positions: { 'i1/c': pos('consent', 0, OLD) } },
    { state: 'collecting', missing: ['c'], stale: ['c'] },
  ],
  [
    '[Q7][Q8] wait: an objection on an earlier revision is set aside, but the position is still owed',
    { absentees: 'wait', objections: { o1: card('c', OLD) } },
    { state: 'collecting', openObjections: [], setAside: ['o1'], missing: ['c'] },
  ],
  [
    '[Q7][Q8] wait: an objection on this revision blocks',
    { absentees: 'wait', positions: { 'i1/c': pos('consent', 0) }, objections: { o1: card('c') } },
    { state: 'objections', openObjections: ['o1'] },
  ],
];

describe('[Q4–Q8] deriveConsent follows the absentee policy for positions and cards alike', () => {
  it.each(cases)('%s', (_title, setup, expected) => {
    expect(deriveConsent(snapshot(setup), 'i1')).toMatchObject(expected);
  });

  it('[C14][Q5] every id list stays sorted when absent members join the record', () => {
    const r = deriveConsent(
      snapshot({ absentees: 'assume-consent', participants: { z: member(false), a: member(), b: member(), c: member(false) } }),
      'i1',
    );
    expect(r.eligible).toEqual(['a', 'b', 'c', 'z']);
    expect(r.absent).toEqual(['c', 'z']);
  });
});

const five = (present: number): Record<string, Participant> =>
  Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, member(i < present)]));

describe('[Q1–Q3] quorum', () => {
  const quorumCases: [string, Setup, { members: number; present: number; needed: number; met: boolean }][] = [
    [
      '[Q1] the default is more than half of the members (3 of 5)',
      { participants: five(3) },
      { members: 5, present: 3, needed: 3, met: true },
    ],
    [
      '[Q1] the default is more than half of the members (2 of 4 is not enough)',
      { participants: { a: member(), b: member(), c: member(false), d: member(false) } },
      { members: 4, present: 2, needed: 3, met: false },
    ],
    ['[Q1] a set number replaces the default', { participants: five(3), quorum: 4 }, { members: 5, present: 3, needed: 4, met: false }],
    [
      '[Q2] guests, observers and removed members are not members',
      {
        participants: {
          a: member(),
          b: member(false),
          g: { ...member(), role: 'guest' },
          o: { ...member(), role: 'observer' },
          r: { ...member(), removedAt: 5 },
        },
      },
      { members: 2, present: 1, needed: 2, met: false },
    ],
  ];
  it.each(quorumCases)('%s', (_title, setup, expected) => {
    expect(quorumState(snapshot(setup))).toEqual(expected);
    expect(deriveConsent(snapshot(setup), 'i1').quorum).toEqual(expected);
  });

  it('[Q1] a document without the keys reads the default policy', () => {
    expect(decisionPolicy(snapshot({}))).toEqual({ quorum: null, absentees: 'position-beforehand' });
  });

  it('[Q3] below quorum `decided` is refused with a sentence, however clear the consent', () => {
    const s = snapshot({ participants: five(3), quorum: 4, absentees: 'assume-consent', positions: { 'i1/c': pos('consent') } });
    expect(deriveConsent(s, 'i1').state).toBe('consented');
    expect(checkMove(s, { kind: 'participant', participantId: 'a' }, { kind: 'stage', itemId: 'i1', to: 'decided' })).toEqual({
      ok: false,
      rule: 'Q3',
      reason: 'Quorum not met: 3 of 5 members present, 4 needed.',
    });
  });

  it('[Q3][M7] at quorum `decided` follows the consent state', () => {
    const s = snapshot({
      participants: five(4),
      quorum: 4,
      absentees: 'assume-consent',
      positions: { 'i1/c': pos('consent'), 'i1/d': pos('consent') },
    });
    expect(checkMove(s, { kind: 'participant', participantId: 'a' }, { kind: 'stage', itemId: 'i1', to: 'decided' })).toEqual({ ok: true });
    const waiting = snapshot({
      participants: five(4),
      quorum: 4,
      absentees: 'wait',
      positions: { 'i1/c': pos('consent'), 'i1/d': pos('consent') },
    });
    expect(checkMove(waiting, { kind: 'participant', participantId: 'a' }, { kind: 'stage', itemId: 'i1', to: 'decided' })).toMatchObject({
      ok: false,
      rule: 'M7',
    });
  });
});

describe('[Q4] before the consent round', () => {
  it('[Q4][C7] an absent member’s position given beforehand is listed before the round opens; the state stays not-started', () => {
    const s = snapshot({ absentees: 'assume-consent', positions: { 'i1/c': pos('consent', 0) } });
    s.rounds = {};
    expect(deriveConsent(s, 'i1')).toMatchObject({ state: 'not-started', round: null, consented: ['c'], assumed: [], missing: ['a', 'b'] });
  });
});
