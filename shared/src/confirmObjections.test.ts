import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { objectionsToConfirm } from './confirmObjections.ts';
import { acceptIntegration, givePosition, moveStage, openRound, raiseObjection } from './commands.ts';
import { checkUpdate } from './checkUpdate.ts';
import { neutralizeUpdate } from './neutralize.ts';
import type { Objection, Participant, Position } from './schema.ts';
import { META_DEFAULTS, readMeeting } from './snapshot.ts';
import { setTerm } from './term.ts';
import type { Actor, MeetingSnapshot } from './types.ts';
import { edit, meetingDoc, NOW, writeParagraph } from './testing/meeting.ts';

// [C18] on plain snapshots: item i1 at revision R2 in consent round 2; a objected, b did not.
const member = (role: Participant['role'] = 'member'): Participant => ({ name: 'x', role, present: true, joinedAt: 1 });
const pos = (position: Position['position'], round = 2, revision = 'R2'): Position => ({ position, round, revision, at: 1 });
const card = (o: Partial<Objection> = {}): Objection => ({
  itemId: 'i1',
  authorId: 'a',
  kind: 'objection',
  text: 'Too loud',
  status: 'open',
  revision: 'R1',
  createdAt: 1,
  ...o,
});

function snapshot(
  positions: Record<string, Position>,
  objections: Record<string, Objection>,
  participants = { a: member(), b: member() },
): MeetingSnapshot {
  return {
    meta: { ...META_DEFAULTS, phase: 'items' },
    participants,
    agenda: [{ id: 'i1', title: 'T', kind: 'consent', ownerId: null, timeboxMin: 5, stage: 'consent', reviewDate: null }],
    proposals: { i1: { nodes: [], revision: 'R2' } },
    objections,
    positions,
    rounds: { i1: { kind: 'consent', number: 2, order: [], speaker: null, openedAt: 1 } },
    notes: {},
    evaluation: {},
    log: [],
  };
}

const cases: [string, Record<string, Position>, Record<string, Objection>, string[]][] = [
  ['the author consents to the current text', { 'i1/a': pos('consent') }, { o1: card() }, ['o1']],
  ['the author consents with a concern', { 'i1/a': pos('concern') }, { o1: card() }, ['o1']],
  ['the author still objects', { 'i1/a': pos('object') }, { o1: card() }, []],
  ['the author has not answered the new text', {}, { o1: card() }, []],
  ['the author consented to an earlier text (stale)', { 'i1/a': pos('consent', 2, 'R1') }, { o1: card() }, []],
  ['the author consented in an earlier round', { 'i1/a': pos('consent', 1) }, { o1: card() }, []],
  ['the card is integrated already', { 'i1/a': pos('consent') }, { o1: card({ status: 'integrated', resolution: 'r' }) }, []],
  ['the card is withdrawn', { 'i1/a': pos('consent') }, { o1: card({ status: 'withdrawn' }) }, []],
  ['a concern card asks nothing', { 'i1/a': pos('consent') }, { o1: card({ kind: 'concern' }) }, []],
  ['another author’s card', { 'i1/a': pos('consent') }, { o1: card({ authorId: 'b' }) }, []],
  ['a card of another item', { 'i1/a': pos('consent') }, { o1: card({ itemId: 'i2' }) }, []],
  ['two open cards, oldest first', { 'i1/a': pos('consent') }, { o2: card({ createdAt: 2 }), o1: card() }, ['o1', 'o2']],
];

describe('[C18] objections to confirm', () => {
  it.each(cases)('[C18] %s', (_name, positions, objections, expected) => {
    expect(objectionsToConfirm(snapshot(positions, objections), 'i1', 'a').map((c) => c.id)).toEqual(expected);
  });

  it('[C18][Q4] an absent author is asked as their position counts: on the current text yes, on an earlier text no', () => {
    const away = { a: { ...member(), present: false }, b: member() };
    expect(objectionsToConfirm(snapshot({ 'i1/a': pos('consent') }, { o1: card() }, away), 'i1', 'a').map((c) => c.id)).toEqual(['o1']);
    expect(objectionsToConfirm(snapshot({ 'i1/a': pos('consent', 2, 'R1') }, { o1: card() }, away), 'i1', 'a')).toEqual([]);
  });
});

const as = (participantId: string): Actor => ({ kind: 'participant', participantId });

/** item1 in resolve after Ben's objection in consent round 1, the text amended since. */
function amended(): Y.Doc {
  const server = meetingDoc();
  server.getMap('meta').set('phase', 'items');
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(server, 'item1', to);
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
  givePosition(server, 'item1', 'ben', 'object', NOW);
  raiseObjection(server, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Too loud', now: NOW });
  moveStage(server, 'item1', 'resolve');
  writeParagraph(server, 'item1', 'A quiet one.');
  return server;
}

function serve(server: Y.Doc, sent: [Actor, Uint8Array][]): (string | null)[] {
  return sent.map(([actor, update]) => {
    const result = checkUpdate(server, update, actor);
    Y.applyUpdate(server, result.ok ? update : neutralizeUpdate(update));
    return result.ok ? null : result.rule;
  });
}

describe('[C18][C11] in both delivery orders', () => {
  it('[C18] the objector’s consent racing a term change: asked only while the consent is on the current term', () => {
    const base = amended();
    const consent = edit(base, (d) => givePosition(d, 'item1', 'ben', 'consent', NOW + 1));
    const term = edit(base, (d) => setTerm(d, 'item1', { reviewDate: '2026-12-01', measure: 'Decibels under 50' }));
    for (const order of [
      [
        [as('ben'), consent],
        [as('cleo'), term],
      ],
      [
        [as('cleo'), term],
        [as('ben'), consent],
      ],
    ] as [Actor, Uint8Array][][]) {
      const server = new Y.Doc();
      Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
      expect(serve(server, order)).toEqual([null, null]);
      const s = readMeeting(server).meeting;
      // Ben consented to the text with the old term: stale in either order, so nothing to confirm yet
      expect(s.positions['item1/ben']!.revision).not.toBe(s.proposals.item1!.revision);
      expect(objectionsToConfirm(s, 'item1', 'ben')).toEqual([]);
    }
  });

  it('[C18] consent on the current text asks the author; confirming clears the question', () => {
    const server = amended();
    expect(objectionsToConfirm(readMeeting(server).meeting, 'item1', 'ben')).toEqual([]);
    givePosition(server, 'item1', 'ben', 'consent', NOW + 2);
    expect(objectionsToConfirm(readMeeting(server).meeting, 'item1', 'ben').map((c) => c.id)).toEqual(['o1']);
    const forged = edit(server, (d) => acceptIntegration(d, 'o1', 'Resolved by the change.', NOW + 3));
    const confirm = edit(server, (d) => acceptIntegration(d, 'o1', 'Resolved by the change: a quiet one.', NOW + 3));
    // only the author confirms (R11)
    expect(
      serve(server, [
        [as('cleo'), forged],
        [as('ben'), confirm],
      ]),
    ).toEqual(['R11', null]);
    expect(objectionsToConfirm(readMeeting(server).meeting, 'item1', 'ben')).toEqual([]);
  });
});
