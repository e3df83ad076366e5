import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleChangePart } from '@consent/shared';
import { testDatabase } from '../testing/pgTest.ts';
import { waitFor } from '../testing/wait.ts';
import { ClusterCircleEvents } from './ClusterCircleEvents.ts';

const log = pino({ level: 'silent' });

describe('circle events across nodes', () => {
  let pool: pg.Pool;
  let a: ClusterCircleEvents;
  let b: ClusterCircleEvents;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('circle_events') });
    a = new ClusterCircleEvents(pool, () => 'node-a', log);
    b = new ClusterCircleEvents(pool, () => 'node-b', log);
    await Promise.all([a.listen(), b.listen()]);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await pool.end();
  });

  const watcher = (events: ClusterCircleEvents, circleId: string, personId: string) => {
    const seen: CircleChangePart[][] = [];
    const ended: string[] = [];
    const w = events.watch(circleId, personId, '127.0.0.1', { changed: (p) => seen.push(p), end: (r) => ended.push(r) });
    return { seen, ended, w };
  };

  it('[N36] a write on one node reaches the live pages held by another, once on each', async () => {
    const onA = watcher(a, 'c1', 'p1');
    const onB = watcher(b, 'c1', 'p2');
    const otherCircle = watcher(b, 'c2', 'p3');
    a.changed('c1', 'register', 'backlog');
    await waitFor(() => onB.seen.length > 0, { what: 'the other node' });
    expect(onB.seen).toEqual([['register', 'backlog']]);
    expect(onA.seen).toEqual([['register', 'backlog']]);
    // a's own notification comes back to a too: it is not delivered twice
    b.changed('c1', 'members');
    await waitFor(() => onA.seen.length === 2, { what: 'the change back on a' });
    await waitFor(() => onB.seen.length === 2);
    expect(onA.seen).toEqual(onB.seen);
    expect(otherCircle.seen).toEqual([]);
  });

  it('[N36] a removal on one node ends the member’s streams on another, with the reason', async () => {
    const onB = watcher(b, 'c3', 'p4');
    const colleague = watcher(b, 'c3', 'p5');
    a.endMember('c3', 'p4', 'You were removed from this circle.');
    await waitFor(() => onB.ended.length > 0);
    expect(onB.ended).toEqual(['You were removed from this circle.']);
    expect(colleague.ended).toEqual([]);
  });

  it('[N36] a notification that is not ours, or not valid, changes nothing', async () => {
    const onB = watcher(b, 'c4', 'p6');
    await pool.query("SELECT pg_notify('consent_circle_events', $1)", ['{"kind":"changed","from":"x","circleId":"c4","parts":["nope"]}']);
    await pool.query("SELECT pg_notify('consent_circle_events', 'not json')");
    a.changed('c4', 'roles');
    await waitFor(() => onB.seen.length > 0);
    expect(onB.seen).toEqual([['roles']]);
  });

  it('[N36] a listening connection the database drops is opened again, and writes reach the other node again', async () => {
    const onB = watcher(b, 'c5', 'p7');
    const killed = await pool.query<{ ok: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    expect(killed.rows.length).toBe(2);
    // a write while b listens again may be missed: the next ones arrive
    await waitFor(
      () => {
        a.changed('c5', 'actions');
        return onB.seen.length > 0;
      },
      { timeoutMs: 10_000, intervalMs: 200, what: 'a change on the other node after it listened again' },
    );
    expect(onB.seen[0]).toEqual(['actions']);
  });
});
