// The board's HTTP calls (create, join, sync tickets, codes, removal, minutes).
// Errors carry the server's sentence and status.
import type { CreatedMeeting, CreateMeetingBody, Invitation, JoinCodes, JoinedMeeting, JoinMeetingBody, SealedNominationBody, SealedPositionBody, SealedProgress } from '@consent/shared';

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly field?: string) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  }
  if (!res.ok) {
    let body: { error?: string; field?: string } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // a non-JSON error page: fall back to the status line
    }
    throw new ApiError(body.error ?? `The server answered ${res.status} ${res.statusText}.`, res.status, body.field);
  }
  return (await res.json()) as T;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export type { CreatedMeeting };

export const createMeeting = (input: CreateMeetingBody) =>
  call<CreatedMeeting>('/api/meetings', json(input));

export const joinMeeting = (meetingId: string, input: JoinMeetingBody) =>
  call<JoinedMeeting>(`/api/meetings/${encodeURIComponent(meetingId)}/join`, json(input));

/** What a join link opens: the meeting's title and the role of the code. */
export const fetchInvitation = (meetingId: string, code: string) =>
  call<Invitation>(`/api/meetings/${encodeURIComponent(meetingId)}/invitation`, json({ code }));

const meetingPath = (meetingId: string, rest: string) => `/api/meetings/${encodeURIComponent(meetingId)}/${rest}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A single-use ticket for one sync connection: the token itself never goes into a URL. */
export const requestTicket = (meetingId: string, token: string) =>
  call<{ ticket: string; expiresAt: number }>(meetingPath(meetingId, 'tickets'), { method: 'POST', headers: bearer(token) });

export const fetchCodes = (meetingId: string, token: string) =>
  call<{ codes: JoinCodes }>(meetingPath(meetingId, 'codes'), { headers: bearer(token) });

/** New links for every role: the old ones stop working. */
export const rotateCodes = (meetingId: string, token: string) =>
  call<{ codes: JoinCodes }>(meetingPath(meetingId, 'codes'), { ...json({}), headers: { ...bearer(token), 'content-type': 'application/json' } });

export const removeParticipant = (meetingId: string, token: string, participantId: string) =>
  call<{ participantId: string; removedAt: number }>(meetingPath(meetingId, `participants/${encodeURIComponent(participantId)}`), {
    method: 'DELETE',
    headers: bearer(token),
  });

export type MinutesFormat = 'md' | 'html' | 'json';

/** The file name the server suggests (Content-Disposition), if any. */
function suggestedName(res: Response): string | null {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

export async function fetchMinutes(meetingId: string, token: string, format: MinutesFormat): Promise<{ blob: Blob; fileName: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/minutes.${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new ApiError('The server cannot be reached: minutes need a connection.', 0);
  }
  if (!res.ok) {
    let reason = `${res.status} ${res.statusText}`;
    try {
      reason = ((await res.json()) as { error?: string }).error ?? reason;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(`The minutes could not be fetched: ${reason}.`, res.status);
  }
  return { blob: await res.blob(), fileName: suggestedName(res) ?? `minutes-${meetingId}.${format}` };
}

/** Deletes the whole meeting (facilitator only); resolves once the server has erased it. */
export async function deleteMeeting(meetingId: string, token: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  }
  if (res.status === 204) return;
  let reason = `${res.status} ${res.statusText}`;
  try {
    reason = ((await res.json()) as { error?: string }).error ?? reason;
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiError(`The meeting could not be deleted: ${reason}.`, res.status);
}

// Facilitation (docs/api.md): sealed answers, the reveal, the takeover.
const post = (token: string, body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const itemPath = (meetingId: string, itemId: string, rest: string) => meetingPath(meetingId, `items/${encodeURIComponent(itemId)}/${rest}`);

export const sealPosition = (meetingId: string, token: string, itemId: string, body: SealedPositionBody) =>
  call<SealedProgress>(itemPath(meetingId, itemId, 'sealed-position'), post(token, body));

export const sealNomination = (meetingId: string, token: string, itemId: string, body: SealedNominationBody) =>
  call<SealedProgress>(itemPath(meetingId, itemId, 'sealed-nomination'), post(token, body));

export const ownSealed = (meetingId: string, token: string, itemId: string) =>
  call<SealedProgress>(itemPath(meetingId, itemId, 'sealed'), { headers: bearer(token) });

export const revealNow = (meetingId: string, token: string, itemId: string) =>
  call<SealedProgress>(itemPath(meetingId, itemId, 'reveal'), post(token));

export const takeOver = (meetingId: string, token: string) => call<unknown>(meetingPath(meetingId, 'facilitation/take-over'), post(token));
export const proposeTakeover = (meetingId: string, token: string) => call<unknown>(meetingPath(meetingId, 'facilitation/proposal'), post(token));
export const answerTakeover = (meetingId: string, token: string, answer: 'consent' | 'object') =>
  call<unknown>(meetingPath(meetingId, 'facilitation/answer'), post(token, { answer }));
