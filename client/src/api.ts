// The board's HTTP calls (create, join, sync tickets, codes, removal, minutes).
// Errors carry the server's sentence and status.
import type {
  CreatedMeeting,
  CreateMeetingBody,
  Invitation,
  JoinCodes,
  JoinedMeeting,
  JoinMeetingBody,
  SealedNominationBody,
  SealedPositionBody,
  SealedProgress,
} from '@consent/shared';
import { API_WORDS } from './access/words.ts';
import { currentLanguage } from './i18n/i18n.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * One request: a network failure or an error answer becomes an ApiError with
 * the server's sentence (prefixed by `failed`, if given) and status.
 */
async function send(path: string, init: RequestInit, failed?: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(API_WORDS.unreachable, 0);
  }
  if (res.ok) return res;
  let body: { error?: string; field?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // a non-JSON error page: fall back to the status line
  }
  const reason = body.error ?? API_WORDS.answered(res.status, res.statusText);
  throw new ApiError(failed ? `${failed}: ${reason}` : reason, res.status, body.field);
}

export async function call<T>(path: string, init: RequestInit): Promise<T> {
  return (await (await send(path, init)).json()) as T;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export type { CreatedMeeting };

export const createMeeting = (input: CreateMeetingBody) => call<CreatedMeeting>('/api/meetings', json(input));

export const joinMeeting = (meetingId: string, input: JoinMeetingBody) =>
  call<JoinedMeeting>(`/api/meetings/${encodeURIComponent(meetingId)}/join`, json(input));

/** What a join link opens: the meeting's title and the role of the code. */
export const fetchInvitation = (meetingId: string, code: string) =>
  call<Invitation>(`/api/meetings/${encodeURIComponent(meetingId)}/invitation`, json({ code }));

const meetingPath = (meetingId: string, rest: string) => `/api/meetings/${encodeURIComponent(meetingId)}/${rest}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A POST with my token, and a JSON body if given. */
const post = (token: string, body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** A single-use ticket for one sync connection: the token itself never goes into a URL. */
export const requestTicket = (meetingId: string, token: string) =>
  call<{ ticket: string; expiresAt: number }>(meetingPath(meetingId, 'tickets'), post(token));

export const fetchCodes = (meetingId: string, token: string) =>
  call<{ codes: JoinCodes }>(meetingPath(meetingId, 'codes'), { headers: bearer(token) });

/** New links for every role: the old ones stop working. */
export const rotateCodes = (meetingId: string, token: string) =>
  call<{ codes: JoinCodes }>(meetingPath(meetingId, 'codes'), post(token, {}));

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

/** The board's language for the minutes; English, the server's default, needs no query. */
const minutesLangQuery = (): string => (currentLanguage() === 'en' ? '' : `?lang=${currentLanguage()}`);

export async function fetchMinutes(meetingId: string, token: string, format: MinutesFormat): Promise<{ blob: Blob; fileName: string }> {
  const res = await send(
    meetingPath(meetingId, `minutes.${format}${minutesLangQuery()}`),
    { headers: bearer(token) },
    API_WORDS.minutesFailed,
  );
  return { blob: await res.blob(), fileName: suggestedName(res) ?? `minutes-${meetingId}.${format}` };
}

/** Deletes the whole meeting (facilitator only); resolves once the server has erased it (204). */
export async function deleteMeeting(meetingId: string, token: string): Promise<void> {
  await send(`/api/meetings/${encodeURIComponent(meetingId)}`, { method: 'DELETE', headers: bearer(token) }, API_WORDS.deleteFailed);
}

// Facilitation (docs/api.md): sealed answers, the reveal, the takeover.
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
export const proposeTakeover = (meetingId: string, token: string) =>
  call<unknown>(meetingPath(meetingId, 'facilitation/proposal'), post(token));
export const answerTakeover = (meetingId: string, token: string, answer: 'consent' | 'object') =>
  call<unknown>(meetingPath(meetingId, 'facilitation/answer'), post(token, { answer }));
