// Facilitator handover [F1–F6]: naming a co-facilitator, handing over, and the
// server's writes when the facilitator is gone (takeover by the co-facilitator,
// or by a present member the others present consent to).
import type * as Y from 'yjs';
import { ORIGIN } from './protocol.ts';
import { appendLog } from './commands.ts';
import { valid } from './docLookup.ts';
import {
  AwaySchema,
  HANDOVER_KEY,
  HandoverProposalSchema,
  handover,
  meta,
  type Away,
  type HandoverProposal,
  type LogEvent,
} from './schema.ts';
import type { MeetingSnapshot } from './types.ts';

/** [F6] How long the facilitator has no awareness presence before someone may take over (the server's default). */
export const FACILITATOR_AWAY_MS = 60_000;

/** [F1] The facilitator names a co-facilitator (a present member), or nobody. */
export function nameCoFacilitator(doc: Y.Doc, participantId: string | null, origin: unknown = ORIGIN.local): void {
  doc.transact(() => meta(doc).set('coFacilitatorId', participantId), origin);
}

/** [F2] The facilitator hands facilitation to a present member. */
export function handOver(doc: Y.Doc, to: string, origin: unknown = ORIGIN.local): void {
  doc.transact(() => {
    meta(doc).set('facilitatorId', to);
    if (meta(doc).get('coFacilitatorId') === to) meta(doc).set('coFacilitatorId', null);
  }, origin);
}

/** [F3] The facilitator's absence as the server published it, when it is the current facilitator's. */
export function facilitatorAway(s: MeetingSnapshot): Away | null {
  const away = s.handover?.away;
  return away && away.participantId === s.meta.facilitatorId ? away : null;
}

/** [F3] Whether someone may take over now (by the server's clock, which decides). */
export const mayTakeOver = (s: MeetingSnapshot, now: number): boolean => {
  const away = facilitatorAway(s);
  return away !== null && now >= away.takeoverAt;
};

/** Server only: the facilitator's absence (or their return, with null). */
export function writeAway(doc: Y.Doc, away: Away | null, origin: unknown = ORIGIN.server): void {
  const value = away === null ? null : valid(AwaySchema, away, 'absence');
  doc.transact(() => {
    if (value === null) handover(doc).delete(HANDOVER_KEY.away);
    else handover(doc).set(HANDOVER_KEY.away, value);
  }, origin);
}

/** Server only: a takeover proposal and its consents (or none, with null). */
export function writeHandoverProposal(doc: Y.Doc, proposal: HandoverProposal | null, origin: unknown = ORIGIN.server): void {
  const value = proposal === null ? null : valid(HandoverProposalSchema, proposal, 'takeover proposal');
  doc.transact(() => {
    if (value === null) handover(doc).delete(HANDOVER_KEY.proposal);
    else handover(doc).set(HANDOVER_KEY.proposal, value);
  }, origin);
}

/** Server only [F4][F5]: `to` facilitates from now on; logged, and the absence and any proposal cleared. */
export function writeTakeover(
  doc: Y.Doc,
  t: { from: string; to: string; how: 'takeover' | 'consent'; at: number },
  origin: unknown = ORIGIN.server,
): void {
  const event: LogEvent = { type: 'facilitator', at: t.at, actorId: t.to, from: t.from, to: t.to, how: t.how };
  doc.transact(() => {
    meta(doc).set('facilitatorId', t.to);
    if (meta(doc).get('coFacilitatorId') === t.to) meta(doc).set('coFacilitatorId', null);
    handover(doc).delete(HANDOVER_KEY.away);
    handover(doc).delete(HANDOVER_KEY.proposal);
    appendLog(doc, [event], origin);
  }, origin);
}
