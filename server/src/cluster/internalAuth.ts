// What one node tells another, signed with a key derived from TOKEN_SECRET
// (every node has it): a forwarded websocket's identity (N34), and that an HTTP
// request was already forwarded once (N35). Valid for 30 seconds, so a captured
// header is of little use; the internal network is the operator's to protect.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { TOKEN_ROLES } from '@consent/shared';
import type { Identity } from '../room/Connection.ts';
import { sameSecret } from '../tokens.ts';

export const FORWARDED_HEADER = 'x-consent-forwarded';
export const HOP_HEADER = 'x-consent-hop';
const VALID_MS = 30_000;

const Forwarded = z.object({
  meetingId: z.string().min(1).max(128),
  participantId: z.string().min(1).max(128),
  role: z.enum(TOKEN_ROLES),
  ack: z.boolean(),
  exp: z.number().int(),
});

export class InternalAuth {
  private readonly key: Buffer;

  constructor(tokenSecret: string) {
    this.key = createHmac('sha256', tokenSecret).update('consent-board internal').digest();
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }

  /** The header a forwarding node sends with the client's identity. */
  forwarded(identity: Identity, ack: boolean, now: number): string {
    const body = Buffer.from(JSON.stringify({ ...identity, ack, exp: now + VALID_MS })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The identity in a forwarded header, or null when it is not signed by a node, expired, or of another meeting. */
  readForwarded(header: string | undefined, meetingId: string, now: number): { identity: Identity; ack: boolean } | null {
    const [body, mac] = (header ?? '').split('.');
    if (!body || !mac || !sameSecret(mac, this.mac(body))) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const parsed = Forwarded.safeParse(json);
    if (!parsed.success || parsed.data.exp < now || parsed.data.meetingId !== meetingId) return null;
    const { ack, meetingId: m, participantId, role } = parsed.data;
    return { identity: { meetingId: m, participantId, role }, ack };
  }

  /** The header of a request forwarded once, with the client's address (the receiver serves it, never forwards it again). */
  hop(now: number, clientAddress: string): string {
    const body = `${now + VALID_MS}~${Buffer.from(clientAddress).toString('base64url')}`;
    return `${body}.${this.mac(`hop:${body}`)}`;
  }

  /** The client's address a valid hop header carries, or null. */
  readHop(header: string | undefined, now: number): string | null {
    const [body, mac] = (header ?? '').split('.');
    if (!body || !mac || !sameSecret(mac, this.mac(`hop:${body}`))) return null;
    const [exp, address] = body.split('~');
    return Number(exp) >= now && address ? Buffer.from(address, 'base64url').toString('utf8') : null;
  }
}
