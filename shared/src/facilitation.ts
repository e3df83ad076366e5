// Named writes of facilitation that combine the plain commands: one step of the
// consent process with its round, and naming the secretary.
import type * as Y from 'yjs';
import { moveStage, openRound } from './commands.ts';
import { participant } from './docLookup.ts';
import { ORIGIN } from './protocol.ts';
import { meta, proposal, type Round, type Stage } from './schema.ts';
import { proposalNodes } from './revision.ts';
import { isBlankProposal } from './minutes/proposalText.ts';

type Origin = unknown;

/** Rounds a stage starts: moving to one of these stages opens its round in the same step. */
export const STAGE_ROUND: Partial<Record<Stage, Round['kind']>> = { clarify: 'clarify', react: 'react', consent: 'consent' };

/**
 * One step of the consent process: moves the item to `to` and, for a stage that
 * is a round (clarify, react, consent), opens its round in the same transaction,
 * so the facilitator has one button, not two [M10].
 */
export function startStage(doc: Y.Doc, itemId: string, to: Stage, r: { order: string[]; now: number }, origin: Origin = ORIGIN.local): void {
  const kind = STAGE_ROUND[to];
  // [C17] nothing to consent to: the server would refuse the round
  if (kind === 'consent' && isBlankProposal(proposalNodes(proposal(doc, itemId)))) {
    throw new Error('The proposal is empty: write the proposal before the consent round.');
  }
  doc.transact(() => {
    if (kind) openRound(doc, itemId, { kind, order: r.order, now: r.now }, origin);
    moveStage(doc, itemId, to, origin);
  }, origin);
}

/** [R5] The facilitator names the secretary, who keeps the notes and the minutes' record (or nobody). */
export function setSecretary(doc: Y.Doc, participantId: string | null, origin: Origin = ORIGIN.local): void {
  if (participantId !== null) {
    const who = participant(doc, participantId);
    if (who.role !== 'member') throw new Error('The secretary is a member of the circle.');
  }
  doc.transact(() => meta(doc).set('secretaryId', participantId), origin);
}
