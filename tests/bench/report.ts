// Turns the metrics of every server into one table per scenario (with ours/peer
// ratios), checks the targets of the benchmark issue, and renders Markdown.
import type { Metric } from './load/drive.ts';
import type { LoadReply } from './load/main.ts';
import type { PeerSpec } from './servers/index.ts';
import type { ScenarioSpec } from './scenarios/index.ts';

export type Results = Map<string, Map<string, LoadReply>>; // scenario id → server kind → reply

const fmt = (v: number): string => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(v));

function cell(m: Metric | undefined, reply: LoadReply | undefined): string {
  if (reply === undefined) return 'not run';
  if (!reply.ok) return 'failed (see notes)';
  if (m === undefined) {
    return reply.metrics.some((x) => x.key === '*') ? 'n/a (see notes)' : '—';
  }
  if (m.value === null) return m.note && m.note.length <= 40 ? `n/a: ${m.note}` : 'n/a (see notes)';
  return fmt(m.value);
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
    if (!r.ok) { notes.push(`- ${p.label}: the run failed: ${r.error.split('\n')[0]}`); continue; }
    const all = r.metrics.find((x) => x.key === '*');
    if (all) notes.push(`- ${p.label}: n/a, ${all.note}`);
    for (const m of r.metrics) if (m.key !== '*' && m.note && (m.value !== null || m.note.length > 40)) notes.push(`- ${p.label}, ${m.key}: ${m.note}`);
    if (r.unexpectedCloses > 0) notes.push(`- ${p.label}: ${r.unexpectedCloses} sockets closed by the server during the run`);
  }
  return [`### ${spec.title}`, '', ...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

interface Target { what: string; check: (get: (s: string, kind: string, key: string) => number | null) => { measured: string; met: boolean | null } }

const num = (v: number | null): string => (v === null ? 'not measured' : fmt(v));

export const TARGETS: Target[] = [
  { what: 'fan-out, 200 clients: p99 ≤ 25 ms, 0 drops', check: (g) => {
    const p99 = g('fanout', 'ours', '200 clients · p99 latency (ms)');
    const drops = g('fanout', 'ours', '200 clients · drops');
    return { measured: `p99 ${num(p99)} ms, ${num(drops)} drops`, met: p99 === null || drops === null ? null : p99 <= 25 && drops === 0 };
  } },
  ...(['hocuspocus', 'yws'] as const).map((peer): Target => ({
    what: `ceiling ≥ 1.5× ${peer === 'yws' ? 'y-websocket-server' : 'Hocuspocus'}`, check: (g) => ratioTarget(g, 'ceiling', peer, 'rate held, p99 ≤ 50 ms and 0 drops (updates/s)', (r) => r >= 1.5),
  })),
  { what: 'ceiling ≥ 60 % of the raw relay', check: (g) => ratioTarget(g, 'ceiling', 'relay', 'rate held, p99 ≤ 50 ms and 0 drops (updates/s)', (r) => r >= 0.6) },
  { what: 'RSS per room ≤ 0.5× Hocuspocus', check: (g) => {
    const key = [...keysSeen].find((k) => k.includes('RSS per room')) ?? '';
    return ratioTarget(g, 'rooms', 'hocuspocus', key, (r) => r <= 0.5);
  } },
  { what: 'join of a 1 MB document: p99 ≤ 100 ms', check: (g) => {
    const v = g('join', 'ours', '1 MB · join p99 (ms)');
    const burst = g('join', 'ours', '50 joins of 1 MB in 1 s · join p99 (ms)');
    return { measured: `${num(v)} ms one at a time, ${num(burst)} ms in the burst of 50`, met: v === null || burst === null ? null : v <= 100 && burst <= 100 };
  } },
  { what: 'no stall over 50 ms in another room during the 50 joins', check: (g) => {
    const v = g('join', 'ours', 'other room meanwhile · worst stall = max latency (ms)');
    return { measured: `${num(v)} ms`, met: v === null ? null : v <= 50 };
  } },
  { what: 'awareness frames out grow linearly (exponent ≤ 1.2)', check: (g) => {
    const key = [...keysSeen].find((k) => k.startsWith('growth exponent')) ?? '';
    const v = g('awareness', 'ours', key);
    return { measured: num(v), met: v === null ? null : v <= 1.2 };
  } },
  { what: 'durable ack p99 ≤ 10 ms at 500 updates/s', check: (g) => {
    const v = g('durability', 'ours', 'durable ack at 500 updates/s · p99 (ms)');
    return { measured: `${num(v)} ms`, met: v === null ? null : v <= 10 };
  } },
];

const keysSeen = new Set<string>();

function ratioTarget(g: (s: string, k: string, key: string) => number | null, s: string, peer: string, key: string, ok: (r: number) => boolean): { measured: string; met: boolean | null } {
  const ours = g(s, 'ours', key);
  const theirs = g(s, peer, key);
  if (ours === null || theirs === null || theirs === 0) return { measured: `ours ${num(ours)}, peer ${num(theirs)}`, met: null };
  const r = ours / theirs;
  return { measured: `${r.toFixed(2)}× (ours ${fmt(ours)}, peer ${fmt(theirs)})`, met: ok(r) };
}

export function targetTable(results: Results): string {
  keysSeen.clear();
  const get = (s: string, kind: string, key: string): number | null => {
    const r = results.get(s)?.get(kind);
    return r?.ok ? r.metrics.find((m) => m.key === key)?.value ?? null : null;
  };
  for (const byKind of results.values()) for (const r of byKind.values()) if (r.ok) for (const m of r.metrics) keysSeen.add(m.key);
  const lines = ['| target (issue 5) | measured | met |', '| --- | --- | --- |'];
  for (const t of TARGETS) {
    const { measured, met } = t.check(get);
    lines.push(`| ${t.what} | ${measured} | ${met === null ? 'not measured' : met ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}
