// The fence of a PostgreSQL write (docs/storage.md): inside the write's transaction,
// the lease rows of every meeting it touches are locked FOR SHARE (a takeover, which
// updates the row, waits for the write to commit) and must name this node at the
// epoch it took. Otherwise the write stores nothing and throws FencedOut.
import type pg from 'pg';
import { type Fence, FencedOut } from '../Leases.ts';
import { num } from './transaction.ts';

/**
 * Without a fence answers epoch 0 for every meeting; else locks the meetings' lease rows to the end of
 * the transaction, throws FencedOut for those not held, and answers the epoch each is held at.
 */
export async function checkFence(
  c: pg.PoolClient,
  fence: Fence | undefined,
  meetingIds: readonly string[],
): Promise<(meetingId: string) => number> {
  if (!fence) return () => 0;
  // read once: the epochs checked are the epochs the rows carry, whatever the node learns meanwhile
  const epochs = new Map(meetingIds.map((id) => [id, fence.epochOf(id)] as const));
  if (meetingIds.length === 0) return () => 0;
  const r = await c.query<{ meeting_id: string; owner: string; epoch: string }>(
    'SELECT meeting_id, owner, epoch FROM leases WHERE meeting_id = ANY($1) ORDER BY meeting_id FOR SHARE',
    [meetingIds],
  );
  const held = new Map(r.rows.map((row) => [row.meeting_id, row] as const));
  const failing = meetingIds.filter((id) => {
    const row = held.get(id);
    const epoch = epochs.get(id);
    return !row || epoch === undefined || row.owner !== fence.nodeId || num(row.epoch) !== epoch;
  });
  if (failing.length > 0) throw new FencedOut(failing);
  return (id) => epochs.get(id)!;
}
