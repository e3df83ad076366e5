import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as cmd from './commands.ts';
import { deriveConsent } from './consent.ts';
import type { Objection, Participant, Position, Round } from './schema.ts';
import { proposal } from './schema.ts';
import { META_DEFAULTS, readMeeting } from './snapshot.ts';
import type { ConsentRecord, MeetingSnapshot } from './types.ts';

// Rules C1–C10 on plain snapshots: item i1 at revision R2, consent round 2.
const R = 'R2';
const member = (present = true): Participant => ({ name: 'x', role: 'member', present, joinedAt: 1 });
const pos = (position: Position['position'], round = 2, revision = R): Position => ({ position, round, revision, at: 1 });
const card = (kind: Objection['kind'], status: Objection['status'] = 'open', itemId = 'i1'): Objection => ({
  itemId,
  authorId: 'a',
  kind,
  text: 't',
  status,
  revision: R,
  createdAt: 1,
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
  [
    '[C7] no consent round yet is not-started, whatever was given',
    { round: null, positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') } },
    { state: 'not-started', round: null, missing: ['a', 'b'], stale: ['a', 'b'] },
  ],
  [
    '[C2] a round of another kind is no consent round',
    { round: { ...consentRound, kind: 'react' } },
    { state: 'not-started', round: null },
  ],
  [
    '[C2] a closed consent round stays current and its positions count',
    { round: { ...consentRound, closedAt: 9 }, positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') } },
    { state: 'consented', round: 2 },
  ],
  ['[C10] an open round with nobody having spoken is collecting', {}, { state: 'collecting', round: 2, missing: ['a', 'b'], stale: [] }],
  [
    '[C9] everyone eligible consenting is consented',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') } },
    { state: 'consented', consented: ['a', 'b'], missing: [] },
  ],
  [
    '[C9] a concern counts towards consent',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('concern') } },
    { state: 'consented', consented: ['a'], concerns: ['b'] },
  ],
  ['[C10] one missing member keeps it collecting', { positions: { 'i1/a': pos('consent') } }, { state: 'collecting', missing: ['b'] }],
  [
    '[C10] an object position without a card is collecting, not blocked',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('object') } },
    { state: 'collecting', objecting: ['b'], missing: [] },
  ],
  [
    '[C8] an open objection card blocks even when all consent',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection') } },
    { state: 'objections', openObjections: ['o1'] },
  ],
  [
    '[C6] an open concern card never blocks',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('concern') } },
    { state: 'consented', openObjections: [] },
  ],
  [
    '[C6] a withdrawn objection unblocks consent',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection', 'withdrawn') } },
    { state: 'consented', openObjections: [] },
  ],
  [
    '[C6] an integrated objection unblocks consent',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection', 'integrated') } },
    { state: 'consented' },
  ],
  [
    '[C6] an objection on another item does not block this one',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent') }, objections: { o1: card('objection', 'open', 'i2') } },
    { state: 'consented', openObjections: [] },
  ],
  [
    '[C6] open objection ids are sorted',
    { objections: { z: card('objection'), m: card('objection'), a: card('objection') } },
    { state: 'objections', openObjections: ['a', 'm', 'z'] },
  ],
  [
    '[C7] not-started wins over an open objection',
    { round: null, objections: { o1: card('objection') } },
    { state: 'not-started', openObjections: ['o1'] },
  ],
  [
    '[C3] a position of an older round is stale and missing',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent', 1) } },
    { state: 'collecting', consented: ['a'], missing: ['b'], stale: ['b'] },
  ],
  [
    '[C3] a position on an older revision is stale and missing',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('consent', 2, 'R1') } },
    { state: 'collecting', missing: ['b'], stale: ['b'] },
  ],
  [
    '[C4] a stale object position is not objecting',
    { positions: { 'i1/a': pos('consent'), 'i1/b': pos('object', 1) } },
    { objecting: [], missing: ['b'], stale: ['b'] },
  ],
  [
    '[C1] a guest counts for nothing',
    { participants: { a: member(), g: { ...member(), role: 'guest' } }, positions: { 'i1/a': pos('consent'), 'i1/g': pos('object') } },
    { state: 'consented', eligible: ['a'], objecting: [] },
  ],
  [
    '[C1] an observer counts for nothing',
    { participants: { a: member(), o: { ...member(), role: 'observer' } }, positions: { 'i1/a': pos('consent') } },
    { state: 'consented', eligible: ['a'] },
  ],
  [
    '[C1][Q5] an absent member is not owed a position (the default policy)',
    { participants: { a: member(), b: member(false) }, positions: { 'i1/a': pos('consent') } },
    { state: 'consented', eligible: ['a'], missing: [], absent: ['b'] },
  ],
  [
    '[C1][Q4] an absent member who consented on this revision counts; the present one is still owed',
    { participants: { a: member(), b: member(false) }, positions: { 'i1/b': pos('consent') } },
    { state: 'collecting', consented: ['b'], missing: ['a'] },
  ],
  [
    '[C1] a removed member counts for nothing, and their position stays out of the record',
    { participants: { a: member(), b: { ...member(), removedAt: 9 } }, positions: { 'i1/a': pos('consent'), 'i1/b': pos('object') } },
    { state: 'consented', eligible: ['a'], objecting: [], missing: [] },
  ],
  [
    '[C9] with no eligible member nothing is consented',
    { participants: { g: { ...member(), role: 'guest' } }, positions: { 'i1/g': pos('consent') } },
    { state: 'collecting', eligible: [] },
  ],
  [
    '[C5] every list is sorted by id',
    { participants: { c: member(), a: member(), b: member() }, positions: { 'i1/c': pos('consent'), 'i1/a': pos('consent') } },
    { eligible: ['a', 'b', 'c'], consented: ['a', 'c'], missing: ['b'] },
  ],
  [
    '[C3] a position on another item does not count here',
    { positions: { 'i2/a': pos('consent'), 'i2/b': pos('consent') } },
    { state: 'collecting', missing: ['a', 'b'], stale: [] },
  ],
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

// Concurrent writes on two peers, delivered to a third in both orders.
describe('deriveConsent after concurrent writes, in both delivery orders', () => {
  function base(): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = 100;
    cmd.createMeeting(doc, { title: 'T', circle: '', aim: '', facilitatorId: 'f', facilitatorName: 'Fay', now: 0 });
    cmd.addParticipant(doc, 'a', { name: 'Ana', role: 'member', now: 1 });
    cmd.addParticipant(doc, 'b', { name: 'Ben', role: 'member', now: 1 });
    cmd.addAgendaItem(doc, { id: 'i1', title: 'Kettle', kind: 'consent', ownerId: 'a', timeboxMin: 5 });
    proposal(doc, 'i1').insert(0, [new Y.XmlText('Buy a kettle')]);
    cmd.openRound(doc, 'i1', { kind: 'consent', order: ['f', 'a', 'b'], now: 2 });
    cmd.givePosition(doc, 'i1', 'f', 'consent', 3);
    return doc;
  }
  const edit = (d: Y.Doc) => (proposal(d, 'i1').get(0) as Y.XmlText).insert(0, 'Please ');
  const objection = (d: Y.Doc, id = 'o1') =>
    cmd.raiseObjection(d, { id, itemId: 'i1', authorId: 'b', kind: 'objection', text: 'No', now: 4 });

  type Write = (d: Y.Doc) => void;
  const cases: [string, Write, Write, Write, Partial<ConsentRecord>][] = [
    [
      '[C3] a consent given while the proposal changes is stale',
      () => {},
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      edit,
      { state: 'collecting', stale: ['a', 'f'], missing: ['a', 'b', 'f'] },
    ],
    [
      '[C15] a consent given while a new round opens is stale',
      () => {},
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      (d) => cmd.openRound(d, 'i1', { kind: 'consent', order: [], now: 5 }),
      { state: 'collecting', round: 2, stale: ['a', 'f'] },
    ],
    [
      '[C8] an objection raised with the last consent blocks',
      (d) => cmd.givePosition(d, 'i1', 'b', 'consent', 4),
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      objection,
      { state: 'objections', openObjections: ['o1'] },
    ],
    [
      '[C6] a withdrawn objection unblocks consent given meanwhile',
      (d) => {
        objection(d);
        cmd.givePosition(d, 'i1', 'b', 'consent', 4);
      },
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      (d) => cmd.withdrawObjection(d, 'o1', 6),
      { state: 'consented', openObjections: [], consented: ['a', 'b', 'f'] },
    ],
    [
      '[C9] the last two consents given at once reach consent',
      () => {},
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      (d) => cmd.givePosition(d, 'i1', 'b', 'concern', 5),
      { state: 'consented', concerns: ['b'] },
    ],
    [
      '[C1] a member leaving while the others consent is not owed',
      () => {},
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      (d) => cmd.setPresent(d, 'b', false),
      { state: 'consented', eligible: ['a', 'f'] },
    ],
    [
      '[C1] a member removed while the others consent is not owed',
      () => {},
      (d) => cmd.givePosition(d, 'i1', 'a', 'consent', 5),
      (d) => cmd.markRemoved(d, 'b', 6),
      { state: 'consented', eligible: ['a', 'f'] },
    ],
    [
      '[C6] two objections raised at once both block',
      () => {},
      (d) => objection(d, 'o2'),
      (d) => objection(d, 'o1'),
      { state: 'objections', openObjections: ['o1', 'o2'] },
    ],
  ];

  it.each(cases)('%s', (_title, before, left, right, expected) => {
    const origin = base();
    before(origin);
    const fork = (clientID: number, write: Write): Uint8Array => {
      const d = new Y.Doc();
      d.clientID = clientID;
      Y.applyUpdate(d, Y.encodeStateAsUpdate(origin));
      const sv = Y.encodeStateVector(d);
      write(d);
      return Y.encodeStateAsUpdate(d, sv);
    };
    const ua = fork(1, left);
    const ub = fork(2, right);
    const deliver = (updates: Uint8Array[]): Y.Doc => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(origin));
      for (const u of updates) Y.applyUpdate(d, u);
      return d;
    };
    const [x, y] = [deliver([ua, ub]), deliver([ub, ua])];
    const rx = deriveConsent(readMeeting(x).meeting, 'i1');
    expect(rx).toEqual(deriveConsent(readMeeting(y).meeting, 'i1'));
    expect(readMeeting(x)).toEqual(readMeeting(y));
    expect(rx).toMatchObject(expected);
  });
});
