// Meetings of a circle (docs/circles.md): created by the circle's facilitator
// with the circle's roles and members seated, entered by a member with their
// circle credential, and told of the circle's removals; a decided selection
// item updates the circle's role.
import {
  ORIGIN,
  arriveFromCircle,
  createCircleMeeting,
  meta,
  participants,
  roleKey,
  seedCircleAgenda,
  type CircleMeetingView,
  type CreateCircleMeetingBody,
  type EnteredMeeting,
} from '@consent/shared';
import type { Logger } from 'pino';
import { issueToken } from '../auth.ts';
import type { AppDeps } from '../http/deps.ts';
import { CLOSED_MEETING, newCodes, removeParticipant } from '../http/meetings.ts';
import { HttpError } from '../http/request.ts';
import type { LogEventDraftLike, WritePolicy } from '../room/writeCheck.ts';
import type { Storage } from '../storage/Storage.ts';
import { randomId } from '../tokens.ts';
import type { CircleCaller, CircleDeps } from './access.ts';
import { isoDay } from './membership.ts';
import { meetingOffers, takeOffers } from './offers.ts';

type Deps = CircleDeps & Pick<AppDeps, 'manager' | 'signer' | 'maxParticipants' | 'log'>;

export const NOT_OF_CIRCLE = 'This meeting is not one of this circle’s meetings.';

/** [CI11] The circle's facilitator creates a meeting: roles and members come from the circle. */
export async function createMeetingInCircle(deps: Deps, who: CircleCaller, b: CreateCircleMeetingBody): Promise<EnteredMeeting> {
  const { circle } = who;
  const now = deps.now();
  const title = b.title;
  // [CI21][CI22][CI25] what the facilitator took from the offers becomes agenda items
  const offers = await meetingOffers(deps.storage, circle.id, now);
  const texts = new Map<string, string>();
  for (const id of b.reviews ?? []) texts.set(id, (await deps.storage.circles.records.getDecision(id))?.text ?? '');
  const taken = takeOffers(offers, texts, b);
  const members = (await deps.storage.circles.members(circle.id)).filter((m) => m.removedAt === null);
  const secretary = (await deps.storage.circles.roles(circle.id)).find((r) => roleKey(r.name) === 'secretary');
  const meetingTitle = title ?? `${circle.name} · ${isoDay(now)}`;
  const meetingId = randomId();
  await deps.manager.createMeeting({ id: meetingId, createdAt: now, codes: newCodes() }, (doc) => {
    createCircleMeeting(
      doc,
      {
        title: meetingTitle,
        circle: circle.name,
        aim: circle.aim,
        facilitator: { personId: who.member.personId, name: who.member.name },
        secretaryId: secretary?.holderId ?? null,
        seats: members.map((m) => ({ personId: m.personId, name: m.name, role: m.role })),
        now,
      },
      ORIGIN.server,
    );
    seedCircleAgenda(doc, taken.items, who.member.personId, ORIGIN.server);
  });
  await deps.storage.circles.addMeeting({ meetingId, circleId: circle.id, title: meetingTitle, createdAt: now });
  for (const [itemId, entryId] of taken.reviews) await deps.storage.circles.records.linkReview(meetingId, itemId, entryId);
  await deps.storage.circles.records.takeBacklog(circle.id, taken.backlogIds, meetingId, now);
  const token = issueToken(deps, { meetingId, participantId: who.member.personId, role: 'facilitator' });
  return { meetingId, participantId: who.member.personId, token, role: 'facilitator', title: meetingTitle };
}

export async function listMeetings(deps: Pick<CircleDeps, 'storage'>, circleId: string): Promise<CircleMeetingView[]> {
  return (await deps.storage.circles.meetings(circleId)).map(({ meetingId, title, createdAt }) => ({ meetingId, title, createdAt }));
}

/** [CI12] A member opens a meeting of their circle: their participant token, without joining again. */
export async function enterMeeting(deps: Deps, who: CircleCaller, meetingId: string): Promise<EnteredMeeting> {
  if ((await deps.storage.circles.circleOfMeeting(meetingId)) !== who.circle.id) throw new HttpError(404, NOT_OF_CIRCLE);
  const meeting = await deps.storage.getMeeting(meetingId);
  if (!meeting) throw new HttpError(404, NOT_OF_CIRCLE);
  const { personId, name, role } = who.member;
  if ((await deps.storage.removedAt(meetingId, personId)) !== null) {
    throw new HttpError(403, 'The facilitator removed you from this meeting.');
  }
  const seen = await deps.manager.withRoom(meetingId, async (room) => {
    let out = { title: '', facilitator: false, role: role as 'member' | 'guest' };
    await room.serverWrite((doc) => {
      const seated = participants(doc).has(personId);
      const closed = meta(doc).get('phase') === 'closed';
      if (!seated && closed) throw new HttpError(409, CLOSED_MEETING);
      if (!seated && participants(doc).size >= (deps.maxParticipants ?? Infinity)) {
        throw new HttpError(409, `This meeting is full: it takes at most ${deps.maxParticipants} participants.`);
      }
      if (!closed) arriveFromCircle(doc, { personId, name, role }, deps.now(), ORIGIN.server);
      const entry = participants(doc).get(personId) as { role?: string } | undefined;
      const title = meta(doc).get('title');
      out = {
        title: typeof title === 'string' ? title : '',
        facilitator: meta(doc).get('facilitatorId') === personId,
        role: entry?.role === 'guest' ? 'guest' : 'member',
      };
    });
    return out;
  });
  const tokenRole = seen.facilitator ? 'facilitator' : seen.role;
  return {
    meetingId,
    participantId: personId,
    token: issueToken(deps, { meetingId, participantId: personId, role: tokenRole }),
    role: tokenRole,
    title: seen.title,
  };
}

/**
 * [CI6] The facilitator removes a member: stored first (every credential of theirs refused at once),
 * the roles they held fall vacant, and they leave the circle's meetings that are not closed.
 */
export async function removeMember(deps: Deps, who: CircleCaller, personId: string): Promise<number> {
  if (personId === who.member.personId)
    throw new HttpError(409, 'The circle’s facilitator cannot remove themselves: hand the role to another member first.');
  const removedAt = await deps.storage.circles.removeMember(who.circle.id, personId, deps.now());
  if (removedAt === null) throw new HttpError(404, 'No member of this circle has this id.');
  for (const role of await deps.storage.circles.roles(who.circle.id)) {
    if (role.holderId === personId)
      await deps.storage.circles.setRole(who.circle.id, { ...role, holderId: null, termStart: null, termEnd: null });
  }
  for (const m of await deps.storage.circles.meetings(who.circle.id)) {
    const meeting = await deps.storage.getMeeting(m.meetingId);
    if (!meeting) continue;
    try {
      await removeParticipant(deps, meeting, who.member.personId, personId);
    } catch (err) {
      // a closed meeting keeps its record, and one they never entered has no entry of theirs
      if (!(err instanceof HttpError)) deps.log.warn({ meetingId: m.meetingId, err }, 'removing a circle member from a meeting failed');
    }
  }
  return removedAt;
}

/** [CI9] A selection decided in a meeting of a circle: the circle's role gets its new holder and term. */
export async function applySelection(
  deps: { storage: Storage; log: Logger },
  meetingId: string,
  e: { roleName: string; holderId: string; termEnd: string | null; at: number },
): Promise<boolean> {
  const circleId = await deps.storage.circles.circleOfMeeting(meetingId);
  if (!circleId) return false;
  const holder = await deps.storage.circles.member(circleId, e.holderId);
  if (!holder || holder.removedAt !== null) {
    deps.log.info(
      { meetingId, circleId, holderId: e.holderId },
      'selection of a person who is not a circle member: circle roles unchanged',
    );
    return false;
  }
  const existing = (await deps.storage.circles.roles(circleId)).find((r) => roleKey(r.name) === roleKey(e.roleName));
  await deps.storage.circles.setRole(circleId, {
    name: existing?.name ?? e.roleName.trim(),
    holderId: e.holderId,
    termStart: isoDay(e.at),
    termEnd: e.termEnd,
  });
  return true;
}

/** [CI9] The write policy with one addition: a logged `selection` event reaches the meeting's circle. */
export function withCircleSelections(inner: WritePolicy, deps: { storage: Storage; log: Logger }): WritePolicy {
  return {
    ...inner,
    appendEvents(doc, events, actorId, at, meetingId) {
      inner.appendEvents(doc, events, actorId, at, meetingId);
      for (const e of events as LogEventDraftLike[]) {
        if (e.type !== 'selection' || typeof e.roleName !== 'string' || typeof e.holderId !== 'string') continue;
        const termEnd = typeof e.termEnd === 'string' ? e.termEnd : null;
        applySelection(deps, meetingId, { roleName: e.roleName, holderId: e.holderId, termEnd, at }).catch((err: unknown) =>
          deps.log.error({ meetingId, err }, 'updating the circle’s role after a selection failed'),
        );
      }
    },
  };
}
