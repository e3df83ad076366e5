// Participant tokens and join codes. A token is `<meetingId>.<participantId>.<role>.<mac>`
// where mac = HMAC-SHA256(secret, the first three parts): nothing is stored per token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { TOKEN_ROLES, type TokenRole } from '@consent/shared';

export { TOKEN_ROLES, type TokenRole };

export interface TokenClaims {
  meetingId: string;
  participantId: string;
  role: TokenRole;
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

  sign(claims: TokenClaims): string {
    const body = `${claims.meetingId}.${claims.participantId}.${claims.role}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a well-formed, correctly signed token; null otherwise. */
  verify(token: string): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 4) return null;
    const [meetingId, participantId, role, mac] = parts as [string, string, string, string];
    if (!meetingId || !participantId || !(TOKEN_ROLES as readonly string[]).includes(role)) return null;
    if (!sameSecret(mac, this.mac(`${meetingId}.${participantId}.${role}`))) return null;
    return { meetingId, participantId, role: role as TokenRole };
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
