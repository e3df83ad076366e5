// The board's circle calls (docs/api.md); errors are the server's sentences (ApiError).
import type {
  AddMemberBody,
  CircleCredential,
  CircleMeetingView,
  CircleRoleView,
  CircleView,
  CreateCircleBody,
  EnteredMeeting,
  PersonalLink,
  SetRoleBody,
  TransferLink,
} from '@consent/shared';
import { call } from '../api.ts';

const at = (circleId: string, rest = '') => `/api/circles/${encodeURIComponent(circleId)}${rest}`;
const withCredential = (credential: string, method = 'GET', body?: unknown): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export const createCircle = (b: CreateCircleBody) =>
  call<CircleCredential>('/api/circles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });

export const redeemCode = (circleId: string, code: string) =>
  call<CircleCredential>(at(circleId, '/redeem'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });

export const fetchCircle = (circleId: string, credential: string) => call<CircleView>(at(circleId), withCredential(credential));

export const fetchCircleMeetings = (circleId: string, credential: string) =>
  call<{ meetings: CircleMeetingView[] }>(at(circleId, '/meetings'), withCredential(credential));

export const addMember = (circleId: string, credential: string, b: AddMemberBody) =>
  call<PersonalLink>(at(circleId, '/members'), withCredential(credential, 'POST', b));

export const newPersonalLink = (circleId: string, credential: string, personId: string) =>
  call<PersonalLink>(at(circleId, `/members/${encodeURIComponent(personId)}/link`), withCredential(credential, 'POST'));

export const removeMember = (circleId: string, credential: string, personId: string) =>
  call<{ personId: string; removedAt: number }>(at(circleId, `/members/${encodeURIComponent(personId)}`), withCredential(credential, 'DELETE'));

export const setRole = (circleId: string, credential: string, roleName: string, b: SetRoleBody) =>
  call<CircleRoleView>(at(circleId, `/roles/${encodeURIComponent(roleName)}`), withCredential(credential, 'PUT', b));

export const transferCode = (circleId: string, credential: string) => call<TransferLink>(at(circleId, '/transfer'), withCredential(credential, 'POST'));

export const createCircleMeeting = (circleId: string, credential: string) =>
  call<EnteredMeeting>(at(circleId, '/meetings'), withCredential(credential, 'POST', {}));

export const enterMeeting = (circleId: string, credential: string, meetingId: string) =>
  call<EnteredMeeting>(at(circleId, `/meetings/${encodeURIComponent(meetingId)}/enter`), withCredential(credential, 'POST'));

/** The address of a personal or transfer link: the code rides in the fragment, which never reaches a server or its logs. */
export const circleLink = (circleId: string, code: string): string => `${location.origin}/c/${encodeURIComponent(circleId)}/join#${encodeURIComponent(code)}`;
