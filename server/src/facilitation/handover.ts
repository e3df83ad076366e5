// Facilitator handover when the facilitator is gone [F3–F6]: the co-facilitator
// takes over at once, or a present member proposes themselves and the others
// present consent. The server decides with its own clock and its view of who is online.
import { readMeeting, writeHandoverProposal, writeTakeover, type MeetingSnapshot } from '@consent/shared';
import type { Room } from '../room/Room.ts';
import type { AppDeps } from '../http/deps.ts';
import { HttpError } from '../http/request.ts';

type Deps = Pick<AppDeps, 'manager' | 'now'>;

export interface HandoverState {
  facilitatorId: string;
  proposal: { candidateId: string; consents: string[]; waitingFor: string[] } | null;
}

const nameOf = (s: MeetingSnapshot, id: string) => s.participants[id]?.name ?? 'someone';

/** [F3] The facilitator is gone: offline now, and away since at least the configured time. */
function requireGone(s: MeetingSnapshot, room: Room, now: number): string {
  const facilitatorId = s.meta.facilitatorId;
  if (s.meta.phase === 'closed') throw new HttpError(409, 'This meeting is closed: nobody facilitates it any more.');
  const away = s.handover?.away;
  if (room.isOnline(facilitatorId) || !away || away.participantId !== facilitatorId) {
    throw new HttpError(409, `${nameOf(s, facilitatorId)} is here and facilitates; ask them to hand over.`);
  }
  if (now < away.takeoverAt) {
    const seconds = Math.ceil((away.takeoverAt - now) / 1000);
    throw new HttpError(
      409,
      `${nameOf(s, facilitatorId)} left only a moment ago; someone may take over in ${seconds} seconds if they do not come back.`,
    );
  }
  return facilitatorId;
}

/** A member who attends, was not removed and is online now: who may propose, consent or take over. */
function requirePresentMember(s: MeetingSnapshot, room: Room, id: string): void {
  const p = s.participants[id];
  if (p?.role !== 'member' || !p.present || p.removedAt !== undefined || !room.isOnline(id)) {
    throw new HttpError(403, 'Only a member who is present in the meeting may do this.');
  }
}

/** [F5] The members present now whose consent a proposal needs: everyone online but the candidate and the gone facilitator. */
function othersPresent(s: MeetingSnapshot, room: Room, candidateId: string): string[] {
  return Object.entries(s.participants)
    .filter(
      ([id, p]) =>
        p.role === 'member' &&
        p.present &&
        p.removedAt === undefined &&
        id !== candidateId &&
        id !== s.meta.facilitatorId &&
        room.isOnline(id),
    )
    .map(([id]) => id)
    .sort();
}

function stateOf(s: MeetingSnapshot, room: Room): HandoverState {
  const p = s.handover?.proposal;
  return {
    facilitatorId: s.meta.facilitatorId,
    proposal: p
      ? {
          candidateId: p.candidateId,
          consents: p.consents,
          waitingFor: othersPresent(s, room, p.candidateId).filter((id) => !p.consents.includes(id)),
        }
      : null,
  };
}

/** [F4] The co-facilitator takes over at once once the facilitator is gone. */
export function takeOver(deps: Deps, meetingId: string, participantId: string): Promise<HandoverState> {
  return deps.manager.withRoom(meetingId, async (room) => {
    let state!: HandoverState;
    await room.serverWrite((doc) => {
      const s = readMeeting(doc).meeting;
      if (s.meta.coFacilitatorId !== participantId)
        throw new HttpError(
          403,
          'Only the co-facilitator takes over at once; anyone else proposes themselves and the others present consent.',
        );
      const from = requireGone(s, room, deps.now());
      requirePresentMember(s, room, participantId);
      writeTakeover(doc, { from, to: participantId, how: 'takeover', at: deps.now() });
      state = stateOf(readMeeting(doc).meeting, room);
    });
    return state;
  });
}

/** [F5] A present member proposes themselves; with nobody else present to ask, they take over at once. */
export function proposeSelf(deps: Deps, meetingId: string, participantId: string): Promise<HandoverState> {
  return deps.manager.withRoom(meetingId, async (room) => {
    let state!: HandoverState;
    await room.serverWrite((doc) => {
      const s = readMeeting(doc).meeting;
      const from = requireGone(s, room, deps.now());
      requirePresentMember(s, room, participantId);
      const open = s.handover?.proposal;
      if (open && open.candidateId !== participantId)
        throw new HttpError(409, `${nameOf(s, open.candidateId)} has already proposed to take over; answer that proposal first.`);
      if (othersPresent(s, room, participantId).length === 0)
        writeTakeover(doc, { from, to: participantId, how: 'consent', at: deps.now() });
      else writeHandoverProposal(doc, { candidateId: participantId, at: deps.now(), consents: [] });
      state = stateOf(readMeeting(doc).meeting, room);
    });
    return state;
  });
}

/** [F5] A present member answers the proposal: one objection ends it; the last consent makes the candidate facilitator. */
export function answerProposal(deps: Deps, meetingId: string, participantId: string, answer: 'consent' | 'object'): Promise<HandoverState> {
  return deps.manager.withRoom(meetingId, async (room) => {
    let state!: HandoverState;
    await room.serverWrite((doc) => {
      const s = readMeeting(doc).meeting;
      const proposal = s.handover?.proposal;
      if (!proposal) throw new HttpError(409, 'Nobody has proposed to take over facilitation.');
      const from = requireGone(s, room, deps.now());
      requirePresentMember(s, room, participantId);
      if (participantId === proposal.candidateId) throw new HttpError(409, 'The others present answer your proposal, not you.');
      if (answer === 'object') {
        writeHandoverProposal(doc, null);
      } else {
        const consents = [...new Set([...proposal.consents, participantId])].sort();
        const waiting = othersPresent(s, room, proposal.candidateId).filter((id) => !consents.includes(id));
        if (waiting.length === 0) writeTakeover(doc, { from, to: proposal.candidateId, how: 'consent', at: deps.now() });
        else writeHandoverProposal(doc, { ...proposal, consents });
      }
      state = stateOf(readMeeting(doc).meeting, room);
    });
    return state;
  });
}
