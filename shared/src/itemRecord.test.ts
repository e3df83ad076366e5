import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptIntegration,
  addParticipant,
  appendLog,
  givePosition,
  movePhase,
  moveStage,
  openRound,
  raiseObjection,
  recordDecision,
  setPresent,
  withdrawObjection,
} from './commands.ts';
import { checkUpdate, type LogEventDraft } from './checkUpdate.ts';
import { deriveConsent } from './consent.ts';
import { itemRecord } from './itemRecord.ts';
import { log } from './schema.ts';
import { readMeeting } from './snapshot.ts';
import type { Actor } from './types.ts';
import { edit, meetingDoc, NOW, writeParagraph } from './testing/meeting.ts';

const FRAN: Actor = { kind: 'participant', participantId: 'fran' };
const BEN: Actor = { kind: 'participant', participantId: 'ben' };
const CLEO: Actor = { kind: 'participant', participantId: 'cleo' };

/** item1 in its consent round: Ben and Fran consent, Cleo with a concern card, Gus (guest) with a concern card. */
function consented(): Y.Doc {
  const server = meetingDoc();
  for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(server, 'item1', to);
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
  raiseObjection(server, { id: 'o1', itemId: 'item1', authorId: 'cleo', kind: 'objection', text: 'Too loud', now: NOW });
  writeParagraph(server, 'item1', 'A quiet one.');
  acceptIntegration(server, 'o1', 'Quiet model', NOW + 1);
  raiseObjection(server, { id: 'c1', itemId: 'item1', authorId: 'gus', kind: 'concern', text: 'Costly', now: NOW + 2 });
  for (const id of ['fran', 'ben', 'cleo']) givePosition(server, 'item1', id, id === 'cleo' ? 'concern' : 'consent', NOW + 3);
  return server;
}

/** Checks and applies a write the way the server does, logging its events at `at` as `actor`. */
function serve(server: Y.Doc, actor: Actor, change: (d: Y.Doc) => void, at = NOW + 10): LogEventDraft[] {
  const update = edit(server, change);
  const result = checkUpdate(server, update, actor);
  if (!result.ok) throw new Error(`${result.rule}: ${result.reason}`);
  Y.applyUpdate(server, update);
  const actorId = actor.kind === 'participant' ? actor.participantId : 'server';
  appendLog(
    server,
    result.events.map((e) => ({ ...e, at, actorId })),
  );
  return result.events;
}

const snap = (doc: Y.Doc) => readMeeting(doc).meeting;

describe('[C16] a decided or deferred item keeps the record it had at that moment', () => {
  it('[C16] the decision event carries the whole consent record and every card of the item', () => {
    const server = consented();
    const before = snap(server);
    const events = serve(server, FRAN, (d) => recordDecision(d, 'item1'));
    const decision = events.find((e) => e.type === 'decision');
    expect(decision).toMatchObject({ record: deriveConsent(before, 'item1'), text: 'We buy a kettle.\nA quiet one.' });
    expect(decision && 'cards' in decision && decision.cards).toEqual([
      expect.objectContaining({ id: 'o1', kind: 'objection', status: 'integrated', resolution: 'Quiet model', text: 'Too loud' }),
      expect.objectContaining({ id: 'c1', kind: 'concern', status: 'open', authorId: 'gus', text: 'Costly' }),
    ]);
    const shown = itemRecord(snap(server), 'item1');
    expect(shown.frozenBy).toEqual({ type: 'decision', at: NOW + 10, actorId: 'fran' });
    expect(shown.consent).toEqual(deriveConsent(before, 'item1'));
  });

  it('[C16] attendance, new participants and late positions written afterwards change nothing of the record', () => {
    const server = consented();
    serve(server, FRAN, (d) => recordDecision(d, 'item1'));
    const frozen = JSON.stringify(itemRecord(snap(server), 'item1'));
    // written straight into the document, as no participant may (R18, R9): the record still stands
    setPresent(server, 'ben', false);
    addParticipant(server, 'lou', { name: 'Lou', role: 'member', now: NOW + 20 });
    givePosition(server, 'item1', 'cleo', 'object', NOW + 21);
    withdrawObjection(server, 'c1', NOW + 22);
    expect(deriveConsent(snap(server), 'item1')).toMatchObject({ objecting: ['cleo'], missing: ['lou'], state: 'collecting' });
    expect(JSON.stringify(itemRecord(snap(server), 'item1'))).toBe(frozen);
  });

  it('[C16] a deferral freezes the record as it stood, open objection included', () => {
    const server = consented();
    raiseObjection(server, { id: 'o2', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Not this year', now: NOW + 5 });
    const before = deriveConsent(snap(server), 'item1');
    const events = serve(server, FRAN, (d) => moveStage(d, 'item1', 'deferred'));
    expect(events.map((e) => e.type)).toEqual(['stage', 'deferral']);
    expect(events[1]).toMatchObject({ type: 'deferral', itemId: 'item1', record: before });
    expect(before).toMatchObject({ state: 'objections', openObjections: ['o2'] });
    setPresent(server, 'ben', false);
    expect(itemRecord(snap(server), 'item1')).toMatchObject({ consent: before, frozenBy: { type: 'deferral' } });
  });

  it('[C16] an item still in process shows the record derived now', () => {
    const server = consented();
    expect(itemRecord(snap(server), 'item1')).toMatchObject({ frozenBy: null, consent: { state: 'consented' } });
    setPresent(server, 'ben', false);
    expect(itemRecord(snap(server), 'item1').consent).toMatchObject({ absent: ['ben'], quorum: { present: 2 } });
  });

  it('[C16] a decision logged before records were frozen falls back to the derived record', () => {
    const server = consented();
    moveStage(server, 'item1', 'decided');
    appendLog(server, [
      {
        type: 'decision',
        at: NOW,
        actorId: 'fran',
        itemId: 'item1',
        text: 'old',
        revision: 'r',
        reviewDate: null,
        consented: [],
        concerns: [],
      },
    ]);
    expect(itemRecord(snap(server), 'item1')).toMatchObject({ frozenBy: null, consent: deriveConsent(snap(server), 'item1') });
  });

  it('[R17] refuses a deferral that changes what the record rests on in the same update', () => {
    const server = consented();
    const update = edit(server, (d) => {
      givePosition(d, 'item1', 'fran', 'object', NOW + 9);
      moveStage(d, 'item1', 'deferred');
    });
    expect(checkUpdate(server, update, FRAN)).toMatchObject({ ok: false, rule: 'R17', reason: /a deferral records/ });
  });
});

describe('[R18] positions and cards of a decided or deferred item are final', () => {
  const decided = (): Y.Doc => {
    const server = consented();
    serve(server, FRAN, (d) => recordDecision(d, 'item1'));
    return server;
  };
  const cases: [string, Actor, (d: Y.Doc) => void][] = [
    ['a late position', CLEO, (d) => givePosition(d, 'item1', 'cleo', 'object', NOW + 30)],
    ["the facilitator's late position", FRAN, (d) => givePosition(d, 'item1', 'fran', 'concern', NOW + 30)],
    [
      'a new concern card',
      BEN,
      (d) => raiseObjection(d, { id: 'c9', itemId: 'item1', authorId: 'ben', kind: 'concern', text: 'Late', now: NOW + 30 }),
    ],
  ];
  for (const [what, actor, change] of cases) {
    it(`[R18] refuses ${what} on a decided item`, () => {
      const server = decided();
      expect(checkUpdate(server, edit(server, change), actor)).toMatchObject({ ok: false, rule: 'R18', reason: /item1" is decided/ });
    });
  }

  it('[R18] refuses withdrawing a card of a deferred item; positions on other items stay open', () => {
    const server = consented();
    raiseObjection(server, { id: 'o2', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Not this year', now: NOW + 5 });
    serve(server, FRAN, (d) => moveStage(d, 'item1', 'deferred'));
    expect(
      checkUpdate(
        server,
        edit(server, (d) => withdrawObjection(d, 'o2', NOW + 30)),
        BEN,
      ),
    ).toMatchObject({ ok: false, rule: 'R18', reason: /is deferred/ });
    const other = edit(server, (d) =>
      raiseObjection(d, { id: 'c8', itemId: 'item2', authorId: 'ben', kind: 'concern', text: 'On the news', now: NOW + 30 }),
    );
    expect(checkUpdate(server, other, BEN)).toMatchObject({ ok: true });
  });

  it('[R2] refuses a forged decision in the log and the removal of the frozen one, even from the facilitator', () => {
    const server = decided();
    const forged = edit(server, (d) =>
      appendLog(d, [
        {
          type: 'decision',
          at: NOW,
          actorId: 'fran',
          itemId: 'item1',
          text: 'x',
          revision: 'r',
          reviewDate: null,
          consented: ['fran'],
          concerns: [],
        },
      ]),
    );
    expect(checkUpdate(server, forged, FRAN)).toMatchObject({ ok: false, rule: 'R2' });
    const index = log(server)
      .toArray()
      .findIndex((e) => (e as { type?: string }).type === 'decision');
    const removal = edit(server, (d) => log(d).delete(index, 1));
    expect(checkUpdate(server, removal, FRAN)).toMatchObject({ ok: false, rule: 'R2' });
  });
});
