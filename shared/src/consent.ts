// The consent state of an agenda item, derived from a snapshot (DESIGN §3,
// rules C1–C12 and Q4–Q8 in docs/consent-spec.md). Pure: the same snapshot, the same record.
import { positionKey, type Position } from './schema.ts';
import { EMPTY_REVISION } from './revision.ts';
import { decisionPolicy, memberIds, quorumState } from './quorum.ts';
import type { ConsentRecord, ConsentState, MeetingSnapshot } from './types.ts';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** [C1] Members who are present and not removed; guests, observers, absent and removed members never count. */
export function eligibleMembers(snapshot: MeetingSnapshot): string[] {
  return Object.entries(snapshot.participants)
    .filter(([, p]) => p.role === 'member' && p.present && p.removedAt === undefined)
    .map(([id]) => id)
    .sort(byCodeUnit);
}

/** [Q2] Members who are absent (role member, not removed, `present: false`). */
export function absentMembers(snapshot: MeetingSnapshot): string[] {
  return memberIds(snapshot)
    .filter((id) => !snapshot.participants[id]!.present)
    .sort(byCodeUnit);
}

/** [C2] The number of the item's current consent round, or null if its round is not a consent round. */
export function consentRoundNumber(snapshot: MeetingSnapshot, itemId: string): number | null {
  const round = snapshot.rounds[itemId];
  return round?.kind === 'consent' ? round.number : null;
}

/**
 * [C6][Q8] Ids of the item's open cards of kind `objection`, sorted: every one of a present
 * participant; one of an absent member only when it was given on the current revision.
 */
export function openObjectionIds(snapshot: MeetingSnapshot, itemId: string): string[] {
  return openObjectionsOf(snapshot, itemId, absentMembers(snapshot), snapshot.proposals[itemId]?.revision ?? EMPTY_REVISION).blocking;
}

function openObjectionsOf(s: MeetingSnapshot, itemId: string, absent: readonly string[], revision: string) {
  const blocking: string[] = [];
  const setAside: string[] = [];
  for (const [id, o] of Object.entries(s.objections)) {
    if (o.itemId !== itemId || o.kind !== 'objection' || o.status !== 'open') continue;
    // [Q8] an absent member's card, like their position (Q4), speaks for the text they saw
    if (absent.includes(o.authorId) && o.revision !== revision) setAside.push(id);
    else blocking.push(id);
  }
  return { blocking: blocking.sort(byCodeUnit), setAside: setAside.sort(byCodeUnit) };
}

/**
 * [C3][Q4] Whether a member's position counts: a present member's in the current round, an
 * absent member's in any round (or before the first); both on the current revision.
 */
function counts(given: Position | undefined, round: number | null, revision: string, absent: boolean): given is Position {
  if (given === undefined || given.revision !== revision) return false;
  return absent || (round !== null && given.round === round);
}

/** The consent record of one agenda item; every id list is sorted by code unit. */
export function deriveConsent(snapshot: MeetingSnapshot, itemId: string): ConsentRecord {
  const policy = decisionPolicy(snapshot);
  const round = consentRoundNumber(snapshot, itemId);
  const revision = snapshot.proposals[itemId]?.revision ?? EMPTY_REVISION;
  const absent = absentMembers(snapshot);
  const cards = openObjectionsOf(snapshot, itemId, absent, revision);
  const record: ConsentRecord = {
    state: 'collecting',
    round,
    revision,
    eligible: [],
    consented: [],
    concerns: [],
    objecting: [],
    missing: [],
    stale: [],
    openObjections: cards.blocking,
    quorum: quorumState(snapshot, policy),
    absentees: policy.absentees,
    absent,
    assumed: [],
    setAside: cards.setAside,
  };
  for (const id of [...eligibleMembers(snapshot), ...absent].sort(byCodeUnit)) {
    const isAbsent = absent.includes(id);
    const given = snapshot.positions[positionKey(itemId, id)];
    if (counts(given, round, revision, isAbsent)) {
      record.eligible.push(id);
      if (given.position === 'consent') record.consented.push(id);
      else if (given.position === 'concern') record.concerns.push(id);
      else record.objecting.push(id);
      continue;
    }
    if (isAbsent && policy.absentees === 'position-beforehand') continue; // [Q5] no word given: not counted
    record.eligible.push(id);
    if (isAbsent && policy.absentees === 'assume-consent') {
      // [Q6] assumed to consent, unless a card of theirs blocks (Q8)
      record.consented.push(id);
      record.assumed!.push(id);
      continue;
    }
    // [C4][Q7] owed: a present member's position, or an absent member's under `wait`
    record.missing.push(id);
    if (given !== undefined) record.stale.push(id);
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
