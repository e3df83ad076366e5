// Scenario 2, ceiling: a 50-client room, every client typing. First the
// primary figure, server CPU per delivered update at fixed rates every server
// holds; then the rate raised step by step until p99 passes 50 ms or an update
// is lost. Every window is judged on its own figures, by the same rule for
// every server: a step counts only if the load generator stayed under 85 % of
// its core, otherwise the ramp stops as "generator-bound at ≥ N".
import { cpuPerDelivery, drain, LOAD_CPU_LIMIT, measureTyping, round, type Metric, type WindowResult } from '../load/drive.ts';
import { openRoom } from '../load/room.ts';
import { LatencyTracker } from '../load/tracker.ts';
import type { Context } from './context.ts';

export const STEPS = [200, 400, 800, 1600, 3200, 4800, 6400, 9600, 12800, 16000, 19200, 25600, 32000, 38400, 51200];
export const QUICK_STEPS = [800, 3200, 6400, 12800, 25600];
export const P99_LIMIT_MS = 50;
/** The fixed rates of the primary figure: every server under test holds them. */
export const CPU_RATES = [1600, 6400];
/** Windows measured at each fixed rate; the median µs per delivery is reported. */
const CPU_REPEATS = 3;

export type Verdict = 'held' | 'server' | 'sender' | 'generator';

export function verdict(rate: number, w: WindowResult): Verdict {
  if (w.loadCpu >= LOAD_CPU_LIMIT) return 'generator';
  if (w.achievedRate < rate * 0.95) return 'sender';
  return w.latency.p99 <= P99_LIMIT_MS && w.drops === 0 ? 'held' : 'server';
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function ceiling(ctx: Context): Promise<Metric[]> {
  const tracker = new LatencyTracker();
  const room = await openRoom(ctx.target, { clients: 50, typists: 50, tracker });
  const windowMs = ctx.quick ? 700 : 3000;
  const step = (rate: number) =>
    measureTyping(room, tracker, ctx.pid, { rate, ms: windowMs, drainMs: 3000, warmupMs: ctx.quick ? 100 : 500 });
  const out: Metric[] = [];
  for (const rate of CPU_RATES) {
    const per: number[] = [];
    let gen = 0;
    let drops = 0;
    for (let i = 0; i < (ctx.quick ? 1 : CPU_REPEATS); i++) {
      await drain(tracker, 3000);
      const w = await step(rate);
      per.push(cpuPerDelivery(w));
      gen = Math.max(gen, w.loadCpu);
      drops += w.drops;
    }
    const r = rate.toLocaleString('en-US');
    const held = gen < LOAD_CPU_LIMIT && drops === 0;
    out.push(
      {
        key: `server CPU per delivered update at ${r}/s (µs)`,
        value: held ? round(median(per), 2) : null,
        better: 'lower',
        note: held ? undefined : gen >= LOAD_CPU_LIMIT ? `generator-bound (${round(gen, 0)} % CPU)` : `${drops} drops`,
      },
      { key: `load generator CPU at ${r}/s, max (%)`, value: round(gen, 0) },
    );
  }
  let held: { rate: number; w: WindowResult } | null = null;
  let failed: { rate: number; w: WindowResult; why: Verdict } | null = null;
  for (const rate of ctx.quick ? QUICK_STEPS : STEPS) {
    await drain(tracker, 3000);
    const w = await step(rate);
    const v = verdict(rate, w);
    if (v !== 'held') {
      failed = { rate, w, why: v };
      break;
    }
    held = { rate, w };
  }
  await room.close();
  const steps = ctx.quick ? QUICK_STEPS : STEPS;
  const why =
    failed === null
      ? `held the top step (${steps[steps.length - 1]}/s)`
      : failed.why === 'server'
        ? `at ${failed.rate}/s: p99 ${round(failed.w.latency.p99, 1)} ms, ${failed.w.drops} drops`
        : failed.why === 'sender'
          ? `at ${failed.rate}/s the load generator sent only ${round(failed.w.achievedRate, 0)}/s: generator-bound at ≥ ${held?.rate ?? 0}`
          : `at ${failed.rate}/s the load generator used ${round(failed.w.loadCpu, 0)} % of its core: generator-bound at ≥ ${held?.rate ?? 0}`;
  return [
    ...out,
    {
      key: 'rate held, p99 ≤ 50 ms and 0 drops (updates/s)',
      value: held?.rate ?? 0,
      note: held ? undefined : `no step held: ${why}`,
      better: 'higher',
      // only the server stopping the ramp makes the figure its limit; otherwise its limit is at least this
      bound: failed !== null && failed.why === 'server' ? undefined : 'lower',
    },
    {
      key: 'p99 at that rate (ms)',
      value: held ? round(held.w.latency.p99, 2) : null,
      note: held ? undefined : 'no step held',
      better: 'lower',
    },
    {
      key: 'server CPU per delivered update at that rate (µs)',
      value: held ? round(cpuPerDelivery(held.w), 2) : null,
      note: held ? undefined : 'no step held',
      better: 'lower',
    },
    { key: 'frames out /s at that rate', value: held ? round(held.w.framesOutPerSec, 0) : null, note: held ? undefined : 'no step held' },
    { key: 'load generator CPU at that rate (%)', value: held ? round(held.w.loadCpu, 0) : null, note: held ? undefined : 'no step held' },
    { key: 'the ramp stopped', value: failed?.rate ?? null, note: why },
  ];
}
