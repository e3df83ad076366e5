// Who is asking: resolves a meeting id and a token (or a sync ticket) to the
// caller's claims, or to the HTTP status and sentence the contract gives
// (404 unknown meeting, 401 missing/invalid/expired, 403 other meeting or removed).
import type { MeetingRecord, Storage } from './storage/Storage.ts';
import type { TokenClaims, TokenSigner } from './tokens.ts';

export interface AccessDeps {
  storage: Storage;
  signer: TokenSigner;
  /** How long a new token opens its meeting. */
  tokenTtlMs: number;
  now(): number;
}

export type AuthResult = { ok: true; claims: TokenClaims; meeting: MeetingRecord } | { ok: false; status: 401 | 403 | 404; error: string };

export const MEETING_NOT_FOUND = 'This meeting does not exist: check the link with the facilitator.';

/** A new token for a participant, valid for the configured time from now. */
export function issueToken(deps: AccessDeps, claims: Omit<TokenClaims, 'expiresAt'>): string {
  return deps.signer.sign({ ...claims, expiresAt: deps.now() + deps.tokenTtlMs });
}

export async function authorize(deps: AccessDeps, meetingId: string, token: string | null | undefined): Promise<AuthResult> {
  const meeting = await deps.storage.getMeeting(meetingId);
  if (!meeting) return { ok: false, status: 404, error: MEETING_NOT_FOUND };
  if (!token) return { ok: false, status: 401, error: 'token missing' };
  const claims = deps.signer.verify(token);
  if (!claims) return { ok: false, status: 401, error: 'token invalid' };
  if (claims.meetingId !== meetingId) return { ok: false, status: 403, error: 'token of another meeting' };
  return stillValid(deps, meeting, claims);
}

/**
 * The checks that can change after a token was issued: its expiry (a token
 * without one expires the configured time after its meeting was created), and
 * a removal by the facilitator. Run again when a sync ticket is redeemed.
 */
export async function stillValid(deps: AccessDeps, meeting: MeetingRecord, claims: TokenClaims): Promise<AuthResult> {
  if (deps.now() >= tokenExpiry(deps, meeting, claims)) return { ok: false, status: 401, error: 'token expired' };
  if ((await deps.storage.removedAt(meeting.id, claims.participantId)) !== null) {
    return { ok: false, status: 403, error: 'The facilitator removed this participant from the meeting.' };
  }
  return { ok: true, claims, meeting };
}

/** When a token stops opening the meeting: its own expiry, or for a token without one the configured time after the meeting was created. */
export function tokenExpiry(deps: Pick<AccessDeps, 'tokenTtlMs'>, meeting: MeetingRecord, claims: TokenClaims): number {
  return claims.expiresAt ?? meeting.createdAt + deps.tokenTtlMs;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}
