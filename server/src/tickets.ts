// Sync tickets: short-lived, single-use stand-ins for a token in the sync URL,
// so that the long-lived token never travels in a URL (docs/protocol.md).
// A client may get a ticket from one node and open the websocket at another:
// several nodes share PgTickets (storage/pg/PgTickets.ts); one process keeps
// them in memory (MemoryTickets), and a restart forgets them — a client simply asks again.
import { randomId, type TokenClaims } from './tokens.ts';

export const TICKET_TTL_MS = 60_000;
/** Outstanding tickets per participant; asking for more drops the oldest. */
export const MAX_TICKETS_PER_PARTICIPANT = 8;

export interface Tickets {
  /** A new ticket for these claims, valid until `expiresAt`; a participant's oldest beyond the eighth is dropped. */
  issue(claims: TokenClaims, now: number): Promise<{ ticket: string; expiresAt: number }>;
  /** The claims of a ticket of this meeting that is unused and unexpired; the ticket is used up either way. */
  redeem(ticket: string, meetingId: string, now: number): Promise<TokenClaims | null>;
}

/** The name the sync endpoint's options use. */
export type TicketStore = Tickets;

export const newTicket = (): string => randomId(24);

interface Held {
  claims: TokenClaims;
  expiresAt: number;
}

export class MemoryTickets implements Tickets {
  // Insertion order is expiry order (one lifetime for all), so expired ones sit at the front.
  private readonly held = new Map<string, Held>();
  private readonly byParticipant = new Map<string, string[]>();

  constructor(private readonly ttlMs = TICKET_TTL_MS) {}

  get size(): number {
    return this.held.size;
  }

  async issue(claims: TokenClaims, now: number): Promise<{ ticket: string; expiresAt: number }> {
    this.prune(now);
    const ticket = newTicket();
    const expiresAt = now + this.ttlMs;
    this.held.set(ticket, { claims, expiresAt });
    const key = `${claims.meetingId}/${claims.participantId}`;
    const mine = (this.byParticipant.get(key) ?? []).filter((t) => this.held.has(t));
    mine.push(ticket);
    while (mine.length > MAX_TICKETS_PER_PARTICIPANT) this.held.delete(mine.shift()!);
    this.byParticipant.set(key, mine);
    return { ticket, expiresAt };
  }

  async redeem(ticket: string, meetingId: string, now: number): Promise<TokenClaims | null> {
    const held = this.held.get(ticket);
    if (!held) return null;
    this.held.delete(ticket);
    if (held.expiresAt <= now || held.claims.meetingId !== meetingId) return null;
    return held.claims;
  }

  private prune(now: number): void {
    for (const [ticket, held] of this.held) {
      if (held.expiresAt > now) break;
      this.held.delete(ticket);
    }
    if (this.byParticipant.size > this.held.size) {
      for (const [key, list] of this.byParticipant) if (!list.some((t) => this.held.has(t))) this.byParticipant.delete(key);
    }
  }
}
