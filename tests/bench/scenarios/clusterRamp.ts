// The cluster's two ramps, judged by the ceiling's rule (scenarios/ceiling.ts):
// a step holds when p99 ≤ 50 ms with no drop; a step where the load generator
// used 85 % of its core or sent under 95 % of the rate stops the ramp as
// "generator-bound at ≥ N". Used for one meeting's rate through a forwarder
// and for the number of meetings a deployment holds.
import { drain, measureTyping, round, type Metric, type WindowResult } from '../load/drive.ts';
import { openRoom, type Room, type Target } from '../load/room.ts';
import { LatencyTracker } from '../load/tracker.ts';
import { QUICK_STEPS, STEPS, verdict, type Verdict } from './ceiling.ts';

export interface RampResult {
  held: number | null;
  heldW: WindowResult | null;
  failed: { at: number; why: Verdict; w: WindowResult } | null;
}

/** Runs `measure(step)` for each step until one does not hold. */
async function ramp(
  steps: number[],
  rateOf: (step: number) => number,
  measure: (step: number) => Promise<WindowResult>,
): Promise<RampResult> {
  let held: { step: number; w: WindowResult } | null = null;
  for (const step of steps) {
    const w = await measure(step);
    const v = verdict(rateOf(step), w);
    if (v !== 'held') return { held: held?.step ?? null, heldW: held?.w ?? null, failed: { at: step, why: v, w } };
    held = { step, w };
  }
  return { held: held?.step ?? null, heldW: held?.w ?? null, failed: null };
}

/** CPU of every node over a window, % of one core (all nodes share core 0). */
const nodesCpu = (w: WindowResult): number => round(w.serverCpu + w.otherCpu.reduce((a, b) => a + b, 0), 0);

/** The ramp's figure as metrics of one column: the value held, a lower bound unless the server stopped it. */
export function rampMetrics(r: RampResult, key: string, column: string, unit: string, top: number): Metric[] {
  const f = r.failed;
  const w = r.heldW;
  const short = key.replace(/ \(.*\)$/, '');
  const why =
    f === null
      ? `held the top step (${top} ${unit})`
      : f.why === 'server'
        ? `at ${f.at} ${unit}: p99 ${round(f.w.latency.p99, 1)} ms, ${f.w.drops} drops, the nodes used ${nodesCpu(f.w)} % of core 0, the load generator ${round(f.w.loadCpu, 0)} % of core 1`
        : f.why === 'sender'
          ? `at ${f.at} ${unit} the load generator sent only ${round(f.w.achievedRate, 0)} updates/s: generator-bound at ≥ ${r.held ?? 0}`
          : `at ${f.at} ${unit} the load generator used ${round(f.w.loadCpu, 0)} % of its core: generator-bound at ≥ ${r.held ?? 0}`;
  return [
    {
      key,
      column,
      value: r.held ?? 0,
      better: 'higher',
      bound: f !== null && f.why === 'server' ? undefined : 'lower',
      note: `${column}: ${why}`,
    },
    {
      key: `${short}: p99 at that step (ms)`,
      column,
      value: w ? round(w.latency.p99, 2) : null,
      better: 'lower',
      note: w ? undefined : 'no step held',
    },
    { key: `${short}: nodes' CPU at that step (% of core 0)`, column, value: w ? nodesCpu(w) : null, note: w ? undefined : 'no step held' },
    {
      key: `${short}: load generator CPU at that step (%)`,
      column,
      value: w ? round(w.loadCpu, 0) : null,
      note: w ? undefined : 'no step held',
    },
  ];
}

/** One meeting of 50 clients, all typing, every client connected where `wsFor` says; the rate raised step by step. */
export async function rateCeiling(owner: Target, pids: number[], quick: boolean, wsFor?: (i: number) => string): Promise<RampResult> {
  const tracker = new LatencyTracker();
  const room = await openRoom(owner, { clients: 50, typists: 50, tracker, wsFor });
  try {
    return await ramp(
      quick ? QUICK_STEPS : STEPS,
      (rate) => rate,
      async (rate) => {
        await drain(tracker, 3000);
        return measureTyping(room, tracker, pids[0]!, {
          rate,
          ms: quick ? 700 : 3000,
          drainMs: 3000,
          warmupMs: quick ? 100 : 500,
          otherPids: pids.slice(1),
        });
      },
    );
  } finally {
    await room.close();
  }
}

export const MEETING_CLIENTS = 4;
export const MEETING_TYPISTS = 2;
/** Keystrokes per second of each typist. */
export const TYPIST_RATE = 2;
export const MEETING_STEPS = [10, 25, 50, 100, 200, 300, 400, 600, 800, 1000];
export const QUICK_MEETING_STEPS = [10, 40, 80];

/**
 * Meetings of 4 clients, 2 of them typing 2 keystrokes/s, added until p99 passes
 * 50 ms. With several nodes, meeting m is owned by node m mod n and its client i
 * connects to node (m + i) mod n: half the clients of every meeting are forwarded.
 */
export async function meetingsHeld(nodes: Target[], pids: number[], quick: boolean): Promise<RampResult> {
  const tracker = new LatencyTracker();
  const rooms: Room[] = [];
  const perMeeting = MEETING_TYPISTS * TYPIST_RATE;
  const open = async (m: number): Promise<Room> => {
    const n = nodes.length;
    return openRoom(nodes[m % n]!, {
      clients: MEETING_CLIENTS,
      typists: MEETING_TYPISTS,
      tracker,
      wsFor: (i) => nodes[(m + i) % n]!.ws,
    });
  };
  try {
    return await ramp(
      quick ? QUICK_MEETING_STEPS : MEETING_STEPS,
      (count) => count * perMeeting,
      async (count) => {
        while (rooms.length < count) {
          const batch = Array.from({ length: Math.min(10, count - rooms.length) }, (_, k) => open(rooms.length + k));
          rooms.push(...(await Promise.all(batch)));
        }
        await drain(tracker, 3000);
        const all: Room = { name: 'all', meeting: null, members: rooms.flatMap((r) => r.members), close: async () => {} };
        return measureTyping(all, tracker, pids[0]!, {
          otherPids: pids.slice(1),
          rate: count * perMeeting,
          ms: quick ? 3000 : 4000,
          drainMs: 3000,
          warmupMs: quick ? 200 : 500,
          receivers: MEETING_CLIENTS - 1,
        });
      },
    );
  } finally {
    for (const r of rooms) await r.close();
  }
}
