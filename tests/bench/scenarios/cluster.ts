// Several nodes (ours only: the peers have no cluster mode), on a throwaway
// PostgreSQL the load generator starts, beside the single node the runner
// started (SQLite) and a single node on PostgreSQL:
//   fan-out to a client on the owner and to one through a forwarding node;
//   the rate one meeting holds with every client on a forwarding node;
//   meetings held at p99 ≤ 50 ms, 1 node and 3 nodes;
//   failover: the owner killed, time to the writer's first acknowledged write.
import { drain, round, sleep, type, type Metric } from '../load/drive.ts';
import { openRoom, type Target } from '../load/room.ts';
import { LatencyTracker, summarize } from '../load/tracker.ts';
import { Cluster, stopPostgres } from '../cluster/nodes.ts';
import type { Context } from './context.ts';
import { meetingsHeld, rampMetrics, rateCeiling } from './clusterRamp.ts';
import { oneFailover } from './failover.ts';
import { QUICK_STEPS, STEPS } from './ceiling.ts';
import { MEETING_STEPS, QUICK_MEETING_STEPS } from './clusterRamp.ts';

export const COLUMNS = { sqlite: '1 node, SQLite', pg: '1 node, PostgreSQL', three: '3 nodes, PostgreSQL' };
export const FAILOVER_TTL_MS = 2000;
export const KEYS = {
  ownerP99: 'fan-out · client on the owner · p99 (ms)',
  forwardedP99: 'fan-out · client through a forwarding node · p99 (ms)',
  extraP99: 'fan-out · p99 through a forwarding node minus on the owner (ms)',
  meetings: 'meetings held at p99 ≤ 50 ms (meetings)',
  meetingsRatio: 'meetings held, 3 nodes / 1 node (×)',
  failoverP99: 'failover · kill → first acknowledged write · p99 (ms)',
  ttl: 'failover · LEASE_TTL_MS used (ms)',
};
const RECEIVERS = 5;
const RATE = 50;

/** Registers every send with each receiver's own tracker: latencies per receiver, not per room. */
class Fan extends LatencyTracker {
  constructor(readonly each: LatencyTracker[]) {
    super();
  }
  override onSend(client: number, clock: number, at: number, _receivers: number): void {
    for (const t of this.each) t.onSend(client, clock, at, 1);
  }
}

/** One writer on `owner` at 50 keystrokes/s; 5 receivers on the owner, 5 on `other` (the same node for a single node). */
async function fanout(owner: Target, other: Target, quick: boolean): Promise<{ near: number[]; far: number[]; drops: number }> {
  const trackers = Array.from({ length: 2 * RECEIVERS }, () => new LatencyTracker());
  const room = await openRoom(owner, {
    clients: 1 + 2 * RECEIVERS,
    typists: 1,
    wsFor: (i) => (i <= RECEIVERS ? owner.ws : other.ws),
    trackerFor: (i) => (i === 0 ? new LatencyTracker() : trackers[i - 1]!),
  });
  const writer = room.members.filter((m) => m.typist !== null);
  await type(writer, RATE, quick ? 200 : 1000, null, 1);
  await sleep(100);
  for (const t of trackers) t.recording = true;
  await type(writer, RATE, quick ? 1500 : 10_000, new Fan(trackers), 1);
  for (const t of trackers) t.recording = false;
  await Promise.all(trackers.map((t) => drain(t, 2000)));
  const done = trackers.map((t) => t.finish());
  await room.close();
  return {
    near: done.slice(0, RECEIVERS).flatMap((r) => r.latencies),
    far: done.slice(RECEIVERS).flatMap((r) => r.latencies),
    drops: done.reduce((a, r) => a + r.drops, 0),
  };
}

const ms = (v: number): number | null => (Number.isFinite(v) ? round(v, 2) : null);

function fanoutMetrics(column: string, near: number[], far: number[] | null, drops: number): Metric[] {
  const a = summarize(far === null ? near : near.concat(far));
  const owner = summarize(near);
  const out: Metric[] = [
    { key: 'fan-out · client on the owner · p50 (ms)', column, value: ms(far === null ? a.p50 : owner.p50), better: 'lower' },
    { key: KEYS.ownerP99, column, value: ms(far === null ? a.p99 : owner.p99), better: 'lower' },
  ];
  if (far !== null) {
    const f = summarize(far);
    out.push(
      { key: 'fan-out · client through a forwarding node · p50 (ms)', column, value: ms(f.p50), better: 'lower' },
      { key: KEYS.forwardedP99, column, value: ms(f.p99), better: 'lower' },
      { key: 'fan-out · p50 through a forwarding node minus on the owner (ms)', column, value: ms(f.p50 - owner.p50), better: 'lower' },
      { key: KEYS.extraP99, column, value: ms(f.p99 - owner.p99), better: 'lower' },
    );
  }
  out.push({ key: 'fan-out · drops', column, value: drops, better: 'lower' });
  return out;
}

/** 3 nodes / 1 node: a ratio only where the 1-node figure is the server's limit, not a lower bound. */
function meetingsRatio(out: Metric[]): Metric {
  const one = out.find((m) => m.key === KEYS.meetings && m.column === COLUMNS.pg);
  const three = out.find((m) => m.key === KEYS.meetings && m.column === COLUMNS.three);
  const base = { key: KEYS.meetingsRatio, column: COLUMNS.three, better: 'higher' as const };
  if (!one?.value || !three?.value) return { ...base, value: null, note: 'a side held no step' };
  if (one.bound === 'lower') return { ...base, value: null, note: 'the 1-node figure is a lower bound' };
  return { ...base, value: round(three.value / one.value, 2), bound: three.bound };
}

export async function cluster(ctx: Context): Promise<Metric[]> {
  const { quick } = ctx;
  const out: Metric[] = [];
  const log = (what: string) => console.log(`    cluster: ${what}`);
  const ceilingKey = 'one meeting of 50, all typing · rate held, p99 ≤ 50 ms, 0 drops (updates/s)';
  const ceilingTop = (quick ? QUICK_STEPS : STEPS).at(-1)!;
  const meetingsTop = (quick ? QUICK_MEETING_STEPS : MEETING_STEPS).at(-1)!;
  try {
    // the single node the runner started: SQLite, as `npm start` runs it
    log('1 node, SQLite');
    const s = await fanout(ctx.target, ctx.target, quick);
    out.push(...fanoutMetrics(COLUMNS.sqlite, s.near.concat(s.far), null, s.drops));
    out.push(...rampMetrics(await rateCeiling(ctx.target, [ctx.pid], quick), ceilingKey, COLUMNS.sqlite, 'updates/s', ceilingTop));

    log('1 node, PostgreSQL');
    const one = await Cluster.start('bench_one', 1);
    try {
      const n = one.nodes[0]!;
      const p = await fanout(n.target, n.target, quick);
      out.push(...fanoutMetrics(COLUMNS.pg, p.near.concat(p.far), null, p.drops));
      out.push(...rampMetrics(await rateCeiling(n.target, [n.server.pid], quick), ceilingKey, COLUMNS.pg, 'updates/s', ceilingTop));
      out.push(...rampMetrics(await meetingsHeld([n.target], [n.server.pid], quick), KEYS.meetings, COLUMNS.pg, 'meetings', meetingsTop));
    } finally {
      await one.stop();
    }

    log('3 nodes, PostgreSQL');
    const three = await Cluster.start('bench_three', 3);
    try {
      const [a, b] = three.nodes as [(typeof three.nodes)[0], (typeof three.nodes)[0]];
      const f = await fanout(a.target, b.target, quick);
      out.push(...fanoutMetrics(COLUMNS.three, f.near, f.far, f.drops));
      // every client of the meeting on a node that does not own it
      const through = await rateCeiling(
        a.target,
        three.nodes.map((x) => x.server.pid),
        quick,
        () => b.target.ws,
      );
      out.push(...rampMetrics(through, ceilingKey, COLUMNS.three, 'updates/s', ceilingTop));
      const held = await meetingsHeld(
        three.nodes.map((x) => x.target),
        three.nodes.map((x) => x.server.pid),
        quick,
      );
      out.push(...rampMetrics(held, KEYS.meetings, COLUMNS.three, 'meetings', meetingsTop));
    } finally {
      await three.stop();
    }
    out.push(meetingsRatio(out));

    log(`failover, LEASE_TTL_MS=${FAILOVER_TTL_MS}`);
    const fo = await Cluster.start('bench_failover', 3, FAILOVER_TTL_MS);
    try {
      const times: number[] = [];
      for (let i = 0; i < (quick ? 3 : 20); i++) times.push((await oneFailover(fo, i)).ms);
      const sum = summarize(times);
      out.push(
        { key: 'failover · kill → first acknowledged write · p50 (ms)', column: COLUMNS.three, value: round(sum.p50, 0), better: 'lower' },
        { key: KEYS.failoverP99, column: COLUMNS.three, value: round(sum.p99, 0), better: 'lower' },
        { key: 'failover · slowest (ms)', column: COLUMNS.three, value: round(sum.max, 0), better: 'lower' },
        { key: 'failover · failovers timed', column: COLUMNS.three, value: times.length },
        { key: KEYS.ttl, column: COLUMNS.three, value: FAILOVER_TTL_MS },
      );
    } finally {
      await fo.stop();
    }
  } finally {
    stopPostgres();
  }
  return out;
}
