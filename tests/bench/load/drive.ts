// Paced typing and the measurement window around it: latency, drops,
// throughput, server CPU/RSS and the load generator's own CPU.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuMeter, cpuSeconds, foreignWaitMs, rssMB } from '../proc.ts';
import { counters } from './client.ts';
import type { Member, Room } from './room.ts';
import { summarize, type LatencySummary, type LatencyTracker } from './tracker.ts';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A measured figure. `value: null` means not measurable; `note` says why. */
export interface Metric {
  key: string;
  value: number | null;
  note?: string;
  better?: 'lower' | 'higher';
  /** 'lower': the true figure is at least this (a ramp cut short by the machine, not the server). */
  bound?: 'lower';
  /** The column of a table laid out by configuration (the cluster's: 1 node, 3 nodes …) rather than by server. */
  column?: string;
}

export interface WindowResult {
  latency: LatencySummary;
  sent: number;
  drops: number;
  /** updates delivered to every receiver, per second */
  deliveredPerSec: number;
  /** frames the server sent to our clients, per second */
  framesOutPerSec: number;
  achievedRate: number;
  serverCpu: number;
  /** CPU of the other processes named in `opts.otherPids` (% of a core each): a cluster's other nodes. */
  otherCpu: number[];
  /** Seconds of server CPU (utime + stime) over the window. */
  serverCpuSec: number;
  /** Updates × receivers the window asked the server to deliver. */
  deliveries: number;
  serverRss: number;
  loadCpu: number;
  /** Longest the load generator's own event loop was held up during the window (ms): a busy machine shows here. */
  loadStallMs: number;
  /** Time the server's event loop waited for its core because of other processes (ms). */
  serverWaitMs: number;
}

/**
 * The machine's share of a window, printed for information only: the load
 * generator's longest stall and the time the server waited for its core.
 * No verdict uses it: every window is judged on its own figures.
 */
export function holdUpMeter(pid: number): () => { loadStallMs: number; serverWaitMs: number } {
  const stall = stallMeter();
  const w0 = foreignWaitMs(pid);
  return () => ({ loadStallMs: stall(), serverWaitMs: Math.max(0, round(foreignWaitMs(pid) - w0, 0)) });
}

/** Starts watching this process's event loop; the returned function stops and gives the longest hold-up (ms). */
export function stallMeter(): () => number {
  const h = monitorEventLoopDelay({ resolution: 2 });
  h.enable();
  return () => {
    h.disable();
    return round(h.max / 1e6, 0);
  };
}

/** A window whose load generator used this much of its core measured the generator, not the server. */
export const LOAD_CPU_LIMIT = 85;

/** µs of server CPU per delivered update (one update to one receiver). */
export const cpuPerDelivery = (w: WindowResult): number => (w.deliveries > 0 ? (w.serverCpuSec * 1e6) / w.deliveries : NaN);

/** Sends `rate` keystrokes per second, round-robin over the typists, for `ms`. Returns the achieved rate. */
export async function type(
  typists: Member[],
  rate: number,
  ms: number,
  tracker: LatencyTracker | null,
  receivers: number,
): Promise<number> {
  const perTypist = Math.ceil((rate * ms) / 1000 / typists.length) + 4;
  for (const m of typists) if (m.typist!.ready < perTypist) m.typist!.prepare(perTypist - m.typist!.ready);
  const t0 = performance.now();
  let sent = 0;
  let i = 0;
  for (;;) {
    const now = performance.now();
    if (now - t0 >= ms) break;
    const due = Math.floor((rate * (now - t0)) / 1000) - sent;
    for (let k = 0; k < due; k++) {
      const m = typists[i++ % typists.length]!;
      const { update, clock } = m.typist!.next();
      tracker?.onSend(m.typist!.clientID, clock, performance.now(), receivers);
      m.client.sendUpdate(update);
      sent++;
    }
    await sleep(1);
  }
  return (sent * 1000) / (performance.now() - t0);
}

/** Waits until everything sent has reached every receiver, or `ms` passed. */
export async function drain(tracker: LatencyTracker, ms: number): Promise<void> {
  const t0 = performance.now();
  while (tracker.pending > 0 && performance.now() - t0 < ms) await sleep(5);
}

/** One measured window of typing in a room. */
export async function measureTyping(
  room: Room,
  tracker: LatencyTracker,
  pid: number,
  opts: { rate: number; ms: number; drainMs: number; warmupMs?: number; receivers?: number; otherPids?: number[] },
): Promise<WindowResult> {
  const typists = room.members.filter((m) => m.typist !== null);
  const receivers = opts.receivers ?? room.members.length - 1;
  if (opts.warmupMs) {
    await type(typists, opts.rate, opts.warmupMs, null, receivers);
    await sleep(100);
  }
  const frames0 = counters.framesIn;
  const holdUp = holdUpMeter(pid);
  const cpu = cpuMeter(pid);
  const others = (opts.otherPids ?? []).map((p) => cpuMeter(p));
  const cpuSec0 = cpuSeconds(pid);
  const load0 = process.cpuUsage();
  const t0 = performance.now();
  tracker.recording = true;
  const achievedRate = await type(typists, opts.rate, opts.ms, tracker, receivers);
  tracker.recording = false;
  const elapsed = (performance.now() - t0) / 1000;
  const serverCpu = cpu();
  const otherCpu = others.map((m) => m());
  const serverCpuSec = cpuSeconds(pid) - cpuSec0;
  const load = process.cpuUsage(load0);
  const { loadStallMs, serverWaitMs } = holdUp();
  await drain(tracker, opts.drainMs);
  const framesOutPerSec = (counters.framesIn - frames0) / ((performance.now() - t0) / 1000);
  const r = tracker.finish();
  return {
    latency: summarize(r.latencies),
    sent: r.sent,
    drops: r.drops,
    deliveredPerSec: r.delivered / elapsed,
    framesOutPerSec,
    achievedRate,
    serverCpu,
    otherCpu,
    serverCpuSec,
    deliveries: r.sent * receivers,
    serverRss: rssMB(pid),
    loadCpu: (100 * (load.user + load.system)) / 1e6 / elapsed,
    loadStallMs,
    serverWaitMs,
  };
}

/** The standard rows of a typing window, keys prefixed with `label`. */
export function typingMetrics(label: string, w: WindowResult): Metric[] {
  const lat = (v: number): number | null => (Number.isFinite(v) ? round(v, 2) : null);
  const none = w.latency.count === 0 ? 'nothing delivered' : undefined;
  return [
    { key: `${label} · p50 latency (ms)`, value: lat(w.latency.p50), note: none, better: 'lower' },
    { key: `${label} · p99 latency (ms)`, value: lat(w.latency.p99), note: none, better: 'lower' },
    { key: `${label} · max latency (ms)`, value: lat(w.latency.max), note: none, better: 'lower' },
    { key: `${label} · updates sent`, value: w.sent },
    { key: `${label} · drops`, value: w.drops, better: 'lower' },
    { key: `${label} · updates delivered to all /s`, value: round(w.deliveredPerSec, 0), better: 'higher' },
    { key: `${label} · frames out /s`, value: round(w.framesOutPerSec, 0) },
    { key: `${label} · server CPU (% of a core)`, value: round(w.serverCpu, 1), better: 'lower' },
    { key: `${label} · server RSS (MB)`, value: round(w.serverRss, 1), better: 'lower' },
    { key: `${label} · load generator CPU (%)`, value: round(w.loadCpu, 0) },
    { key: `${label} · load generator stall, max (ms)`, value: round(w.loadStallMs, 0) },
    { key: `${label} · server waited for its core (ms)`, value: w.serverWaitMs },
  ];
}

export const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
