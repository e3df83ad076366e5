// Participants in the order they joined (the document's map has no order of its own).
import type { MeetingSnapshot, Participant } from '@consent/shared';

export function participantsInOrder(s: MeetingSnapshot): [string, Participant][] {
  return Object.entries(s.participants).sort(([, a], [, b]) => a.joinedAt - b.joinedAt);
}
