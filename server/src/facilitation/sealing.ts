// Rounds revealed together [V1–V7], the server's part: a sealed answer goes to
// storage (never into the document); the document learns only who has given
// one; the reveal writes every answer in one server transaction, logged.
import {
  ORIGIN,
  SealedNominationSchema,
  SealedPositionSchema,
  appendLog,
  everyoneHasGiven,
  readMeeting,
  recordGiven,
  sealedRound,
  writeReveal,
  type MeetingSnapshot,
  type SealedKind,
  type SealedProgress,
  type SealedRoundState,
} from '@consent/shared';
import { randomId } from '../tokens.ts';
import type { Room } from '../room/Room.ts';
import type { AppDeps } from '../http/deps.ts';
import { HttpError } from '../http/request.ts';

type Deps = Pick<AppDeps, 'storage' | 'manager' | 'now'>;

export type SealedInput =
  | { kind: 'position'; position: 'consent' | 'concern' | 'object'; reason?: string }
  | { kind: 'nomination'; nomineeId: string; reason: string };

const WORD: Record<SealedKind, string> = { position: 'position', nomination: 'nomination' };

/** The item's sealed round that takes answers of `kind` now, or the sentence why not. */
function openSealedRound(s: MeetingSnapshot, itemId: string, kind: SealedKind): SealedRoundState {
  const item = s.agenda.find((i) => i.id === itemId);
  if (!item) throw new HttpError(404, 'There is no such agenda item in this meeting.');
  if (s.meta.phase === 'closed') throw new HttpError(409, 'This meeting is closed: its record no longer changes.');
  const state = sealedRound(s, itemId);
  const stage = kind === 'position' ? 'consent' : 'clarify';
  if (!state || state.kind !== kind || item.stage !== stage || s.rounds[itemId]?.closedAt !== undefined) {
    throw new HttpError(409, `"${item.title}" has no open round in which each ${WORD[kind]} is given privately and revealed together.`);
  }
  if (state.revealed) throw new HttpError(409, `The ${WORD[kind]}s of this round have already been revealed.`);
  return state;
}

function progress(state: SealedRoundState, given: number, revealed: boolean, mine: unknown): SealedProgress {
  return { round: state.round, given, eligible: state.eligible.length, revealed, mine };
}

/** [V3] Stores a member's sealed answer, publishes that they gave one, and reveals when everyone eligible has [V5]. */
export async function submitSealed(
  deps: Deps,
  meetingId: string,
  participantId: string,
  itemId: string,
  input: SealedInput,
): Promise<SealedProgress> {
  return deps.manager.withRoom(meetingId, async (room) => {
    const s = readMeeting(room.doc).meeting;
    const state = openSealedRound(s, itemId, input.kind);
    const me = s.participants[participantId];
    if (me?.role !== 'member' || me.removedAt !== undefined) {
      throw new HttpError(403, `Only members give a ${WORD[input.kind]} in this round.`);
    }
    const at = deps.now();
    let answer: unknown;
    if (input.kind === 'position') {
      answer = SealedPositionSchema.parse({
        position: input.position,
        revision: s.proposals[itemId]?.revision ?? '',
        reason: input.reason || undefined,
        at,
      });
    } else {
      const nominee = s.participants[input.nomineeId];
      if (nominee?.role !== 'member' || nominee.removedAt !== undefined) {
        throw new HttpError(400, 'nomineeId: nominate a member of this meeting.', 'nomineeId');
      }
      answer = SealedNominationSchema.parse({ nomineeId: input.nomineeId, reason: input.reason, at });
    }
    await deps.storage.sealAnswer({ meetingId, itemId, round: state.round, participantId, answer });
    const answers = await deps.storage.sealedAnswers(meetingId, itemId, state.round);
    const given = [...answers.keys()].sort();
    await room.serverWrite((doc) => {
      const now = sealedRound(readMeeting(doc).meeting, itemId);
      if (now && !now.revealed && now.round === state.round) recordGiven(doc, itemId, { kind: input.kind, round: state.round, given });
    });
    const after = { ...state, given };
    const revealed = everyoneHasGiven(after) ? await revealIn(deps, room, itemId, participantId) : false;
    return progress(state, given.length, revealed, answer);
  });
}

/** [V6] The facilitator reveals before everyone has given an answer. */
export async function revealNow(deps: Deps, meetingId: string, participantId: string, itemId: string): Promise<SealedProgress> {
  return deps.manager.withRoom(meetingId, async (room) => {
    const s = readMeeting(room.doc).meeting;
    if (s.meta.facilitatorId !== participantId)
      throw new HttpError(403, 'Only the facilitator reveals the answers before everyone has given one.');
    const kind = sealedRound(s, itemId)?.kind ?? 'position';
    const state = openSealedRound(s, itemId, kind);
    await revealIn(deps, room, itemId, participantId);
    return progress(state, state.given.length, true, null);
  });
}

/** [V4] Writes every sealed answer of the item's round in one transaction, with its log event; false if nothing was left to reveal. */
async function revealIn(deps: Deps, room: Room, itemId: string, actorId: string): Promise<boolean> {
  const state = sealedRound(readMeeting(room.doc).meeting, itemId);
  if (!state || state.revealed) return false;
  const answers = await deps.storage.sealedAnswers(room.meetingId, itemId, state.round);
  let revealed = false;
  await room.serverWrite((doc) => {
    // a concurrent reveal may have come first
    const now = sealedRound(readMeeting(doc).meeting, itemId);
    if (!now || now.revealed || now.round !== state.round) return;
    const at = deps.now();
    const given = [...answers.keys()].sort();
    doc.transact(() => {
      writeReveal(doc, { itemId, kind: state.kind, round: state.round, at, given, answers, newCardId: randomId }, ORIGIN.server);
      appendLog(doc, [{ type: 'reveal', at, actorId, itemId, kind: state.kind, round: state.round, count: given.length }], ORIGIN.server);
    }, ORIGIN.server);
    revealed = true;
  });
  return revealed;
}

/** The caller's own sealed answer in the item's current sealed round, and the progress. */
export async function ownSealed(deps: Deps, meetingId: string, participantId: string, itemId: string): Promise<SealedProgress> {
  return deps.manager.withRoom(meetingId, async (room) => {
    const state = sealedRound(readMeeting(room.doc).meeting, itemId);
    if (!state) throw new HttpError(404, 'This item has no round whose answers are revealed together.');
    const answers = await deps.storage.sealedAnswers(meetingId, itemId, state.round);
    return progress(state, state.given.length, state.revealed, answers.get(participantId) ?? null);
  });
}
