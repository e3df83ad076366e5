// Participant tokens and join codes. A token is `<meetingId>.<participantId>.<role>.<expiry>.<mac>`
// where expiry is in seconds since the epoch (base 36) and mac = HMAC-SHA256(secret, the parts
// before it): nothing is stored per token (a removal is stored per participant, see auth.ts).
// Tokens of the first release have no expiry part; auth.ts gives them one from the meeting's age.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { TOKEN_ROLES, type TokenRole } from '@consent/shared';

export { TOKEN_ROLES, type TokenRole };

export interface TokenClaims {
  meetingId: string;
  participantId: string;
  role: TokenRole;
  /** When the token stops opening the meeting (ms since the epoch); null for a token without expiry part. */
  expiresAt: number | null;
}

/** Url-safe random id without dots (tokens use dots as separators). */
export function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A join code people can read aloud and type: 10 characters without look-alikes (about 49 bits). */
export function randomCode(length = 10): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class TokenSigner {
  constructor(private readonly secret: string) {}

  /** A token that expires at `expiresAt` (rounded up to the second). */
  sign(claims: Omit<TokenClaims, 'expiresAt'> & { expiresAt: number }): string {
    const expiry = Math.ceil(claims.expiresAt / 1000).toString(36);
    const body = `${claims.meetingId}.${claims.participantId}.${claims.role}.${expiry}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a well-formed, correctly signed token (expired or not); null otherwise. */
  verify(token: string): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 4 && parts.length !== 5) return null;
    const mac = parts.pop()!;
    const [meetingId, participantId, role, expiry] = parts as [string, string, string, string | undefined];
    if (!meetingId || !participantId || !(TOKEN_ROLES as readonly string[]).includes(role)) return null;
    if (expiry !== undefined && !/^[0-9a-z]{1,10}$/.test(expiry)) return null;
    if (!sameSecret(mac, this.mac(parts.join('.')))) return null;
    const expiresAt = expiry === undefined ? null : parseInt(expiry, 36) * 1000;
    return { meetingId, participantId, role: role as TokenRole, expiresAt };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/**
 * The configured secret, else the one kept in `<dataDir>/secret`, else a new one
 * written there (mode 600) so that tokens stay valid across restarts.
 */
export function resolveTokenSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 16) return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
