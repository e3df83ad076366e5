// Rounds revealed together [V1–V7]: which round of an item is sealed now, who
// has given an answer, and the one transaction that reveals every answer. The
// answers themselves never enter the document before the reveal: the server keeps them.
import type * as Y from 'yjs';
import { z } from 'zod';
import { eligibleMembers } from './consent.ts';
import { ORIGIN } from './protocol.ts';
import {
  NominationSchema,
  ObjectionSchema,
  PositionSchema,
  PositionValue,
  RoundSchema,
  SealedSchema,
  nominations,
  objections,
  positionKey,
  positions,
  rounds,
  sealed,
  type Round,
  type Sealed,
} from './schema.ts';
import { valid } from './docLookup.ts';
import type { MeetingSnapshot } from './types.ts';

export type SealedKind = Sealed['kind'];

/** A sealed position as the server keeps it until the reveal: the revision it was given on, and the reason of a concern or objection. */
export const SealedPositionSchema = z.object({
  position: PositionValue,
  revision: z.string().max(64),
  reason: z.string().trim().min(1).max(5000).optional(),
  at: z.number().int().nonnegative(),
});
export type SealedPosition = z.infer<typeof SealedPositionSchema>;

/** A sealed nomination as the server keeps it until the reveal. */
export const SealedNominationSchema = z.object({
  nomineeId: z.string().min(1).max(128),
  reason: z.string().trim().min(1).max(2000),
  at: z.number().int().nonnegative(),
});
export type SealedNomination = z.infer<typeof SealedNominationSchema>;

/** [V1] What a round collects when it is revealed together, or null when it is open. */
export function sealedKindOf(round: Round): SealedKind | null {
  if (round.reveal !== 'together') return null;
  if (round.kind === 'consent') return 'position';
  if (round.kind === 'nominations') return 'nomination';
  return null;
}

export interface SealedRoundState {
  itemId: string;
  kind: SealedKind;
  round: number;
  /** Who has given a sealed answer (never what). */
  given: string[];
  /** [V5] Who must give one before the server reveals by itself: the eligible members (C1). */
  eligible: string[];
  revealed: boolean;
}

/** The item's current round when it is revealed together, with its progress; null otherwise. */
export function sealedRound(s: MeetingSnapshot, itemId: string): SealedRoundState | null {
  const round = s.rounds[itemId];
  const kind = round ? sealedKindOf(round) : null;
  if (!round || !kind) return null;
  const entry = s.sealed?.[itemId];
  const current = entry && entry.round === round.number && entry.kind === kind ? entry : null;
  return {
    itemId,
    kind,
    round: round.number,
    given: current?.given ?? [],
    eligible: eligibleMembers(s),
    revealed: current?.revealedAt !== undefined,
  };
}

/** [V5] Every eligible member has given a sealed answer (and at least one is eligible). */
export const everyoneHasGiven = (r: SealedRoundState): boolean => r.eligible.length > 0 && r.eligible.every((id) => r.given.includes(id));

/** [V2] Whether the item's round is sealed right now, read from the document itself (for the rights check). */
export function isSealedNow(doc: Y.Doc, itemId: string): boolean {
  const round = RoundSchema.safeParse(rounds(doc).get(itemId));
  if (!round.success || sealedKindOf(round.data) === null) return false;
  const entry = SealedSchema.safeParse(sealed(doc).get(itemId));
  return !(entry.success && entry.data.round === round.data.number && entry.data.revealedAt !== undefined);
}

/** Server only: publishes who has given a sealed answer in the item's round. */
export function recordGiven(doc: Y.Doc, itemId: string, entry: Omit<Sealed, 'revealedAt'>, origin: unknown = ORIGIN.server): void {
  const value = valid(SealedSchema, entry, 'sealed progress');
  doc.transact(() => sealed(doc).set(itemId, value), origin);
}

export interface Reveal {
  itemId: string;
  kind: SealedKind;
  round: number;
  at: number;
  given: string[];
  /** Participant id → sealed answer (a SealedPosition or a SealedNomination, after `kind`). */
  answers: ReadonlyMap<string, unknown>;
  /** An id for each card a concern or objection becomes. */
  newCardId: () => string;
}

/**
 * [V4] Server only: writes every sealed answer into the document in one
 * transaction (so in one update): positions, with a card for each concern or
 * objection, or nominations; and marks the round revealed.
 */
export function writeReveal(doc: Y.Doc, r: Reveal, origin: unknown = ORIGIN.server): void {
  const writes: Array<() => void> = [];
  for (const [participantId, raw] of [...r.answers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (r.kind === 'nomination') {
      const n = valid(SealedNominationSchema, raw, 'sealed nomination');
      const entry = valid(NominationSchema, { nomineeId: n.nomineeId, reason: n.reason, round: r.round, at: n.at }, 'nomination');
      writes.push(() => nominations(doc).set(positionKey(r.itemId, participantId), entry));
      continue;
    }
    const p = valid(SealedPositionSchema, raw, 'sealed position');
    const entry = valid(PositionSchema, { position: p.position, round: r.round, revision: p.revision, at: p.at }, 'position');
    writes.push(() => positions(doc).set(positionKey(r.itemId, participantId), entry));
    if (p.position !== 'consent' && p.reason) {
      const card = valid(
        ObjectionSchema,
        {
          itemId: r.itemId,
          authorId: participantId,
          kind: p.position === 'object' ? 'objection' : 'concern',
          text: p.reason,
          status: 'open',
          revision: p.revision,
          createdAt: p.at,
        },
        'card',
      );
      const id = r.newCardId();
      writes.push(() => objections(doc).set(id, card));
    }
  }
  const done = valid(SealedSchema, { kind: r.kind, round: r.round, given: r.given, revealedAt: r.at }, 'sealed progress');
  doc.transact(() => {
    for (const w of writes) w();
    sealed(doc).set(r.itemId, done);
  }, origin);
}
