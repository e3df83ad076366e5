// Participants in the order they joined: the order people expect in a circle.
import { participantList, type MeetingSnapshot, type ParticipantRow } from '@consent/shared';

export function participantsInOrder(s: MeetingSnapshot): ParticipantRow[] {
  return participantList(s).sort((a, b) => a.joinedAt - b.joinedAt);
}
