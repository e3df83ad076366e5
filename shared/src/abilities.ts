// What a participant may do on the board now, asked of the same table and
// rules the server's checkUpdate applies (R3, R4, the RIGHTS rows, R12/R19/R20,
// R10/R18/R23 with Q9, V2): the board offers exactly these writes (R30).
import { RIGHTS, type Writer } from './rights.ts';
import { ROOT } from './schema.ts';
import { editLockOf } from './proposalLock.ts';
import { mayGivePositionBeforehand } from './quorum.ts';
import { sealedRound } from './sealed.ts';
import type { MeetingSnapshot } from './types.ts';

export interface Abilities {
  /** Holds the facilitator's rows (R5–R7, R9) now: named in meta.facilitatorId, meeting open. */
  isFacilitator: boolean;
  /** Writes nothing, ever (R3): an observer, or someone who is not a participant. */
  isObserver: boolean;
  /** Member or guest: speaks in rounds and gives an evaluation (R14) while the meeting is open. */
  isSpeaker: boolean;
  /** A member, whose position counts (C1) and who may object (R11) and nominate (S4). */
  isMember: boolean;
  /** Notes are writable now (R13); the proposal too where mayEditProposal says so. */
  canEditText: boolean;
  /** May give a position and raise cards now (R10, R11), where positionOpenTo opens them. */
  canTakePosition: boolean;
}

/** [R3][R4] The row writer a participant is now, or null: observers, strangers and everyone in a closed meeting write nothing. */
function writerNow(s: MeetingSnapshot, me: string): Writer | null {
  const role = s.participants[me]?.role;
  if (role !== 'member' && role !== 'guest') return null;
  return s.meta.phase === 'closed' ? null : role;
}

/**
 * Whether a row of the rights table grants `me` the root now (`proposal/*` for
 * proposal text). Its scope may still narrow what is written (own entries only,
 * editLockOf for proposals); the functions below ask those questions too.
 */
export function mayWrite(s: MeetingSnapshot, me: string, root: string): boolean {
  const writer = writerNow(s, me);
  if (writer === null) return false;
  const facilitator = s.meta.facilitatorId === me;
  return RIGHTS.some((r) => r.root === root && (r.writers.includes(writer) || (facilitator && r.writers.includes('facilitator'))));
}

export function abilitiesOf(s: MeetingSnapshot, me: string): Abilities {
  const role = s.participants[me]?.role;
  const isObserver = role !== 'member' && role !== 'guest';
  return {
    isFacilitator: mayWrite(s, me, ROOT.agenda),
    isObserver,
    isSpeaker: mayWrite(s, me, ROOT.evaluation),
    isMember: role === 'member',
    canEditText: mayWrite(s, me, ROOT.notes),
    canTakePosition: mayWrite(s, me, ROOT.positions) && mayWrite(s, me, ROOT.objections),
  };
}

/** [R12][R19][R20] Whether `me` may change the proposal text and term of the item now. */
export function mayEditProposal(s: MeetingSnapshot, itemId: string, me: string): boolean {
  return mayWrite(s, me, 'proposal/*') && editLockOf(s, itemId, me) === null;
}

/**
 * [R10][R18][R23][Q9][V2] Whether `me` may give a position on the item now, and
 * how: in its open consent round (`round`), beforehand as an absent member
 * (`beforehand`), or not at all (null). A sealed round takes answers through the
 * API instead (V3), never in the document.
 */
export function positionOpenTo(s: MeetingSnapshot, itemId: string, me: string): 'round' | 'beforehand' | null {
  if (!mayWrite(s, me, ROOT.positions)) return null;
  const item = s.agenda.find((i) => i.id === itemId);
  const round = s.rounds[itemId];
  if (item?.stage === 'consent' && round?.kind === 'consent' && round.closedAt === undefined) {
    const sealed = sealedRound(s, itemId);
    return sealed !== null && !sealed.revealed ? null : 'round';
  }
  return mayGivePositionBeforehand(s, itemId, me) ? 'beforehand' : null;
}

/** [R8][R9] Whether `me` may mark `who` present or absent now: their own entry, or anyone's as facilitator. */
export function mayChangePresence(s: MeetingSnapshot, me: string, who: string): boolean {
  if (!mayWrite(s, me, ROOT.participants)) return false;
  return who === me || s.meta.facilitatorId === me;
}
