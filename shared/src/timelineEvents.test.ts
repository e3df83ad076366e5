import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptIntegration,
  addAgendaItem,
  addEvaluation,
  givePosition,
  movePhase,
  moveStage,
  openRound,
  raiseObjection,
  closeRound,
  withdrawObjection,
} from './commands.ts';
import { checkUpdate } from './checkUpdate.ts';
import { setSecretary, startStage } from './facilitation.ts';
import { deriveAgendaConsent, giveAgendaPosition } from './agendaConsent.ts';
import { readMeeting } from './snapshot.ts';
import { proposal, rounds } from './schema.ts';
import type { Actor } from './types.ts';
import { edit, meetingDoc, NOW, writeParagraph } from './testing/meeting.ts';

const as = (participantId: string): Actor => ({ kind: 'participant', participantId });
const FRAN = as('fran');

/** Applies a peer's change on the server after checkUpdate accepted it; returns its events. */
function accept(server: Y.Doc, actor: Actor, change: (d: Y.Doc) => void) {
  const update = edit(server, change);
  const result = checkUpdate(server, update, actor);
  if (!result.ok) throw new Error(`${result.rule}: ${result.reason}`);
  Y.applyUpdate(server, update);
  return result.events;
}

function inItems(): Y.Doc {
  const server = meetingDoc();
  for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
  return server;
}

describe('[T2] the log holds the consent process, not only moves', () => {
  it('[T2] positions, cards raised, integrated and withdrawn, and a closed round are logged', () => {
    const server = inItems();
    for (const to of ['present', 'clarify', 'react'] as const) moveStage(server, 'item1', to);
    // [M10] one step: the stage and its round in one update
    const step = accept(server, FRAN, (d) => startStage(d, 'item1', 'consent', { order: ['fran', 'ben', 'cleo'], now: NOW }));
    expect(step).toHaveLength(3);
    expect(step).toEqual(
      expect.arrayContaining([
        { type: 'round', roundKey: 'item1', kind: 'consent', number: 1 },
        { type: 'speaker', roundKey: 'item1', speaker: 'fran' },
        { type: 'stage', itemId: 'item1', from: 'react', to: 'consent' },
      ]),
    );
    expect(accept(server, as('ben'), (d) => givePosition(d, 'item1', 'ben', 'consent', NOW))).toEqual([
      { type: 'position', itemId: 'item1', participantId: 'ben', position: 'consent', round: 1, revision: expect.any(String) },
    ]);
    expect(
      accept(server, as('cleo'), (d) =>
        raiseObjection(d, { id: 'o1', itemId: 'item1', authorId: 'cleo', kind: 'objection', text: 'Too dear', now: NOW }),
      ),
    ).toEqual([{ type: 'objection', itemId: 'item1', objectionId: 'o1', kind: 'objection' }]);
    expect(
      accept(server, as('cleo'), (d) =>
        raiseObjection(d, { id: 'c1', itemId: 'item1', authorId: 'cleo', kind: 'concern', text: 'Noise', now: NOW }),
      ),
    ).toMatchObject([{ type: 'objection', objectionId: 'c1', kind: 'concern' }]);
    expect(accept(server, as('cleo'), (d) => withdrawObjection(d, 'c1', NOW))).toEqual([
      { type: 'objectionStatus', itemId: 'item1', objectionId: 'c1', kind: 'concern', status: 'withdrawn' },
    ]);
    expect(accept(server, as('cleo'), (d) => acceptIntegration(d, 'o1', 'A cheaper one', NOW))).toMatchObject([
      { type: 'objectionStatus', objectionId: 'o1', status: 'integrated' },
    ]);
    expect(accept(server, FRAN, (d) => closeRound(d, 'item1', NOW + 1))).toMatchObject([
      { type: 'speaker', speaker: null },
      { type: 'roundClosed', roundKey: 'item1', kind: 'consent', number: 1 },
    ]);
  });

  it('[T3] an amendment of a text someone answered is logged once, naming whose positions turned stale', () => {
    const server = inItems();
    for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(server, 'item1', to);
    openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
    givePosition(server, 'item1', 'ben', 'consent', NOW);
    givePosition(server, 'item1', 'cleo', 'concern', NOW);
    moveStage(server, 'item1', 'resolve');
    const before = readMeeting(server).meeting.proposals.item1!.revision;
    expect(accept(server, as('ben'), (d) => writeParagraph(d, 'item1', 'At most 30.'))).toEqual([
      { type: 'amendment', itemId: 'item1', revision: before, stale: ['ben', 'cleo'] },
    ]);
    // the next keystroke changes a text nobody has answered yet
    expect(accept(server, as('ben'), (d) => writeParagraph(d, 'item1', 'Or 40.'))).toEqual([]);
    // an edit with no positions or cards at all logs nothing (the draft is being written)
    expect(accept(server, as('ben'), (d) => writeParagraph(d, 'item2', 'News.'))).toEqual([]);
  });

  it('[T2] naming the secretary is logged; only a member can be named', () => {
    const server = inItems();
    expect(accept(server, FRAN, (d) => setSecretary(d, 'cleo'))).toEqual([{ type: 'secretary', secretaryId: 'cleo' }]);
    expect(readMeeting(server).meeting.meta.secretaryId).toBe('cleo');
    expect(() => setSecretary(server, 'gus')).toThrow(/member/);
    expect(
      checkUpdate(
        server,
        edit(server, (d) => setSecretary(d, 'ben')),
        as('ben'),
      ),
    ).toMatchObject({ ok: false, rule: 'R5' });
  });
});

describe('[C17] a consent round needs a proposal', () => {
  it('[C17] the command and the server refuse a consent round on an empty proposal', () => {
    const server = inItems();
    proposal(server, 'item1').delete(0, proposal(server, 'item1').length);
    for (const to of ['present', 'clarify', 'react'] as const) moveStage(server, 'item1', to);
    expect(() => startStage(server, 'item1', 'consent', { order: ['fran'], now: NOW })).toThrow(/proposal is empty/);
    expect(readMeeting(server).meeting.agenda[0]!.stage).toBe('react');
    // a client that writes the round by hand is refused by the server
    const forged = edit(server, (d) =>
      rounds(d).set('item1', { kind: 'consent', number: 1, order: ['fran'], speaker: 'fran', openedAt: NOW }),
    );
    expect(checkUpdate(server, forged, FRAN)).toMatchObject({ ok: false, rule: 'C17' });
    // an empty paragraph is still blank
    server.transact(() => proposal(server, 'item1').insert(0, [new Y.XmlElement('paragraph')]));
    expect(checkUpdate(server, forged, FRAN)).toMatchObject({ ok: false, rule: 'C17' });
    writeParagraph(server, 'item1', 'We buy a kettle.');
    expect(accept(server, FRAN, (d) => startStage(d, 'item1', 'consent', { order: ['fran'], now: NOW }))).toContainEqual({
      type: 'stage',
      itemId: 'item1',
      from: 'react',
      to: 'consent',
    });
  });
});

describe('[A1–A4] consent to the agenda', () => {
  it('[A2][A3] members consent or object with a reason; a changed agenda makes answers stale; [A4] the record is logged on moving on', () => {
    const server = meetingDoc();
    for (const to of ['opening', 'agenda'] as const) movePhase(server, to);
    expect(deriveAgendaConsent(readMeeting(server).meeting).state).toBe('not-started');
    expect(() => giveAgendaPosition(server, 'ben', { position: 'consent' }, NOW)).toThrow(/not being consented/);
    accept(server, FRAN, (d) => openRound(d, 'agenda', { kind: 'agenda', order: ['fran', 'ben', 'cleo'], now: NOW }));
    for (const id of ['fran', 'ben']) accept(server, as(id), (d) => giveAgendaPosition(d, id, { position: 'consent' }, NOW));
    expect(deriveAgendaConsent(readMeeting(server).meeting)).toMatchObject({
      state: 'collecting',
      consented: ['ben', 'fran'],
      missing: ['cleo'],
    });
    const events = accept(server, as('cleo'), (d) =>
      giveAgendaPosition(d, 'cleo', { position: 'object', reason: 'The budget item needs more time.' }, NOW),
    );
    expect(events).toMatchObject([{ type: 'position', itemId: 'agenda', participantId: 'cleo', position: 'object' }]);
    const record = deriveAgendaConsent(readMeeting(server).meeting);
    expect(record).toMatchObject({
      state: 'objections',
      objecting: ['cleo'],
      reasons: [{ participantId: 'cleo', text: 'The budget item needs more time.' }],
    });
    // the facilitator may still move on; the log keeps the record as it stood
    const moveOn = accept(server, FRAN, (d) => movePhase(d, 'items'));
    expect(moveOn).toEqual([
      { type: 'phase', from: 'agenda', to: 'items' },
      { type: 'agendaConsent', record },
    ]);
  });

  it('[A1] a changed agenda makes earlier answers stale; a guest never counts', () => {
    const server = meetingDoc();
    for (const to of ['opening', 'agenda'] as const) movePhase(server, to);
    openRound(server, 'agenda', { kind: 'agenda', order: ['fran', 'ben', 'cleo'], now: NOW });
    for (const id of ['fran', 'ben', 'cleo', 'gus']) giveAgendaPosition(server, id, { position: 'consent' }, NOW);
    expect(deriveAgendaConsent(readMeeting(server).meeting)).toMatchObject({ state: 'consented', eligible: ['ben', 'cleo', 'fran'] });
    server.transact(() => (server.getArray('agenda').get(1) as Y.Map<unknown>).set('title', 'Other news'));
    expect(deriveAgendaConsent(readMeeting(server).meeting)).toMatchObject({ state: 'collecting', stale: ['ben', 'cleo', 'fran'] });
    expect(() => giveAgendaPosition(server, 'ben', { position: 'object', reason: '  ' }, NOW)).toThrow();
  });
});

describe('[E1] an evaluation card says something', () => {
  it('[E1] a blank evaluation is refused by the command and ignored by readers', () => {
    const server = meetingDoc();
    expect(() => addEvaluation(server, 'ben', { ratings: {}, comment: '   ' })).toThrow(/rating or a comment/);
    server.getMap('evaluation').set('cleo', { ratings: {}, comment: '' });
    const read = readMeeting(server);
    expect(read.meeting.evaluation).toEqual({});
    expect(read.ignored).toContainEqual(expect.objectContaining({ root: 'evaluation', key: 'cleo' }));
    addEvaluation(server, 'ben', { ratings: {}, comment: 'Good.' });
    expect(Object.keys(readMeeting(server).meeting.evaluation)).toEqual(['ben']);
  });
});

describe('[M10] one step opens the stage’s round, by the item’s kind', () => {
  it('[M10][S2][S4] a selection item’s clarify step opens its nominations round revealed together, its react step the change round', () => {
    const server = inItems();
    addAgendaItem(server, { id: 'sel', title: 'Treasurer', kind: 'selection', ownerId: null, timeboxMin: 10 });
    moveStage(server, 'sel', 'present');
    accept(server, FRAN, (d) => startStage(d, 'sel', 'clarify', { order: ['fran', 'ben'], now: NOW }));
    expect(readMeeting(server).meeting.rounds.sel).toMatchObject({ kind: 'nominations', reveal: 'together', number: 1 });
    accept(server, FRAN, (d) => startStage(d, 'sel', 'react', { order: ['fran', 'ben'], now: NOW }));
    expect(readMeeting(server).meeting.rounds.sel).toMatchObject({ kind: 'change', number: 2 });
    expect(readMeeting(server).meeting.rounds.sel?.reveal).toBeUndefined();
  });

  it('[M10][V1] the consent step of a consent item may seal its round; without the option it is open', () => {
    const server = inItems();
    for (const to of ['present', 'clarify', 'react'] as const) moveStage(server, 'item1', to);
    accept(server, FRAN, (d) => startStage(d, 'item1', 'consent', { order: ['fran'], now: NOW, reveal: 'together' }));
    expect(readMeeting(server).meeting.rounds.item1).toMatchObject({ kind: 'consent', reveal: 'together' });
    const plain = inItems();
    for (const to of ['present', 'clarify', 'react'] as const) moveStage(plain, 'item1', to);
    accept(plain, FRAN, (d) => startStage(d, 'item1', 'consent', { order: ['fran'], now: NOW }));
    expect(readMeeting(plain).meeting.rounds.item1?.reveal).toBeUndefined();
  });
});
