// Opening a meeting of a circle: the circle credential is exchanged for the meeting's
// participant token (kept like any meeting session), then the board opens as usual.
import { saveSession } from '../session.ts';
import { boardPath, navigate } from '../router.ts';
import type { CircleSession } from './circleSession.ts';
import { enterMeeting } from './circleApi.ts';
import type { EnteredMeeting } from '@consent/shared';

export function keepAndOpen(m: EnteredMeeting, name: string): void {
  saveSession(m.meetingId, { participantId: m.participantId, token: m.token, role: m.role, name, title: m.title });
  navigate(boardPath(m.meetingId));
}

export async function openCircleMeeting(circleId: string, session: CircleSession, meetingId: string): Promise<void> {
  keepAndOpen(await enterMeeting(circleId, session.credential, meetingId), session.name);
}
