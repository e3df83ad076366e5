// What the HTTP routes do to meetings: create one (initial content through the
// shared commands), let someone join by the code of a role, rotate the codes,
// and remove a participant (their token refused, their sockets closed).
import {
  CLOSE,
  ORIGIN,
  ROLES,
  addParticipant,
  appendLog,
  createMeeting,
  markRemoved,
  meta,
  participants,
  type CreatedMeeting,
  type Invitation,
  type JoinCodes,
  type JoinedMeeting,
  type Role,
} from '@consent/shared';
import { issueToken } from '../auth.ts';
import { randomCode, randomId, sameSecret } from '../tokens.ts';
import type { MeetingRecord } from '../storage/Storage.ts';
import type { AppDeps } from './deps.ts';
import { HttpError } from './request.ts';

type Deps = Pick<AppDeps, 'storage' | 'signer' | 'manager' | 'now' | 'tokenTtlMs'> & Partial<Pick<AppDeps, 'maxParticipants'>>;

export const CLOSED_MEETING = 'This meeting is closed: it takes no new participants, so its record stays as it was when it closed.';

export const newCodes = (): JoinCodes => ({ member: randomCode(), guest: randomCode(), observer: randomCode() });

export async function createMeetingWithCodes(
  deps: Deps,
  m: { title: string; circle: string; aim: string; facilitatorName: string },
): Promise<CreatedMeeting> {
  const meetingId = randomId();
  const participantId = randomId();
  const now = deps.now();
  const record: MeetingRecord = { id: meetingId, createdAt: now, codes: newCodes() };
  await deps.manager.createMeeting(record, (doc) => {
    createMeeting(doc, { ...m, facilitatorId: participantId, now }, ORIGIN.server);
    appendLog(doc, [{ type: 'join', at: now, actorId: participantId, name: m.facilitatorName, role: 'member' }], ORIGIN.server);
  });
  const token = issueToken(deps, { meetingId, participantId, role: 'facilitator' });
  return { meetingId, participantId, token, role: 'facilitator', codes: record.codes };
}

/** The role a join code grants: each role has a code of its own (DESIGN §5), checked in constant time. */
export function roleFor(meeting: MeetingRecord, code: string): Role {
  const role = ROLES.find((r) => sameSecret(code, meeting.codes[r]));
  if (!role) throw new HttpError(403, WRONG_CODE, 'code');
  return role;
}

/** [H1] A join link whose code this meeting does not know: say what to do. */
export const WRONG_CODE =
  'This invite link does not open this meeting: the facilitator may have replaced it with a new one. Ask them for the link of your role.';

/** [H2] What a join link leads to, for the join page: the meeting's title and circle, and the role of the code. */
export async function invitation(deps: Deps, meeting: MeetingRecord, code: string): Promise<Invitation> {
  const role = roleFor(meeting, code);
  return deps.manager.withRoom(meeting.id, (room) => {
    const m = meta(room.doc);
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    return { title: str(m.get('title')), circle: str(m.get('circle')), role, closed: m.get('phase') === 'closed' };
  });
}

export async function joinMeeting(deps: Deps, meeting: MeetingRecord, b: { name: string; code: string }): Promise<JoinedMeeting> {
  const role = roleFor(meeting, b.code);
  const participantId = randomId();
  await deps.manager.withRoom(meeting.id, (room) =>
    room.serverWrite((doc) => {
      // Checked in the same turn as the write: no phase move can slip in between,
      // and two joins cannot both take the last seat.
      if (meta(doc).get('phase') === 'closed') throw new HttpError(409, CLOSED_MEETING);
      const max = deps.maxParticipants ?? Infinity;
      if (participants(doc).size >= max) {
        throw new HttpError(409, `This meeting is full: it takes at most ${max} participants.`);
      }
      const now = deps.now();
      doc.transact(() => {
        addParticipant(doc, participantId, { name: b.name, role, now }, ORIGIN.server);
        appendLog(doc, [{ type: 'join', at: now, actorId: participantId, name: b.name, role }], ORIGIN.server);
      }, ORIGIN.server);
    }),
  );
  return { participantId, token: issueToken(deps, { meetingId: meeting.id, participantId, role }), role };
}

/** New codes for one role or all; links with the old ones stop working at once. */
export async function rotateCodes(deps: Deps, meeting: MeetingRecord, role: Role | undefined): Promise<JoinCodes> {
  const fresh = newCodes();
  const changed: Partial<JoinCodes> = role ? { [role]: fresh[role] } : fresh;
  await deps.storage.setCodes(meeting.id, changed);
  return { ...meeting.codes, ...changed };
}

/**
 * The facilitator removes a participant: stored first (their token is refused
 * from then on, across restarts), then marked in the document (the entry and
 * their positions stay), then their open sockets close with the final code.
 */
export async function removeParticipant(deps: Deps, meeting: MeetingRecord, by: string, participantId: string): Promise<number> {
  if (participantId === by) throw new HttpError(400, 'The facilitator cannot remove themselves.');
  return deps.manager.withRoom(meeting.id, async (room) => {
    const entry = participants(room.doc).get(participantId) as { removedAt?: number } | undefined;
    if (!entry) throw new HttpError(404, 'No participant of this meeting has this id.');
    if (entry.removedAt !== undefined) return entry.removedAt;
    if (meta(room.doc).get('phase') === 'closed') throw new HttpError(409, 'This meeting is closed: its record no longer changes.');
    const at = deps.now();
    await deps.storage.removeParticipant(meeting.id, participantId, at);
    await room.serverWrite((doc) => markRemoved(doc, participantId, at, ORIGIN.server));
    deps.manager.closeParticipant(meeting.id, participantId, CLOSE.forbidden, 'removed by the facilitator');
    return at;
  });
}
