// Leases on PostgreSQL: one row per meeting, every time taken from the
// database's clock (`now()`), never from a node's.
import type pg from 'pg';
import type { LeaseAnswer, LeaseHolder, LeaseStore, NodeInfo } from '../Leases.ts';

/** Part of the schema (migration 1): the lease of each meeting ever loaded. */
export const LEASES_DDL = `
CREATE TABLE IF NOT EXISTS leases (
  meeting_id text PRIMARY KEY,
  owner text NOT NULL,
  address text NOT NULL,
  epoch bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS leases_by_owner ON leases(owner);
`;

// A take bumps the epoch, whoever held the lease before (the same node included).
const ACQUIRE = `
INSERT INTO leases (meeting_id, owner, address, epoch, expires_at)
VALUES ($1, $2, $3, 1, now() + make_interval(secs => $4::double precision / 1000))
ON CONFLICT (meeting_id) DO UPDATE
  SET owner = excluded.owner, address = excluded.address, epoch = leases.epoch + 1, expires_at = excluded.expires_at
  WHERE leases.expires_at <= now() OR leases.owner = excluded.owner
RETURNING epoch`;

const HOLDER = `
SELECT owner, address, epoch,
  GREATEST(0, EXTRACT(EPOCH FROM (expires_at - now())) * 1000)::double precision AS expires_in_ms
FROM leases WHERE meeting_id = $1`;

const RENEW = `
UPDATE leases SET expires_at = now() + make_interval(secs => $4::double precision / 1000)
FROM unnest($2::text[], $3::bigint[]) AS held(meeting_id, epoch)
WHERE leases.owner = $1 AND leases.meeting_id = held.meeting_id AND leases.epoch = held.epoch
RETURNING leases.meeting_id`;

const RELEASE = 'UPDATE leases SET expires_at = now() WHERE meeting_id = $1 AND owner = $2 AND epoch = $3';

interface HolderRow {
  owner: string;
  address: string;
  epoch: string;
  expires_in_ms: number;
}

const toHolder = (r: HolderRow): LeaseHolder => ({
  owner: r.owner,
  address: r.address,
  epoch: Number(r.epoch),
  expiresInMs: Math.ceil(r.expires_in_ms),
});

export class PgLeases implements LeaseStore {
  constructor(private readonly pool: pg.Pool) {}

  async acquire(meetingId: string, node: NodeInfo, ttlMs: number): Promise<LeaseAnswer> {
    for (;;) {
      const taken = await this.pool.query<{ epoch: string }>(ACQUIRE, [meetingId, node.id, node.address, ttlMs]);
      if (taken.rows[0]) return { held: true, epoch: Number(taken.rows[0].epoch) };
      const holder = await this.holder(meetingId);
      // expired between the two statements: take it
      if (holder && holder.expiresInMs > 0) return { held: false, ...holder };
    }
  }

  async renew(nodeId: string, held: ReadonlyArray<{ meetingId: string; epoch: number }>, ttlMs: number): Promise<Set<string>> {
    if (held.length === 0) return new Set();
    const r = await this.pool.query<{ meeting_id: string }>(RENEW, [nodeId, held.map((h) => h.meetingId), held.map((h) => h.epoch), ttlMs]);
    return new Set(r.rows.map((row) => row.meeting_id));
  }

  async release(meetingId: string, nodeId: string, epoch: number): Promise<void> {
    await this.pool.query(RELEASE, [meetingId, nodeId, epoch]);
  }

  async holder(meetingId: string): Promise<LeaseHolder | null> {
    const r = await this.pool.query<HolderRow>(HOLDER, [meetingId]);
    return r.rows[0] ? toHolder(r.rows[0]) : null;
  }
}
