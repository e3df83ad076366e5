// Scenario 6, durability (ours only): 500 updates/s from 5 typists with
// ?ack=1; time from sending an update to the server's ack that it is on disk.
// Run twice: SQLITE_SYNCHRONOUS=normal (the default: the write survives the
// process crashing) and =full (an fsync per write batch: it survives a power loss).
import { measureTyping, round, type Metric } from '../load/drive.ts';
import { openRoom, waitFor } from '../load/room.ts';
import { LatencyTracker, summarize } from '../load/tracker.ts';
import type { Context } from './context.ts';
import type { ServerKind } from '../load/client.ts';

export const durableNote = (kind: ServerKind): string =>
  kind === 'hocuspocus'
    ? 'no durable ack: its per-update SyncStatus goes out before the debounced (2–10 s) store'
    : kind === 'yws'
      ? 'keeps nothing on disk'
      : 'keeps nothing';

export async function durability(ctx: Context): Promise<Metric[]> {
  if (ctx.target.kind !== 'ours') return [{ key: '*', value: null, note: durableNote(ctx.target.kind) }];
  const tracker = new LatencyTracker();
  const room = await openRoom(ctx.target, { clients: 6, typists: 5, tracker, ack: true });
  const typists = room.members.filter((m) => m.typist !== null);
  // the paragraph set-up updates are acked too; start counting once they are
  await waitFor(() => typists.every((m) => m.client.ackQueue.length === 0), 10_000, 'set-up acks');
  for (const m of typists) m.client.ackLatencies = [];
  const w = await measureTyping(room, tracker, ctx.pid, { rate: 500, ms: ctx.quick ? 1500 : 10_000, drainMs: 3000, warmupMs: 300 });
  const acks = typists.flatMap((m) => m.client.ackLatencies);
  const unacked = typists.reduce((sum, m) => sum + m.client.ackQueue.length, 0);
  const a = summarize(acks);
  await room.close();
  const label = ctx.variant ?? 'crash-durable (SQLITE_SYNCHRONOUS=normal)';
  return [
    { key: `${label} · durable ack at 500 updates/s · p50 (ms)`, value: round(a.p50, 2), better: 'lower' },
    { key: `${label} · durable ack at 500 updates/s · p99 (ms)`, value: round(a.p99, 2), better: 'lower' },
    { key: `${label} · durable ack at 500 updates/s · max (ms)`, value: round(a.max, 2), better: 'lower' },
    { key: `${label} · updates acked / never acked`, value: acks.length, note: `${unacked} never acked` },
    { key: `${label} · send → received-by-all p99 meanwhile (ms)`, value: round(w.latency.p99, 2), better: 'lower' },
    { key: `${label} · drops`, value: w.drops, better: 'lower' },
    { key: `${label} · load generator stall, max (ms)`, value: round(w.loadStallMs, 0) },
    { key: `${label} · server waited for its core (ms)`, value: w.serverWaitMs },
    { key: `${label} · server CPU (% of a core)`, value: round(w.serverCpu, 1), better: 'lower' },
  ];
}

/** The two settings the durability scenario runs ours with, labelled by what a written update survives. */
export const DURABILITY_VARIANTS = [
  { label: 'crash-durable (SQLITE_SYNCHRONOUS=normal)', env: { SQLITE_SYNCHRONOUS: 'normal' } },
  { label: 'power-loss-durable (SQLITE_SYNCHRONOUS=full)', env: { SQLITE_SYNCHRONOUS: 'full' } },
];
