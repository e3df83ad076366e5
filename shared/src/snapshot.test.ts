import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EMPTY_REVISION, proposalRevision } from './revision.ts';
import {
  agenda,
  evaluation,
  itemIdOfProposalRoot,
  log,
  meta,
  notes,
  objections,
  participants,
  positions,
  proposal,
  proposalRootName,
  rounds,
} from './schema.ts';
import { META_DEFAULTS, readMeeting } from './snapshot.ts';

function item(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}
const validItem = { id: 'i1', title: 'Kettle', kind: 'consent', ownerId: 'p1', timeboxMin: 10, stage: 'draft', reviewDate: null };

describe('readMeeting', () => {
  it('reads an empty document as the defaults, with nothing ignored', () => {
    const { meeting, ignored } = readMeeting(new Y.Doc());
    expect(ignored).toEqual([]);
    expect(meeting).toEqual({
      meta: META_DEFAULTS,
      terms: {},
      participants: {},
      agenda: [],
      proposals: {},
      objections: {},
      positions: {},
      rounds: {},
      notes: {},
      evaluation: {},
      log: [],
      sealed: {},
      nominations: {},
      handover: {},
      backlog: {},
      actions: {},
    });
    expect(meeting.meta.phase).toBe('lobby');
  });

  it('copies every valid entry into plain data', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      meta(doc).set('title', 'Budget');
      meta(doc).set('phase', 'items');
      meta(doc).set('activeItemId', 'i1');
      meta(doc).set('facilitatorId', 'p1');
      participants(doc).set('p1', { name: 'Ana', role: 'member', present: true, joinedAt: 5, extra: 'dropped' });
      agenda(doc).push([item(validItem)]);
      proposal(doc, 'i1').insert(0, [new Y.XmlText('Buy a kettle')]);
      objections(doc).set('o1', {
        itemId: 'i1',
        authorId: 'p1',
        kind: 'concern',
        text: 'Cost',
        status: 'open',
        revision: 'r',
        createdAt: 7,
      });
      positions(doc).set('i1/p1', { position: 'consent', round: 1, revision: 'r', at: 8 });
      rounds(doc).set('i1', { kind: 'consent', number: 1, order: ['p1'], speaker: 'p1', openedAt: 6 });
      const note = new Y.Text();
      notes(doc).set('i1', note);
      note.insert(0, 'noted');
      evaluation(doc).set('p1', { ratings: { clarity: 4 }, comment: 'good' });
      log(doc).push([{ type: 'phase', at: 1, actorId: 'p1', from: 'lobby', to: 'opening' }]);
    });
    const { meeting, ignored } = readMeeting(doc);
    expect(ignored).toEqual([]);
    expect(meeting.meta).toEqual({ ...META_DEFAULTS, title: 'Budget', phase: 'items', activeItemId: 'i1', facilitatorId: 'p1' });
    expect(meeting.participants).toEqual({ p1: { name: 'Ana', role: 'member', present: true, joinedAt: 5 } });
    expect(meeting.agenda).toEqual([validItem]);
    expect(meeting.proposals.i1).toEqual({
      nodes: [{ type: 'text', text: 'Buy a kettle', marks: {} }],
      revision: proposalRevision(doc, 'i1'),
    });
    expect(meeting.objections.o1?.text).toBe('Cost');
    expect(meeting.positions['i1/p1']?.position).toBe('consent');
    expect(meeting.rounds.i1?.number).toBe(1);
    expect(meeting.notes).toEqual({ i1: 'noted' });
    expect(meeting.evaluation.p1).toEqual({ ratings: { clarity: 4 }, comment: 'good' });
    expect(meeting.log).toHaveLength(1);
  });

  it('names proposal roots after their item', () => {
    expect(proposalRootName('i1')).toBe('proposal/i1');
    expect(itemIdOfProposalRoot('proposal/i1')).toBe('i1');
    expect(itemIdOfProposalRoot('notes')).toBeNull();
  });

  it('gives every agenda item a proposal, empty before anyone writes one', () => {
    const doc = new Y.Doc();
    agenda(doc).push([item(validItem)]);
    expect(readMeeting(doc).meeting.proposals).toEqual({ i1: { nodes: [], revision: EMPTY_REVISION } });
  });

  // Garbage a peer may write: each row writes one bad entry next to a good one.
  const garbage: [string, string, string | number, (doc: Y.Doc) => void][] = [
    ['a meta entry of the wrong type', 'meta', 'phase', (d) => meta(d).set('phase', 'party')],
    ['a meta id that is empty', 'meta', 'facilitatorId', (d) => meta(d).set('facilitatorId', '')],
    [
      'a participant without a name',
      'participants',
      'p9',
      (d) => participants(d).set('p9', { role: 'member', present: true, joinedAt: 1 }),
    ],
    [
      'a participant stored as a Y.Map',
      'participants',
      'p8',
      (d) => participants(d).set('p8', item({ name: 'X', role: 'member', present: true, joinedAt: 1 })),
    ],
    [
      'a participant key over 128 characters',
      'participants',
      'p'.repeat(129),
      (d) => participants(d).set('p'.repeat(129), { name: 'X', role: 'member', present: true, joinedAt: 1 }),
    ],
    [
      'a participant with an empty key',
      'participants',
      '',
      (d) => participants(d).set('', { name: 'X', role: 'member', present: true, joinedAt: 1 }),
    ],
    ['an agenda item that is not a map', 'agenda', 1, (d) => agenda(d).push(['oops' as unknown as Y.Map<unknown>])],
    ['an agenda item with an unknown kind', 'agenda', 1, (d) => agenda(d).push([item({ ...validItem, id: 'i2', kind: 'vote' })])],
    ['an agenda item with a duplicate id', 'agenda', 1, (d) => agenda(d).push([item({ ...validItem, title: 'Copy' })])],
    [
      'an objection with an unknown status',
      'objections',
      'o9',
      (d) =>
        objections(d).set('o9', {
          itemId: 'i1',
          authorId: 'p1',
          kind: 'objection',
          text: 't',
          status: 'lost',
          revision: 'r',
          createdAt: 1,
        }),
    ],
    [
      'a position key without a participant',
      'positions',
      'i1',
      (d) => positions(d).set('i1', { position: 'consent', round: 1, revision: 'r', at: 1 }),
    ],
    [
      'a position key with an over-long item id',
      'positions',
      `${'i'.repeat(129)}/p1`,
      (d) => positions(d).set(`${'i'.repeat(129)}/p1`, { position: 'consent', round: 1, revision: 'r', at: 1 }),
    ],
    [
      'a position of round -1',
      'positions',
      'i1/p2',
      (d) => positions(d).set('i1/p2', { position: 'consent', round: -1, revision: 'r', at: 1 }),
    ],
    [
      'a round without an order',
      'rounds',
      'opening',
      (d) => rounds(d).set('opening', { kind: 'opening', number: 1, speaker: null, openedAt: 1 }),
    ],
    ['a note that is a plain string', 'notes', 'opening', (d) => notes(d).set('opening', 'plain' as unknown as Y.Text)],
    ['an evaluation rating of 9', 'evaluation', 'p1', (d) => evaluation(d).set('p1', { ratings: { clarity: 9 }, comment: '' })],
    ['a log event of an unknown type', 'log', 0, (d) => log(d).push([{ type: 'party', at: 1, actorId: 'p1' }])],
  ];
  it.each(garbage)('ignores and reports %s, and still reads the rest', (_name, root, key, write) => {
    const doc = new Y.Doc();
    participants(doc).set('p1', { name: 'Ana', role: 'member', present: true, joinedAt: 1 });
    agenda(doc).push([item(validItem)]);
    write(doc);
    const { meeting, ignored } = readMeeting(doc);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toMatchObject({ root, key });
    expect(ignored[0]?.reason).toMatch(/\S/);
    expect(meeting.participants.p1?.name).toBe('Ana');
    expect(meeting.agenda.map((i) => i.title)).toEqual(['Kettle']);
  });

  it('falls back to the default of a meta entry that fails, keeping the valid ones', () => {
    const doc = new Y.Doc();
    meta(doc).set('title', 'Budget');
    meta(doc).set('phase', 42);
    const { meeting, ignored } = readMeeting(doc);
    expect(meeting.meta.title).toBe('Budget');
    expect(meeting.meta.phase).toBe('lobby');
    expect(ignored).toEqual([{ root: 'meta', key: 'phase', reason: expect.stringMatching(/expected one of/i) }]);
  });

  it('reports a proposal root that this document defined as another type, reading it as empty', () => {
    const doc = new Y.Doc();
    agenda(doc).push([item(validItem)]);
    doc.getMap('proposal/i1').set('x', 1);
    const { meeting, ignored } = readMeeting(doc);
    expect(meeting.proposals.i1).toEqual({ nodes: [], revision: EMPTY_REVISION });
    expect(ignored).toEqual([{ root: 'proposal/i1', key: 'i1', reason: expect.stringContaining('Y.XmlFragment') }]);
  });

  it('builds equal snapshots on peers that received the entries in different orders', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ua: Uint8Array[] = [];
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => ua.push(u));
    participants(source).set('p2', { name: 'Ben', role: 'member', present: true, joinedAt: 1 });
    participants(source).set('p1', { name: 'Ana', role: 'member', present: true, joinedAt: 1 });
    positions(source).set('x/p1', { position: 'concern', round: 1, revision: 'r', at: 1 });
    for (const u of ua) Y.applyUpdate(a, u);
    for (const u of [...ua].reverse()) Y.applyUpdate(b, u);
    expect(JSON.stringify(readMeeting(a))).toBe(JSON.stringify(readMeeting(b)));
    expect(Object.keys(readMeeting(b).meeting.participants)).toEqual(['p1', 'p2']);
  });
});

describe('readMeeting on anything a peer can write', () => {
  const MAP_ROOTS = ['meta', 'participants', 'objections', 'positions', 'rounds', 'notes', 'evaluation'] as const;
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom('text', 'array', 'map').map((kind) => ({ yjs: kind })) },
  );
  const toYjs = (v: unknown): unknown => {
    const kind = (v as { yjs?: string } | null)?.yjs;
    if (kind === 'text') return new Y.Text('t');
    if (kind === 'array') return Y.Array.from([1]);
    if (kind === 'map') return new Y.Map([['id', 'i9']]);
    return v;
  };
  const write = fc.oneof(
    fc.record({ root: fc.constantFrom(...MAP_ROOTS), key: fc.string({ maxLength: 6 }), value }),
    fc.record({ root: fc.constantFrom('agenda', 'log'), key: fc.constant(''), value }),
  );

  it('never throws, and accounts for every entry as read or ignored, on every peer alike', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), (writes) => {
        const doc = new Y.Doc();
        for (const w of writes) {
          // Yjs itself refuses to insert undefined into an array
          if (w.root === 'agenda' || w.root === 'log') doc.getArray(w.root).push([toYjs(w.value) ?? null]);
          else doc.getMap(w.root).set(w.key, toYjs(w.value));
        }
        const { meeting, ignored } = readMeeting(doc);
        for (const root of MAP_ROOTS) {
          if (root === 'meta') continue;
          const read = Object.keys(meeting[root]).length;
          expect(read + ignored.filter((i) => i.root === root).length).toBe(doc.getMap(root).size);
        }
        expect(meeting.agenda.length + ignored.filter((i) => i.root === 'agenda').length).toBe(doc.getArray('agenda').length);
        expect(meeting.log.length + ignored.filter((i) => i.root === 'log').length).toBe(doc.getArray('log').length);
        const peer = new Y.Doc();
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
        expect(readMeeting(peer)).toEqual(readMeeting(doc));
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});
