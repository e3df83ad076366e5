import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/pgTest.ts';
import { LEASES_DDL, PgLeases } from './PgLeases.ts';

const a = { id: 'node-a', address: '127.0.0.1:1001' };
const b = { id: 'node-b', address: '127.0.0.1:1002' };

describe('PostgreSQL leases', () => {
  let pool: pg.Pool;
  let leases: PgLeases;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('leases') });
    await pool.query(LEASES_DDL);
    leases = new PgLeases(pool);
  });
  afterAll(() => pool.end());

  it('[N1] the first node takes a free lease at epoch 1; another node is told who holds it', async () => {
    expect(await leases.acquire('m1', a, 60_000)).toEqual({ held: true, epoch: 1 });
    const other = await leases.acquire('m1', b, 60_000);
    expect(other).toMatchObject({ held: false, owner: 'node-a', address: a.address, epoch: 1 });
    expect(other.held === false && other.expiresInMs).toBeGreaterThan(50_000);
  });

  it('[N2] a lease expires by the database clock and a takeover bumps the epoch', async () => {
    expect(await leases.acquire('m2', a, 150)).toEqual({ held: true, epoch: 1 });
    // the database's own clock passes the expiry (no sleep in the test process)
    await pool.query('SELECT pg_sleep(0.2)');
    expect(await leases.acquire('m2', b, 60_000)).toEqual({ held: true, epoch: 2 });
    // the old owner's renewal at its epoch keeps nothing
    expect(await leases.renew('node-a', [{ meetingId: 'm2', epoch: 1 }], 60_000)).toEqual(new Set());
    expect(await leases.renew('node-b', [{ meetingId: 'm2', epoch: 2 }], 60_000)).toEqual(new Set(['m2']));
  });

  it('[N3] renewal extends only the leases held at their epoch', async () => {
    await leases.acquire('m3', a, 100);
    await leases.acquire('m4', a, 100);
    const kept = await leases.renew(
      'node-a',
      [
        { meetingId: 'm3', epoch: 1 },
        { meetingId: 'm4', epoch: 7 },
      ],
      60_000,
    );
    expect(kept).toEqual(new Set(['m3']));
    expect((await leases.holder('m3'))!.expiresInMs).toBeGreaterThan(50_000);
  });

  it('[N4] a released lease is free at once; a retake by the same node is a new epoch', async () => {
    await leases.acquire('m5', a, 60_000);
    await leases.release('m5', 'node-a', 1);
    expect((await leases.holder('m5'))!.expiresInMs).toBe(0);
    expect(await leases.acquire('m5', a, 60_000)).toEqual({ held: true, epoch: 2 });
    // a release at an old epoch lets nothing go
    await leases.release('m5', 'node-a', 1);
    expect((await leases.holder('m5'))!.expiresInMs).toBeGreaterThan(50_000);
  });

  it('[N5] of many nodes taking one free lease at once, exactly one holds it', async () => {
    const nodes = Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, address: `127.0.0.1:${2000 + i}` }));
    const answers = await Promise.all(nodes.map((n) => leases.acquire('m6', n, 60_000)));
    expect(answers.filter((x) => x.held)).toHaveLength(1);
    const owner = (await leases.holder('m6'))!.owner;
    expect(answers.map((x) => x.held)).toEqual(nodes.map((n) => n.id === owner));
  });
});
