import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LEASES_DDL, PgLeases } from '../storage/pg/PgLeases.ts';
import { testDatabase } from '../testing/pgTest.ts';
import { waitFor } from '../testing/wait.ts';
import { LeaseKeeper, OwnedElsewhere } from './LeaseKeeper.ts';

const TTL = 600;
const log = pino({ level: 'silent' });

describe('lease keeper', () => {
  let pool: pg.Pool;
  const keepers: LeaseKeeper[] = [];
  const lost: Record<string, string[]> = {};
  const keeper = (id: string) => {
    lost[id] = [];
    const k = new LeaseKeeper({
      leases: new PgLeases(pool),
      node: { id, address: `127.0.0.1:${9000 + keepers.length}` },
      ttlMs: TTL,
      log,
      onLost: (m) => lost[id]!.push(m),
    });
    keepers.push(k);
    return k;
  };
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('keeper') });
    await pool.query(LEASES_DDL);
  });
  afterEach(() => {
    for (const k of keepers.splice(0)) k.stop();
  });
  afterAll(() => pool.end());

  it('[N30] an owner that cannot renew stops serving before another node can take the meeting', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.claim('m1');
    expect(a.serving('m1')).toBe(true);
    await expect(b.claim('m1')).rejects.toBeInstanceOf(OwnedElsewhere);
    // a renews nothing (its timers never run): b keeps asking until the database says the lease expired
    let servingWhenTaken: boolean | null = null;
    await waitFor(
      async () => {
        if (!(await b.take('m1')).held) return false;
        servingWhenTaken = a.serving('m1');
        return true;
      },
      { timeoutMs: 5000, intervalMs: 20 },
    );
    expect(servingWhenTaken).toBe(false);
    expect(b.epochOf('m1')).toBe(2);
  });

  it('[N31] renewals every third of the TTL keep the lease for as long as the node runs', async () => {
    const a = keeper('a');
    const b = keeper('b');
    a.start();
    await a.claim('m2');
    const until = performance.now() + 3 * TTL;
    // b asks over three TTLs: the lease never frees, a keeps serving
    await waitFor(
      async () => {
        expect((await b.take('m2')).held).toBe(false);
        expect(a.serving('m2')).toBe(true);
        return performance.now() > until;
      },
      { timeoutMs: 10 * TTL, intervalMs: 20 },
    );
    expect(lost.a).toEqual([]);
  });

  it('[N32] a node whose lease was taken over learns it at its next renewal and lets the meeting go', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.claim('m3');
    await waitFor(async () => (await b.take('m3')).held, { timeoutMs: 5000, intervalMs: 20 });
    a.start();
    await waitFor(() => lost.a!.includes('m3'), { timeoutMs: 5000 });
    expect(a.epochOf('m3')).toBeUndefined();
    expect(a.serving('m3')).toBe(false);
    expect(b.serving('m3')).toBe(true);
  });

  it('[N33] a released lease is taken by another node at once, at a new epoch', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.claim('m4');
    await a.release('m4');
    expect(a.serving('m4')).toBe(false);
    expect(await b.take('m4')).toEqual({ held: true, epoch: 2 });
    expect(lost.a).toEqual([]);
  });

  it('[N33] many connections claiming one meeting at once take its lease once', async () => {
    const a = keeper('a');
    await Promise.all(Array.from({ length: 10 }, () => a.claim('m5')));
    expect(a.epochOf('m5')).toBe(1);
  });
});
