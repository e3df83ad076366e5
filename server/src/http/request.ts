// What every route shares: the error that becomes a JSON answer, the JSON body
// reader that validates with zod, and the caller's claims from a Bearer token.
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldSentence } from '@consent/shared';
import { meta } from '@consent/shared';
import { authorize, bearer, type AccessDeps } from '../auth.ts';
import type { RoomManager } from '../room/RoomManager.ts';
import type { MeetingRecord } from '../storage/Storage.ts';
import type { TokenClaims } from '../tokens.ts';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().includes('application/json')) {
    throw new HttpError(400, 'The request must be sent as JSON (Content-Type: application/json).');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new HttpError(400, 'The request is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
    if (!field) throw new HttpError(400, 'The request is not one the server understands; reload the page and try again.');
    throw new HttpError(400, fieldSentence(field, issue as { code: string; maximum?: unknown; input?: unknown; message?: string }), field);
  }
  return parsed.data;
}

/** The caller's claims from `Authorization: Bearer`, or the contract's 401/403/404. */
export async function caller(deps: AccessDeps, c: Context): Promise<{ claims: TokenClaims; meeting: MeetingRecord }> {
  const auth = await authorize(deps, c.req.param('id') ?? '', bearer(c.req.header('authorization')));
  if (!auth.ok) throw new HttpError(auth.status, auth.error);
  return auth;
}

/**
 * The caller, who must be the meeting's facilitator now: the document says who
 * that is (a handover or takeover moves it, F2–F5), not the role a token was issued with.
 */
export async function facilitator(
  deps: AccessDeps & { manager: RoomManager },
  c: Context,
  what: string,
): Promise<{ claims: TokenClaims; meeting: MeetingRecord }> {
  const who = await caller(deps, c);
  const current = await deps.manager.withRoom(who.meeting.id, (room) => meta(room.doc).get('facilitatorId'));
  if (current !== who.claims.participantId) throw new HttpError(403, `Only the facilitator may ${what}.`);
  return who;
}
