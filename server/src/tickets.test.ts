import { describe, expect, it } from 'vitest';
import { ticketContract } from './ticketContract.ts';
import { MemoryTickets } from './tickets.ts';

const claims = (participantId = 'p1', meetingId = 'm1') => ({ meetingId, participantId, role: 'member' as const, expiresAt: null });

ticketContract('memory', async (ttlMs) => new MemoryTickets(ttlMs));

describe('sync tickets in memory', () => {
  it('forget expired tickets', async () => {
    const store = new MemoryTickets(60_000);
    for (let i = 0; i < 9; i++) await store.issue(claims(), 0);
    await store.issue(claims('p2'), 0);
    expect(store.size).toBe(9);
    await store.issue(claims('p3'), 60_000);
    expect(store.size).toBe(1);
  });
});
