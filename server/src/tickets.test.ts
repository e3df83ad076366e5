import { describe, expect, it } from 'vitest';
import { TicketStore } from './tickets.ts';

const claims = (participantId = 'p1', meetingId = 'm1') => ({ meetingId, participantId, role: 'member' as const, expiresAt: null });

describe('sync tickets', () => {
  it('are single use, for their meeting only, and end after their lifetime', () => {
    const store = new TicketStore(60_000);
    const a = store.issue(claims(), 1_000);
    expect(a.expiresAt).toBe(61_000);
    expect(store.redeem(a.ticket, 'm1', 2_000)).toEqual(claims());
    expect(store.redeem(a.ticket, 'm1', 2_000)).toBeNull();
    const b = store.issue(claims(), 1_000);
    expect(store.redeem(b.ticket, 'm2', 2_000)).toBeNull();
    expect(store.redeem(b.ticket, 'm1', 2_000)).toBeNull();
    const c = store.issue(claims(), 1_000);
    expect(store.redeem(c.ticket, 'm1', 61_000)).toBeNull();
  });

  it('forget expired tickets and keep at most 8 per participant, dropping the oldest', () => {
    const store = new TicketStore(60_000);
    const first = Array.from({ length: 9 }, () => store.issue(claims(), 0).ticket);
    store.issue(claims('p2'), 0);
    expect(store.size).toBe(9);
    expect(store.redeem(first[0]!, 'm1', 1)).toBeNull();
    expect(store.redeem(first[1]!, 'm1', 1)).not.toBeNull();
    store.issue(claims('p3'), 60_000);
    expect(store.size).toBe(1);
  });
});
