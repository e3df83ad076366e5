// Who is asking: resolves a meeting id and a token to the caller's claims, or
// to the HTTP status and message the contract gives (404, 401, 403).
import type { Storage } from './storage/Storage.ts';
import type { TokenClaims, TokenSigner } from './tokens.ts';

export type AuthResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; status: 401 | 403 | 404; error: string };

export async function authorize(
  storage: Storage,
  signer: TokenSigner,
  meetingId: string,
  token: string | null | undefined,
): Promise<AuthResult> {
  if (!(await storage.getMeeting(meetingId))) return { ok: false, status: 404, error: 'meeting not found' };
  if (!token) return { ok: false, status: 401, error: 'token missing' };
  const claims = signer.verify(token);
  if (!claims) return { ok: false, status: 401, error: 'token invalid' };
  if (claims.meetingId !== meetingId) return { ok: false, status: 403, error: 'token of another meeting' };
  return { ok: true, claims };
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}
