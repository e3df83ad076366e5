// A whole meeting held the way the server runs it, for tests of the minutes.
import * as Y from 'yjs';
import {
  acceptIntegration,
  addAgendaItem,
  addEvaluation,
  addParticipant,
  appendLog,
  closeRound,
  createMeeting,
  givePosition,
  movePhase,
  moveStage,
  openRound,
  passSpeaker,
  raiseObjection,
  recordDecision,
  setPresent,
  writeNote,
} from '../commands.ts';
import { checkUpdate } from '../checkUpdate.ts';
import { setTerm } from '../term.ts';
import { peerOf, updateFrom, writeParagraph } from './meeting.ts';

export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
export const MIN = 60_000;

/** Runs a write the way the server does: from a peer, checked, applied, its events logged at `at`. */
export function serverRun(server: Y.Doc, actorId: string, at: number, change: (d: Y.Doc) => void): void {
  const update = updateFrom(peerOf(server), change);
  const result = checkUpdate(server, update, { kind: 'participant', participantId: actorId });
  if (!result.ok) throw new Error(`${result.rule}: ${result.reason}`);
  Y.applyUpdate(server, update);
  if (result.events.length > 0)
    appendLog(
      server,
      result.events.map((e) => ({ ...e, at, actorId })),
    );
}

/** A whole meeting: opening round, one consent item with an objection integrated and a concern, a report, a closing evaluation. */
export function heldMeeting(name = (plain: string) => plain): Y.Doc {
  const s = new Y.Doc();
  createMeeting(s, {
    title: name('Ops circle'),
    circle: name('Ops'),
    aim: name('Keep the office running'),
    facilitatorId: 'fran',
    facilitatorName: name('Fran'),
    now: T0,
  });
  addParticipant(s, 'ben', { name: name('Ben'), role: 'member', now: T0 + 1 });
  addParticipant(s, 'cleo', { name: name('Cleo'), role: 'member', now: T0 + 2 });
  addParticipant(s, 'gus', { name: name('Gus'), role: 'guest', now: T0 + 3 });
  addParticipant(s, 'dora', { name: name('Dora'), role: 'member', now: T0 + 4 });
  setPresent(s, 'dora', false);
  addAgendaItem(s, { id: 'kettle', title: name('Buy a kettle'), kind: 'consent', ownerId: 'ben', timeboxMin: 20 });
  addAgendaItem(s, { id: 'news', title: name('News'), kind: 'report', ownerId: null, timeboxMin: 5 });
  writeParagraph(s, 'kettle', name('We buy a kettle.'));
  serverRun(s, 'ben', T0 + 5, (d) => setTerm(d, 'kettle', { reviewDate: '2027-05-01', measure: name('Nobody waits for hot water') }));

  serverRun(s, 'fran', T0 + 1 * MIN, (d) => movePhase(d, 'opening'));
  serverRun(s, 'fran', T0 + 1 * MIN, (d) => openRound(d, 'opening', { kind: 'opening', order: ['fran', 'ben', 'cleo'], now: T0 + MIN }));
  serverRun(s, 'fran', T0 + 2 * MIN, (d) => passSpeaker(d, 'opening', 'ben'));
  serverRun(s, 'fran', T0 + 5 * MIN, (d) => passSpeaker(d, 'opening', 'cleo'));
  serverRun(s, 'fran', T0 + 6 * MIN, (d) => closeRound(d, 'opening', T0 + 6 * MIN));
  serverRun(s, 'ben', T0 + 6 * MIN, (d) => writeNote(d, 'opening', name('All arrived.')));
  serverRun(s, 'fran', T0 + 7 * MIN, (d) => movePhase(d, 'agenda'));
  serverRun(s, 'fran', T0 + 8 * MIN, (d) => movePhase(d, 'items'));
  for (const [i, to] of (['present', 'clarify', 'react', 'consent'] as const).entries()) {
    serverRun(s, 'fran', T0 + (9 + i) * MIN, (d) => moveStage(d, 'kettle', to));
  }
  serverRun(s, 'fran', T0 + 13 * MIN, (d) =>
    openRound(d, 'kettle', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: T0 + 13 * MIN }),
  );
  serverRun(s, 'cleo', T0 + 14 * MIN, (d) =>
    raiseObjection(d, { id: 'obj1', itemId: 'kettle', authorId: 'cleo', kind: 'objection', text: name('Too loud'), now: T0 + 14 * MIN }),
  );
  serverRun(s, 'gus', T0 + 14 * MIN, (d) =>
    raiseObjection(d, { id: 'con1', itemId: 'kettle', authorId: 'gus', kind: 'concern', text: name('Costly'), now: T0 + 14 * MIN + 1 }),
  );
  serverRun(s, 'fran', T0 + 15 * MIN, (d) => moveStage(d, 'kettle', 'resolve'));
  serverRun(s, 'ben', T0 + 16 * MIN, (d) => writeParagraph(d, 'kettle', name('It is a quiet one.')));
  serverRun(s, 'cleo', T0 + 17 * MIN, (d) => acceptIntegration(d, 'obj1', name('Quiet model'), T0 + 17 * MIN));
  serverRun(s, 'fran', T0 + 18 * MIN, (d) => moveStage(d, 'kettle', 'consent'));
  serverRun(s, 'fran', T0 + 18 * MIN, (d) =>
    openRound(d, 'kettle', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: T0 + 18 * MIN }),
  );
  for (const id of ['fran', 'ben', 'cleo'])
    serverRun(s, id, T0 + 19 * MIN, (d) => givePosition(d, 'kettle', id, id === 'cleo' ? 'concern' : 'consent', T0 + 19 * MIN));
  serverRun(s, 'fran', T0 + 20 * MIN, (d) => recordDecision(d, 'kettle'));
  serverRun(s, 'fran', T0 + 21 * MIN, (d) => writeNote(d, 'kettle', name('Ben orders it.')));
  serverRun(s, 'fran', T0 + 30 * MIN, (d) => movePhase(d, 'closing'));
  serverRun(s, 'ben', T0 + 31 * MIN, (d) =>
    addEvaluation(d, 'ben', { ratings: { timekeeping: 4, clarity: 5 }, comment: name('Good pace') }),
  );
  serverRun(s, 'cleo', T0 + 31 * MIN, (d) => addEvaluation(d, 'cleo', { ratings: { timekeeping: 3 }, comment: '' }));
  serverRun(s, 'fran', T0 + 35 * MIN, (d) => movePhase(d, 'closed'));
  return s;
}
