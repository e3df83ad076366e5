// Named writes of facilitation that combine the plain commands: one step of the
// consent process with its round, and naming the secretary.
import type * as Y from 'yjs';
import { moveStage, openRound } from './commands.ts';
import { itemMap, participant } from './docLookup.ts';
import { ORIGIN, type Origin } from './protocol.ts';
import { meta, proposal, type ItemKind, type Round, type Stage } from './schema.ts';
import { proposalNodes } from './revision.ts';
import { isBlankProposal } from './minutes/proposalText.ts';

/** Rounds a stage starts: moving to one of these stages opens its round in the same step. */
export const STAGE_ROUND: Partial<Record<Stage, Round['kind']>> = { clarify: 'clarify', react: 'react', consent: 'consent' };

/** A selection item's stages are its own rounds [S2][S4]: nominations (revealed together), then the change round. */
export const SELECTION_STAGE_ROUND: Partial<Record<Stage, Round['kind']>> = { clarify: 'nominations', react: 'change', consent: 'consent' };

/** The round moving an item to `to` opens, by the item's kind. */
export function stageRound(itemKind: ItemKind, to: Stage): Round['kind'] | undefined {
  return (itemKind === 'selection' ? SELECTION_STAGE_ROUND : STAGE_ROUND)[to];
}

/**
 * One step of the consent process: moves the item to `to` and, for a stage that
 * is a round (clarify, react, consent; for a selection item nominations, change,
 * consent), opens its round in the same transaction, so the facilitator has one
 * button, not two [M10]. `reveal: 'together'` seals the consent round [V1];
 * nominations are always revealed together [S2].
 */
export function startStage(
  doc: Y.Doc,
  itemId: string,
  to: Stage,
  r: { order: string[]; now: number; reveal?: 'together' },
  origin: Origin = ORIGIN.local,
): void {
  const kind = stageRound(itemMap(doc, itemId).get('kind') === 'selection' ? 'selection' : 'consent', to);
  // [C17] nothing to consent to: the server would refuse the round
  if (kind === 'consent' && isBlankProposal(proposalNodes(proposal(doc, itemId)))) {
    throw new Error('The proposal is empty: write the proposal before the consent round.');
  }
  const reveal = kind === 'nominations' || (kind === 'consent' && r.reveal === 'together') ? { reveal: 'together' as const } : {};
  doc.transact(() => {
    if (kind) openRound(doc, itemId, { kind, order: r.order, now: r.now, ...reveal }, origin);
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
