// [C18] Objections whose author now consents: the author is asked whether the
// change resolved their objection. Pure: the same snapshot, the same list.
import { deriveConsent } from './consent.ts';
import type { Card } from './schema.ts';
import { objectionsOf } from './selectors.ts';
import type { MeetingSnapshot } from './types.ts';

/**
 * The item's open objection cards written by `participantId` while their
 * counting position (current round, current revision: C3) is `consent` or
 * `concern`, oldest first. Empty for anyone whose position does not count.
 */
export function objectionsToConfirm(s: MeetingSnapshot, itemId: string, participantId: string): Card[] {
  const record = deriveConsent(s, itemId);
  if (!record.consented.includes(participantId) && !record.concerns.includes(participantId)) return [];
  return objectionsOf(s, itemId).filter((c) => c.kind === 'objection' && c.status === 'open' && c.authorId === participantId);
}
