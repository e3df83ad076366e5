// The consent state of an agenda item, derived from a snapshot (DESIGN §3,
// rules C1–C12 in docs/consent-spec.md). Pure: the same snapshot, the same record.
import { positionKey } from './schema.ts';
import { EMPTY_REVISION } from './revision.ts';
import type { ConsentRecord, ConsentState, MeetingSnapshot } from './types.ts';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** [C1] Members who are present and not removed; guests, observers, absent and removed members never count. */
export function eligibleMembers(snapshot: MeetingSnapshot): string[] {
  return Object.entries(snapshot.participants)
    .filter(([, p]) => p.role === 'member' && p.present && p.removedAt === undefined)
    .map(([id]) => id)
    .sort(byCodeUnit);
}

/** [C2] The number of the item's current consent round, or null if its round is not a consent round. */
export function consentRoundNumber(snapshot: MeetingSnapshot, itemId: string): number | null {
  const round = snapshot.rounds[itemId];
  return round?.kind === 'consent' ? round.number : null;
}

/** [C6] Ids of the item's open cards of kind `objection`, sorted. */
export function openObjectionIds(snapshot: MeetingSnapshot, itemId: string): string[] {
  return Object.entries(snapshot.objections)
    .filter(([, o]) => o.itemId === itemId && o.kind === 'objection' && o.status === 'open')
    .map(([id]) => id)
    .sort(byCodeUnit);
}

/** The consent record of one agenda item; every id list is sorted by code unit. */
export function deriveConsent(snapshot: MeetingSnapshot, itemId: string): ConsentRecord {
  const round = consentRoundNumber(snapshot, itemId);
  const revision = snapshot.proposals[itemId]?.revision ?? EMPTY_REVISION;
  const eligible = eligibleMembers(snapshot);
  const record: ConsentRecord = {
    state: 'collecting',
    round,
    revision,
    eligible,
    consented: [],
    concerns: [],
    objecting: [],
    missing: [],
    stale: [],
    openObjections: openObjectionIds(snapshot, itemId),
  };
  for (const id of eligible) {
    const given = snapshot.positions[positionKey(itemId, id)];
    // [C3] a position counts only in the current round and on the current revision
    const counts = given !== undefined && round !== null && given.round === round && given.revision === revision;
    if (!counts) {
      record.missing.push(id);
      // [C4] stale: a position was given, but on an older round or revision
      if (given !== undefined) record.stale.push(id);
    } else if (given.position === 'consent') record.consented.push(id);
    else if (given.position === 'concern') record.concerns.push(id);
    else record.objecting.push(id);
  }
  record.state = stateOf(record);
  return record;
}

function stateOf(r: ConsentRecord): ConsentState {
  if (r.round === null) return 'not-started'; // [C7]
  if (r.openObjections.length > 0) return 'objections'; // [C8]
  // [C9] consent is "no objection": everyone eligible has a counting consent or concern
  if (r.eligible.length > 0 && r.consented.length + r.concerns.length === r.eligible.length) return 'consented';
  return 'collecting'; // [C10]
}
