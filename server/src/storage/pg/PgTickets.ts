// Sync tickets on PostgreSQL, shared by every node: a ticket issued by one node
// opens the websocket at another, once (DELETE … RETURNING takes the row).
import type pg from 'pg';
import { MAX_TICKETS_PER_PARTICIPANT, newTicket, TICKET_TTL_MS, type Tickets } from '../../tickets.ts';
import type { TokenClaims } from '../../tokens.ts';
import { inTransaction, num } from './transaction.ts';

export class PgTickets implements Tickets {
  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs = TICKET_TTL_MS,
  ) {}

  async issue(claims: TokenClaims, now: number): Promise<{ ticket: string; expiresAt: number }> {
    const ticket = newTicket();
    const expiresAt = now + this.ttlMs;
    await inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM tickets WHERE expires_at <= $1', [now]);
      await c.query('INSERT INTO tickets (ticket, meeting_id, participant_id, claims, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        ticket,
        claims.meetingId,
        claims.participantId,
        JSON.stringify(claims),
        expiresAt,
      ]);
      // the participant's oldest beyond the allowance go
      await c.query(
        `DELETE FROM tickets WHERE ticket IN (SELECT ticket FROM tickets WHERE meeting_id = $1 AND participant_id = $2
         ORDER BY ord DESC OFFSET $3)`,
        [claims.meetingId, claims.participantId, MAX_TICKETS_PER_PARTICIPANT],
      );
    });
    return { ticket, expiresAt };
  }

  async redeem(ticket: string, meetingId: string, now: number): Promise<TokenClaims | null> {
    const r = await this.pool.query<{ claims: TokenClaims; expires_at: string }>(
      'DELETE FROM tickets WHERE ticket = $1 RETURNING claims, expires_at',
      [ticket],
    );
    const row = r.rows[0];
    if (!row || num(row.expires_at) <= now || row.claims.meetingId !== meetingId) return null;
    return row.claims;
  }
}
