// What the HTTP routes do to meetings: create one (initial content through the
// shared commands), let someone join by code, and export the minutes.
import * as Y from 'yjs';
import {
  ORIGIN,
  addParticipant,
  participants,
  appendLog,
  createMeeting,
  type CreatedMeeting,
  type Role,
} from '@consent/shared';
import { randomCode, randomId, sameSecret, type TokenRole } from '../tokens.ts';
import { SERVER_OWNER } from '../room/ClientWrites.ts';
import type { MeetingRecord } from '../storage/Storage.ts';
import { HttpError, type AppDeps } from './app.ts';

type Deps = Pick<AppDeps, 'storage' | 'signer' | 'manager' | 'now'> & Partial<Pick<AppDeps, 'maxParticipants'>>;

export async function createMeetingWithCodes(
  deps: Deps,
  m: { title: string; circle: string; aim: string; facilitatorName: string },
): Promise<CreatedMeeting> {
  const meetingId = randomId();
  const participantId = randomId();
  const now = deps.now();
  const doc = new Y.Doc();
  doc.transact(() => {
    createMeeting(doc, { ...m, facilitatorId: participantId, now }, ORIGIN.server);
    appendLog(doc, [{ type: 'join', at: now, actorId: participantId, name: m.facilitatorName, role: 'member' }], ORIGIN.server);
  }, ORIGIN.server);
  const record: MeetingRecord = { id: meetingId, createdAt: now, inviteCode: randomCode(), observerCode: randomCode() };
  await deps.storage.createMeeting(record, Y.encodeStateAsUpdate(doc));
  // Rule P6: nobody writes on under the client id that wrote the initial content.
  await deps.storage.appendUpdates([], [{ meetingId, client: doc.clientID, participantId: SERVER_OWNER }]);
  doc.destroy();
  const token = deps.signer.sign({ meetingId, participantId, role: 'facilitator' });
  return { meetingId, participantId, token, role: 'facilitator', inviteCode: record.inviteCode, observerCode: record.observerCode };
}

/** The role a join code grants: the invite code any but facilitator, the observer code only observer. */
function roleFor(meeting: MeetingRecord, code: string, asked: Role | undefined): Role {
  if (sameSecret(code, meeting.observerCode)) {
    if (asked && asked !== 'observer') throw new HttpError(400, 'role: the observer code joins as observer only', 'role');
    return 'observer';
  }
  if (sameSecret(code, meeting.inviteCode)) return asked ?? 'member';
  throw new HttpError(403, 'code: not a join code of this meeting', 'code');
}

export async function joinMeeting(
  deps: Deps,
  meeting: MeetingRecord,
  b: { name: string; code: string; role?: Role | undefined },
): Promise<{ participantId: string; token: string; role: TokenRole }> {
  const role = roleFor(meeting, b.code, b.role);
  const participantId = randomId();
  await deps.manager.withRoom(meeting.id, (room) =>
    room.serverWrite((doc) => {
      // Checked in the same synchronous write as the addition, so two joins cannot both take the last seat.
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
  return { participantId, token: deps.signer.sign({ meetingId: meeting.id, participantId, role }), role };
}
