import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { givePosition, openRound, setPresent } from './commands.ts';
import { checkUpdate } from './checkUpdate.ts';
import { handOver, nameCoFacilitator, writeTakeover } from './handover.ts';
import { everyoneHasGiven, isSealedNow, recordGiven, sealedRound, writeReveal } from './sealed.ts';
import { handover, objections, positions, sealed } from './schema.ts';
import { readMeeting } from './snapshot.ts';
import { edit, meetingDoc, NOW } from './testing/meeting.ts';
import type { Actor } from './types.ts';
import { proposalRevision } from './revision.ts';

const as = (participantId: string): Actor => ({ kind: 'participant', participantId });
const sealedRoundOn = (d: Y.Doc) =>
  openRound(d, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW, reveal: 'together' });
const read = (d: Y.Doc) => readMeeting(d).meeting;

function revealAll(d: Y.Doc, at = NOW + 5): void {
  const revision = proposalRevision(d, 'item1');
  let n = 0;
  writeReveal(d, {
    itemId: 'item1',
    kind: 'position',
    round: 1,
    at,
    given: ['ben', 'cleo', 'fran'],
    answers: new Map<string, unknown>([
      ['ben', { position: 'object', revision, reason: 'Too loud for the office', at: NOW + 1 }],
      ['cleo', { position: 'concern', revision, reason: 'Mind the cost', at: NOW + 2 }],
      ['fran', { position: 'consent', revision, at: NOW + 3 }],
    ]),
    newCardId: () => `card${++n}`,
  });
}

describe('rounds revealed together [V1–V5]', () => {
  it('[V1] a consent round opened with reveal "together" is sealed until the server reveals it', () => {
    const d = meetingDoc();
    sealedRoundOn(d);
    expect(isSealedNow(d, 'item1')).toBe(true);
    expect(sealedRound(read(d), 'item1')).toMatchObject({ kind: 'position', round: 1, given: [], revealed: false });
    revealAll(d);
    expect(isSealedNow(d, 'item1')).toBe(false);
    expect(sealedRound(read(d), 'item1')).toMatchObject({ revealed: true, given: ['ben', 'cleo', 'fran'] });
  });

  it('[V1] an ordinary consent round is not sealed', () => {
    const d = meetingDoc();
    openRound(d, 'item1', { kind: 'consent', order: ['fran'], now: NOW });
    expect(isSealedNow(d, 'item1')).toBe(false);
    expect(sealedRound(read(d), 'item1')).toBeNull();
  });

  it.each([
    ['a member', 'ben'],
    ['the facilitator', 'fran'],
  ])('[V2] while sealed, %s cannot write a position into the document', (_who, id) => {
    const server = meetingDoc();
    sealedRoundOn(server);
    const result = checkUpdate(
      server,
      edit(server, (d) => givePosition(d, 'item1', id, 'consent', NOW)),
      as(id),
    );
    expect(result).toMatchObject({ ok: false, rule: 'V2', reason: expect.stringContaining('revealed together') });
  });

  it('[V2] after the reveal a member may change their position directly again', () => {
    const server = meetingDoc();
    sealedRoundOn(server);
    revealAll(server);
    expect(
      checkUpdate(
        server,
        edit(server, (d) => givePosition(d, 'item1', 'ben', 'consent', NOW)),
        as('ben'),
      ),
    ).toMatchObject({ ok: true });
  });

  it('[V3] no participant writes the sealed progress or the handover entries, not even the facilitator', () => {
    const server = meetingDoc();
    sealedRoundOn(server);
    const forged = checkUpdate(
      server,
      edit(server, (d) => sealed(d).set('item1', { kind: 'position', round: 1, given: ['ben'], revealedAt: NOW })),
      as('fran'),
    );
    expect(forged).toMatchObject({ ok: false, rule: 'V3' });
    const away = checkUpdate(
      server,
      edit(server, (d) => handover(d).set('away', { participantId: 'fran', since: 0, takeoverAt: 0 })),
      as('ben'),
    );
    expect(away).toMatchObject({ ok: false, rule: 'V3' });
  });

  it('[V4] the reveal writes every position, a card for each reason, and the revealed mark in one update', () => {
    const d = meetingDoc();
    sealedRoundOn(d);
    recordGiven(d, 'item1', { kind: 'position', round: 1, given: ['ben', 'cleo', 'fran'] });
    const updates: Uint8Array[] = [];
    d.on('update', (u: Uint8Array) => updates.push(u));
    revealAll(d);
    expect(updates).toHaveLength(1);
    const other = meetingDoc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(d));
    const s = read(other);
    expect(Object.keys(s.positions).sort()).toEqual(['item1/ben', 'item1/cleo', 'item1/fran']);
    expect(Object.values(s.objections).map((c) => [c.authorId, c.kind, c.text])).toEqual([
      ['ben', 'objection', 'Too loud for the office'],
      ['cleo', 'concern', 'Mind the cost'],
    ]);
    expect(positions(d).get('item1/ben')).toMatchObject({ position: 'object', round: 1 });
    expect(objections(d).size).toBe(2);
  });

  it('[V5] everyone has given when every eligible member has: an absent member is not waited for', () => {
    const d = meetingDoc();
    sealedRoundOn(d);
    recordGiven(d, 'item1', { kind: 'position', round: 1, given: ['ben', 'fran'] });
    expect(everyoneHasGiven(sealedRound(read(d), 'item1')!)).toBe(false);
    setPresent(d, 'cleo', false);
    expect(everyoneHasGiven(sealedRound(read(d), 'item1')!)).toBe(true);
  });

  it('[V4][C14] progress and reveal converge in either delivery order', () => {
    const server = meetingDoc();
    sealedRoundOn(server);
    const base = Y.encodeStateAsUpdate(server);
    const progress = edit(server, (d) => recordGiven(d, 'item1', { kind: 'position', round: 1, given: ['ben'] }));
    const reveal = edit(server, (d) => revealAll(d));
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const u of [base, progress, reveal]) Y.applyUpdate(a, u);
    for (const u of [base, reveal, progress]) Y.applyUpdate(b, u);
    expect(sealedRound(read(a), 'item1')).toEqual(sealedRound(read(b), 'item1'));
    expect(read(a).positions).toEqual(read(b).positions);
  });
});

describe('facilitator handover in the document [F1–F4]', () => {
  it('[F1] the facilitator names a present member co-facilitator, and the log says so', () => {
    const server = meetingDoc();
    const result = checkUpdate(
      server,
      edit(server, (d) => nameCoFacilitator(d, 'ben')),
      as('fran'),
    );
    expect(result).toMatchObject({ ok: true, events: [{ type: 'coFacilitator', coFacilitatorId: 'ben' }] });
  });

  it.each([
    ['a guest', 'gus'],
    ['an observer', 'otto'],
    ['themselves', 'fran'],
    ['an unknown id', 'zed'],
  ])('[F1] the facilitator does not name %s co-facilitator', (_what, id) => {
    const server = meetingDoc();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => nameCoFacilitator(d, id)),
        as('fran'),
      ),
    ).toMatchObject({ ok: false, rule: 'R5' });
  });

  it('[F1] an absent member is not named either', () => {
    const server = meetingDoc();
    setPresent(server, 'cleo', false);
    expect(
      checkUpdate(
        server,
        edit(server, (d) => nameCoFacilitator(d, 'cleo')),
        as('fran'),
      ),
    ).toMatchObject({ ok: false, rule: 'R5', reason: expect.stringContaining('present') });
  });

  it('[F2] the facilitator hands over to a present member; logged as a handover', () => {
    const server = meetingDoc();
    const result = checkUpdate(
      server,
      edit(server, (d) => handOver(d, 'cleo')),
      as('fran'),
    );
    expect(result).toMatchObject({ ok: true, events: [{ type: 'facilitator', from: 'fran', to: 'cleo', how: 'handover' }] });
  });

  it('[F2] nobody else changes who facilitates: a member naming themselves is refused', () => {
    const server = meetingDoc();
    nameCoFacilitator(server, 'ben');
    expect(
      checkUpdate(
        server,
        edit(server, (d) => handOver(d, 'ben')),
        as('ben'),
      ),
    ).toMatchObject({ ok: false, rule: 'R5' });
  });

  it('[F4] the server’s takeover moves facilitation, clears the co-facilitator who took over and logs it', () => {
    const d = meetingDoc();
    nameCoFacilitator(d, 'ben');
    writeTakeover(d, { from: 'fran', to: 'ben', how: 'takeover', at: NOW + 60_000 });
    const s = read(d);
    expect(s.meta).toMatchObject({ facilitatorId: 'ben', coFacilitatorId: null });
    expect(s.log.at(-1)).toEqual({ type: 'facilitator', at: NOW + 60_000, actorId: 'ben', from: 'fran', to: 'ben', how: 'takeover' });
  });
});
