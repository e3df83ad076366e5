// The board's circle calls (docs/api.md); errors are the server's sentences (ApiError).
import type {
  AddMemberBody,
  CalendarFeed,
  CircleAction,
  CircleBacklogItem,
  CreateCircleMeetingBody,
  MeetingOffers,
  MeetingTrend,
  ProposeBacklogBody,
  RegisterFormat,
  RegisterPage,
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
  call<CircleCredential>(at(circleId, '/redeem'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

export const fetchCircle = (circleId: string, credential: string) => call<CircleView>(at(circleId), withCredential(credential));

export const fetchCircleMeetings = (circleId: string, credential: string) =>
  call<{ meetings: CircleMeetingView[] }>(at(circleId, '/meetings'), withCredential(credential));

export const addMember = (circleId: string, credential: string, b: AddMemberBody) =>
  call<PersonalLink>(at(circleId, '/members'), withCredential(credential, 'POST', b));

export const newPersonalLink = (circleId: string, credential: string, personId: string) =>
  call<PersonalLink>(at(circleId, `/members/${encodeURIComponent(personId)}/link`), withCredential(credential, 'POST'));

export const removeMember = (circleId: string, credential: string, personId: string) =>
  call<{ personId: string; removedAt: number }>(
    at(circleId, `/members/${encodeURIComponent(personId)}`),
    withCredential(credential, 'DELETE'),
  );

export const setRole = (circleId: string, credential: string, roleName: string, b: SetRoleBody) =>
  call<CircleRoleView>(at(circleId, `/roles/${encodeURIComponent(roleName)}`), withCredential(credential, 'PUT', b));

export const transferCode = (circleId: string, credential: string) =>
  call<TransferLink>(at(circleId, '/transfer'), withCredential(credential, 'POST'));

export const createCircleMeeting = (circleId: string, credential: string) =>
  call<EnteredMeeting>(at(circleId, '/meetings'), withCredential(credential, 'POST', {}));

export const enterMeeting = (circleId: string, credential: string, meetingId: string) =>
  call<EnteredMeeting>(at(circleId, `/meetings/${encodeURIComponent(meetingId)}/enter`), withCredential(credential, 'POST'));

/** The address of a personal or transfer link: the code rides in the fragment, which never reaches a server or its logs. */
export const circleLink = (circleId: string, code: string): string =>
  `${location.origin}/c/${encodeURIComponent(circleId)}/join#${encodeURIComponent(code)}`;

export const fetchRegister = (circleId: string, credential: string, q: string, limit: number) =>
  call<RegisterPage>(
    at(circleId, `/register?${new URLSearchParams({ ...(q ? { q } : {}), limit: String(limit) })}`),
    withCredential(credential),
  );

export const fetchOffers = (circleId: string, credential: string) =>
  call<MeetingOffers>(at(circleId, '/offers'), withCredential(credential));

export const createMeetingWith = (circleId: string, credential: string, b: CreateCircleMeetingBody) =>
  call<EnteredMeeting>(at(circleId, '/meetings'), withCredential(credential, 'POST', b));

export const fetchBacklog = (circleId: string, credential: string) =>
  call<{ backlog: CircleBacklogItem[] }>(at(circleId, '/backlog'), withCredential(credential));

export const proposeBacklog = (circleId: string, credential: string, b: ProposeBacklogBody) =>
  call<CircleBacklogItem>(at(circleId, '/backlog'), withCredential(credential, 'POST', b));

export const fetchActions = (circleId: string, credential: string) =>
  call<{ actions: CircleAction[] }>(at(circleId, '/actions'), withCredential(credential));

export const fetchTrends = (circleId: string, credential: string) =>
  call<{ meetings: MeetingTrend[] }>(at(circleId, '/trends'), withCredential(credential));

export const fetchCalendar = (circleId: string, credential: string) =>
  call<CalendarFeed>(at(circleId, '/calendar'), withCredential(credential));

export const rotateCalendar = (circleId: string, credential: string) =>
  call<CalendarFeed>(at(circleId, '/calendar/rotate'), withCredential(credential, 'POST'));

/** The register as a file: fetched with the credential (a plain link could not send it), then saved. */
export async function downloadRegister(circleId: string, credential: string, format: RegisterFormat): Promise<void> {
  const res = await fetch(at(circleId, `/register/export?format=${format}`), withCredential(credential));
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? res.statusText);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `register.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
