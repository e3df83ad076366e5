// Who may change a proposal's text and term, and when: one answer for the
// server's rights check and the board's editor (rules R12, R19, R20).
import type { Role, Stage } from './schema.ts';
import type { MeetingSnapshot } from './types.ts';

/**
 * Why a participant may not edit the proposal (text or term) now, or null:
 * `no-item` (no such agenda item), `decided` (the text is final), `consent-round`
 * (locked for everyone while the consent round runs, R20), `guest` (guests who do
 * not own the item suggest in the item's notes instead, R12/R19).
 */
export type EditLock = 'no-item' | 'decided' | 'consent-round' | 'guest' | null;

export function proposalEditLock(stage: Stage | unknown, role: Role | unknown, ownsItem: boolean): EditLock {
  if (stage === undefined) return 'no-item';
  if (stage === 'decided') return 'decided';
  if (stage === 'consent') return 'consent-round';
  if (role !== 'member' && !ownsItem) return 'guest';
  return null;
}

/** The same question on a snapshot, for the board. Observers and a closed meeting are the board's own checks (R3, R4). */
export function editLockOf(s: MeetingSnapshot, itemId: string, participantId: string): EditLock {
  const item = s.agenda.find((i) => i.id === itemId);
  return proposalEditLock(item?.stage, s.participants[participantId]?.role, item !== undefined && item.ownerId === participantId);
}
