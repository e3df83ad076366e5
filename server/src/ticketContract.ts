// The behaviour every Tickets store must show (docs/protocol.md): single use,
// for its meeting only, ended by its lifetime, at most eight per participant.
import { describe, expect, it } from 'vitest';
import type { Tickets } from './tickets.ts';

const claims = (participantId = 'p1', meetingId = 'm1') => ({ meetingId, participantId, role: 'member' as const, expiresAt: null });

export function ticketContract(name: string, open: (ttlMs: number) => Promise<Tickets>): void {
  describe(`Ticket store contract: ${name}`, () => {
    it('a ticket is single use, for its meeting only, and ends after its lifetime', async () => {
      const store = await open(60_000);
      const a = await store.issue(claims(), 1_000);
      expect(a.expiresAt).toBe(61_000);
      expect(await store.redeem(a.ticket, 'm1', 2_000)).toEqual(claims());
      expect(await store.redeem(a.ticket, 'm1', 2_000)).toBeNull();
      const b = await store.issue(claims(), 1_000);
      expect(await store.redeem(b.ticket, 'm2', 2_000)).toBeNull();
      expect(await store.redeem(b.ticket, 'm1', 2_000)).toBeNull();
      const c = await store.issue(claims(), 1_000);
      expect(await store.redeem(c.ticket, 'm1', 61_000)).toBeNull();
      expect(await store.redeem('never-issued', 'm1', 2_000)).toBeNull();
    });

    it('keeps at most 8 outstanding per participant, dropping the oldest, and counts each participant apart', async () => {
      const store = await open(60_000);
      const first: string[] = [];
      for (let i = 0; i < 9; i++) first.push((await store.issue(claims('p7', 'm7'), 0)).ticket);
      const other = await store.issue(claims('p8', 'm7'), 0);
      expect(await store.redeem(first[0]!, 'm7', 1)).toBeNull();
      for (const t of first.slice(1)) expect(await store.redeem(t, 'm7', 1)).toEqual(claims('p7', 'm7'));
      expect(await store.redeem(other.ticket, 'm7', 1)).toEqual(claims('p8', 'm7'));
    });

    it('a ticket redeemed by many at once opens for one of them', async () => {
      const store = await open(60_000);
      const { ticket } = await store.issue(claims('p9'), 0);
      const answers = await Promise.all(Array.from({ length: 6 }, () => store.redeem(ticket, 'm1', 1)));
      expect(answers.filter((x) => x !== null)).toHaveLength(1);
    });
  });
}
