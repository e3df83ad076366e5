// What the UI offers me, mirroring the rights table (DESIGN §5): the server
// enforces it, the board only avoids offering what would be refused.
import type { MeetingSnapshot } from '@consent/shared';

export interface Abilities {
  isFacilitator: boolean;
  isObserver: boolean;
  /** Member or guest: may speak, write notes and raise concerns (who edits the proposal: editLockOf in shared, R12). */
  isSpeaker: boolean;
  /** A member whose position counts. */
  isMember: boolean;
  /** Notes are writable, and the proposal too where editLockOf allows (not an observer, meeting not closed). */
  canEditText: boolean;
  /** May give a position or raise an objection/concern (not an observer, meeting not closed). */
  canTakePosition: boolean;
}

export function abilities(s: MeetingSnapshot, me: string): Abilities {
  const role = s.participants[me]?.role ?? 'observer';
  const open = s.meta.phase !== 'closed';
  const isObserver = role === 'observer';
  return {
    isFacilitator: s.meta.facilitatorId === me && open,
    isObserver,
    isSpeaker: !isObserver,
    isMember: role === 'member',
    canEditText: !isObserver && open,
    canTakePosition: !isObserver && open,
  };
}
