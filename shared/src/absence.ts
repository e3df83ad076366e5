// Named writes for the decision policy, positions given beforehand and consent with a
// concern (rules Q1, Q9, C25, C26 in docs/consent-spec.md). Each is one transaction.
import type * as Y from 'yjs';
import { ORIGIN, type Origin } from './protocol.ts';
import { proposalNodes, proposalRevision } from './revision.ts';
import { isBlankProposal } from './minutes/proposalText.ts';
import {
  ObjectionSchema,
  PositionSchema,
  RoundSchema,
  meta,
  objections,
  positionKey,
  positions,
  proposal,
  rounds,
  type PositionValue,
} from './schema.ts';
import { AbsenteePolicy, QuorumSetting, type DecisionPolicy } from './policySchema.ts';
import { itemIndex, itemMap, participant, valid } from './docLookup.ts';

/** [Q1] The facilitator sets the quorum (null: more than half of the members) and the absentee policy (R5, R22). */
export function setDecisionPolicy(doc: Y.Doc, policy: DecisionPolicy, origin: Origin = ORIGIN.local): void {
  const quorum = valid(QuorumSetting, policy.quorum, 'quorum');
  const absentees = valid(AbsenteePolicy, policy.absentees, 'absentee policy');
  doc.transact(() => {
    meta(doc).set('quorum', quorum);
    meta(doc).set('absentees', absentees);
  }, origin);
}

/**
 * [C12][Q9] The round a position is stamped with now: the item's consent round; with none, 0
 * ("beforehand") for an absent member of a consent or selection item whose proposal is written
 * and not yet final. Throws otherwise.
 */
export function positionRound(doc: Y.Doc, itemId: string, participantId: string): number {
  const current = RoundSchema.safeParse(rounds(doc).get(itemId));
  if (current.success && current.data.kind === 'consent') return current.data.number;
  const who = participant(doc, participantId);
  const item = itemMap(doc, itemId);
  const open = item.get('kind') === 'consent' || item.get('kind') === 'selection';
  const final = item.get('stage') === 'decided' || item.get('stage') === 'deferred';
  if (who.role === 'member' && !who.present && open && !final && !isBlankProposal(proposalNodes(proposal(doc, itemId)))) return 0;
  throw new Error(`No consent round is open for item "${itemId}".`);
}

/** A position entry on the proposal's current revision, stamped as positionRound says. */
export function positionEntry(doc: Y.Doc, itemId: string, participantId: string, position: PositionValue, now: number) {
  itemIndex(doc, itemId);
  const round = positionRound(doc, itemId, participantId);
  return valid(PositionSchema, { position, round, revision: proposalRevision(doc, itemId), at: now }, 'position');
}

export interface CardWithPosition {
  /** The new card's id. */
  id: string;
  itemId: string;
  by: string;
  text: string;
  now: number;
}

function cardAndPosition(doc: Y.Doc, c: CardWithPosition, kind: 'concern' | 'objection', origin: Origin): void {
  if (c.text.trim() === '') throw new Error(kind === 'concern' ? 'A concern needs its text.' : 'An objection needs its reason.');
  if (c.id === '' || objections(doc).has(c.id)) throw new Error(`Card id "${c.id}" is empty or taken.`);
  const position = positionEntry(doc, c.itemId, c.by, kind === 'concern' ? 'concern' : 'object', c.now);
  const card = valid(
    ObjectionSchema,
    { itemId: c.itemId, authorId: c.by, kind, text: c.text, status: 'open', revision: position.revision, createdAt: c.now },
    kind,
  );
  doc.transact(() => {
    objections(doc).set(c.id, card);
    positions(doc).set(positionKey(c.itemId, c.by), position);
  }, origin);
}

/** [C25] Consent with a concern: the concern card with its text and the position `concern`, in one update, on one revision. */
export function consentWithConcern(doc: Y.Doc, c: CardWithPosition, origin: Origin = ORIGIN.local): void {
  cardAndPosition(doc, c, 'concern', origin);
}

/** [C26] The other answer to "Is this an objection?": the objection card and the position `object`, in one update. */
export function objectWithReason(doc: Y.Doc, c: CardWithPosition, origin: Origin = ORIGIN.local): void {
  cardAndPosition(doc, c, 'objection', origin);
}
