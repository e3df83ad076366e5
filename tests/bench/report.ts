// Turns the metrics of every server into one table per scenario (with ours/peer
// ratios), checks the targets of the benchmark issue, and renders Markdown.
import type { Metric } from './load/drive.ts';
import type { LoadReply } from './load/main.ts';
import type { PeerSpec } from './servers/index.ts';
import type { ScenarioSpec } from './scenarios/index.ts';
import { FAILOVER_TTL_MS, KEYS } from './scenarios/cluster.ts';

export type Results = Map<string, Map<string, LoadReply>>; // scenario id → server kind → reply

const fmt = (v: number): string => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(v));

function cell(m: Metric | undefined, reply: LoadReply | undefined): string {
  if (reply === undefined) return 'not run';
  if (!reply.ok) return 'failed (see notes)';
  if (m === undefined) {
    return reply.metrics.some((x) => x.key === '*') ? 'n/a (see notes)' : '—';
  }
  if (m.value === null) return m.note && m.note.length <= 40 ? `n/a: ${m.note}` : 'n/a (see notes)';
  return m.bound === 'lower' ? `≥ ${fmt(m.value)}` : fmt(m.value);
}

function ratio(ours: Metric | undefined, peer: Metric | undefined): string {
  if (ours?.value == null || peer?.value == null || peer.value === 0) return '';
  return `${(ours.value / peer.value).toFixed(2)}×`;
}

export function scenarioTable(spec: ScenarioSpec, peers: PeerSpec[], results: Results): string {
  const byKind = results.get(spec.id) ?? new Map<string, LoadReply>();
  const keys: string[] = [];
  const find = (kind: string, key: string): Metric | undefined => {
    const r = byKind.get(kind);
    return r?.ok ? r.metrics.find((m) => m.key === key) : undefined;
  };
  for (const p of peers) {
    const r = byKind.get(p.kind);
    if (r?.ok) for (const m of r.metrics) if (m.key !== '*' && !keys.includes(m.key)) keys.push(m.key);
  }
  const others = peers.filter((p) => p.kind !== 'ours');
  const withOurs = peers.some((p) => p.kind === 'ours');
  const head = ['figure', ...peers.map((p) => p.label), ...(withOurs ? others.map((p) => `ours/${p.short}`) : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const key of keys) {
    const better = peers.map((p) => find(p.kind, key)?.better).find((b) => b !== undefined);
    const label = better === 'lower' ? `${key} ↓` : better === 'higher' ? `${key} ↑` : key;
    const row = [label, ...peers.map((p) => cell(find(p.kind, key), byKind.get(p.kind)))];
    if (withOurs) row.push(...others.map((p) => ratio(find('ours', key), find(p.kind, key))));
    lines.push(`| ${row.join(' | ')} |`);
  }
  const notes: string[] = [];
  for (const p of peers) {
    const r = byKind.get(p.kind);
    if (r === undefined) continue;
    if (!r.ok) {
      notes.push(`- ${p.label}: the run failed: ${r.error.split('\n')[0]}`);
      continue;
    }
    const all = r.metrics.find((x) => x.key === '*');
    if (all) notes.push(`- ${p.label}: n/a, ${all.note}`);
    for (const m of r.metrics)
      if (m.key !== '*' && m.note && (m.value !== null || m.note.length > 40)) notes.push(`- ${p.label}, ${m.key}: ${m.note}`);
    if (r.unexpectedCloses > 0) notes.push(`- ${p.label}: ${r.unexpectedCloses} sockets closed by the server during the run`);
  }
  return [`### ${spec.title}`, '', ...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

type Get = (scenario: string, kind: string, key: string) => Metric | undefined;
interface Outcome {
  measured: string;
  met: boolean | null;
}
interface Target {
  what: string;
  check: (get: Get) => Outcome;
}

const num = (v: number | null | undefined): string => (v == null ? 'not measured' : fmt(v));
const shown = (m: Metric | undefined): string => (m?.value == null ? 'not measured' : `${m.bound === 'lower' ? '≥ ' : ''}${fmt(m.value)}`);

/** A figure at or under its limit is met; every window is judged on its own figures, for every server alike. */
function latency(m: Metric | undefined, limit: number): boolean | null {
  if (m?.value == null) return null;
  return m.value <= limit;
}

function both(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

/** ours/peer ≥ or ≤ a ratio, with lower bounds (a ramp stopped by the load generator) taken into account. */
function ratioTarget(get: Get, s: string, peer: string, key: string, want: { atLeast?: number; atMost?: number }): Outcome {
  const ours = get(s, 'ours', key);
  const theirs = get(s, peer, key);
  if (ours?.value == null || theirs?.value == null || theirs.value === 0)
    return { measured: `ours ${shown(ours)}, peer ${shown(theirs)}`, met: null };
  const r = ours.value / theirs.value;
  const measured = `${r.toFixed(2)}× (ours ${shown(ours)}, peer ${shown(theirs)})`;
  const oursLow = ours.bound === 'lower';
  const theirsLow = theirs.bound === 'lower';
  if (want.atLeast !== undefined) {
    // the true ratio is ≥ r when only ours is a lower bound, ≤ r when only theirs is
    if (r >= want.atLeast) return { measured, met: theirsLow ? null : true };
    return { measured, met: oursLow ? null : false };
  }
  if (r <= want.atMost!) return { measured, met: oursLow ? null : true };
  return { measured, met: theirsLow ? null : false };
}

const CEILING_KEY = 'rate held, p99 ≤ 50 ms and 0 drops (updates/s)';
const seen = (part: string): string => [...keysSeen].find((k) => k.includes(part)) ?? '';

export const TARGETS: Target[] = [
  {
    what: 'server CPU per delivered update at 1,600/s ≤ 0.6× Hocuspocus',
    check: (g) => ratioTarget(g, 'ceiling', 'hocuspocus', 'server CPU per delivered update at 1,600/s (µs)', { atMost: 0.6 }),
  },
  {
    what: 'server CPU per delivered update at 6,400/s ≤ 0.6× Hocuspocus',
    check: (g) => ratioTarget(g, 'ceiling', 'hocuspocus', 'server CPU per delivered update at 6,400/s (µs)', { atMost: 0.6 }),
  },
  {
    what: 'V8 heap per meeting ≤ 0.5× Hocuspocus',
    check: (g) => ratioTarget(g, 'rooms', 'hocuspocus', seen('V8 heap per room'), { atMost: 0.5 }),
  },
  {
    what: 'RSS per meeting ≤ 0.5× Hocuspocus',
    check: (g) => ratioTarget(g, 'rooms', 'hocuspocus', seen('RSS per room, quiet'), { atMost: 0.5 }),
  },
  {
    what: 'base RSS ≤ Hocuspocus',
    check: (g) => ratioTarget(g, 'rooms', 'hocuspocus', 'base RSS of the fresh server, after GC (MB)', { atMost: 1 }),
  },
  {
    what: 'connect and sync 200 clients to one meeting ≤ Hocuspocus',
    check: (g) => ratioTarget(g, 'join', 'hocuspocus', 'connect and sync 200 clients to one meeting (ms)', { atMost: 1 }),
  },
  { what: 'ceiling ≥ 1.5× Hocuspocus', check: (g) => ratioTarget(g, 'ceiling', 'hocuspocus', CEILING_KEY, { atLeast: 1.5 }) },
  {
    what: 'fan-out, 200 clients: p99 ≤ 25 ms, 0 drops',
    check: (g) => {
      const p99 = g('fanout', 'ours', '200 clients · p99 latency (ms)');
      const drops = g('fanout', 'ours', '200 clients · drops');
      const met = both(latency(p99, 25), drops?.value == null ? null : drops.value === 0);
      return { measured: `p99 ${num(p99?.value)} ms, ${num(drops?.value)} drops`, met };
    },
  },
  {
    what: 'join of a 1 MB document: p99 ≤ 100 ms (unchanged, changed since the last join, in a burst of 50)',
    check: (g) => {
      const one = g('join', 'ours', '1 MB · join p99 (ms)');
      const changed = g('join', 'ours', '1 MB · changed since the last join · join p99 (ms)');
      const burst = g('join', 'ours', '50 joins of 1 MB in 1 s · join p99 (ms)');
      const met = both(both(latency(one, 100), latency(changed, 100)), latency(burst, 100));
      return { measured: `${num(one?.value)} ms unchanged, ${num(changed?.value)} ms changed, ${num(burst?.value)} ms in the burst`, met };
    },
  },
  {
    what: 'no stall over 50 ms in another room during the 50 joins',
    check: (g) => {
      const v = g('join', 'ours', 'other room meanwhile · worst stall = max latency (ms)');
      return { measured: `${num(v?.value)} ms`, met: latency(v, 50) };
    },
  },
  {
    what: 'awareness frames out grow linearly (exponent ≤ 1.2)',
    check: (g) => {
      const v = g('awareness', 'ours', seen('growth exponent'));
      return { measured: num(v?.value), met: v?.value == null ? null : v.value <= 1.2 };
    },
  },
  {
    what: 'crash-durable ack p99 ≤ 10 ms at 500 updates/s',
    check: (g) => {
      const v = g('durability', 'ours', 'crash-durable (SQLITE_SYNCHRONOUS=normal) · durable ack at 500 updates/s · p99 (ms)');
      return { measured: `${num(v?.value)} ms`, met: latency(v, 10) };
    },
  },
  {
    what: 'several nodes: fan-out p99 through a forwarding node ≤ on the owner + 2 ms',
    check: (g) => {
      const v = g('cluster', 'ours', KEYS.extraP99);
      return { measured: v?.value == null ? 'not measured' : `${v.value >= 0 ? '+' : ''}${fmt(v.value)} ms`, met: latency(v, 2) };
    },
  },
  {
    what: `several nodes: failover p99 ≤ TTL + 1 s (LEASE_TTL_MS = ${FAILOVER_TTL_MS})`,
    check: (g) => {
      const v = g('cluster', 'ours', KEYS.failoverP99);
      return { measured: `${num(v?.value)} ms`, met: latency(v, FAILOVER_TTL_MS + 1000) };
    },
  },
];

const keysSeen = new Set<string>();

export function targetTable(results: Results): string {
  keysSeen.clear();
  const get: Get = (s, kind, key) => {
    const r = results.get(s)?.get(kind);
    return r?.ok ? r.metrics.find((m) => m.key === key) : undefined;
  };
  for (const byKind of results.values()) for (const r of byKind.values()) if (r.ok) for (const m of r.metrics) keysSeen.add(m.key);
  const lines = ['| target | measured | met |', '| --- | --- | --- |'];
  for (const t of TARGETS) {
    const { measured, met } = t.check(get);
    lines.push(`| ${t.what} | ${measured} | ${met === null ? 'not established' : met ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}
