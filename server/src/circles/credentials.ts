// Circle credentials and links (docs/circles.md). A credential is
// `circle.<circleId>.<personId>.<expiry>.<mac>` (expiry in seconds, base 36),
// signed like a meeting token but with a key of its own, so neither kind of
// token passes for the other. Nothing is stored per credential: a removal is
// stored per member and refuses every credential of theirs at once (CI3).
import { createHash, createHmac } from 'node:crypto';
import { randomId, sameSecret } from '../tokens.ts';

export interface CircleClaims {
  circleId: string;
  personId: string;
  expiresAt: number;
}

/** [CI7] A transfer link opens for this long. */
export const TRANSFER_TTL_MS = 10 * 60_000;

export class CircleSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('consent-board circle credential').digest();
  }

  sign(claims: CircleClaims): string {
    const body = `circle.${claims.circleId}.${claims.personId}.${Math.ceil(claims.expiresAt / 1000).toString(36)}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a well-formed, correctly signed credential (expired or not); null otherwise. */
  verify(credential: string): CircleClaims | null {
    const parts = credential.split('.');
    if (parts.length !== 5 || parts[0] !== 'circle') return null;
    const [, circleId, personId, expiry, mac] = parts as [string, string, string, string, string];
    if (!circleId || !personId || !/^[0-9a-z]{1,10}$/.test(expiry)) return null;
    if (!sameSecret(mac, this.mac(parts.slice(0, 4).join('.')))) return null;
    return { circleId, personId, expiresAt: parseInt(expiry, 36) * 1000 };
  }

  /** [CI29] The secret of a circle's calendar feed at a version: rotating the version revokes every earlier address. */
  feedSecret(circleId: string, version: number): string {
    return this.mac(`feed.${circleId}.${version}`).slice(0, 32);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** A new single-use link code (144 bits), and the hash that storage keeps instead of it. */
export function newLinkCode(): { code: string; codeHash: string } {
  const code = randomId(18);
  return { code, codeHash: hashCode(code) };
}

export const hashCode = (code: string): string => createHash('sha256').update(code.trim()).digest('base64url');
