// Scenario 1, fan-out: one room of 10, 50, 100, 200 clients; 5 typists at 10 updates/s each.
import { measureTyping, typingMetrics, type Metric } from '../load/drive.ts';
import { openRoom } from '../load/room.ts';
import { LatencyTracker } from '../load/tracker.ts';
import type { Context } from './context.ts';

export async function fanout(ctx: Context): Promise<Metric[]> {
  const sizes = ctx.quick ? [10, 200] : [10, 50, 100, 200];
  const out: Metric[] = [];
  for (const n of sizes) {
    const tracker = new LatencyTracker();
    const room = await openRoom(ctx.target, { clients: n, typists: 5, tracker });
    const w = await measureTyping(room, tracker, ctx.pid, {
      rate: 50,
      ms: ctx.quick ? 800 : 8000,
      drainMs: 2000,
      warmupMs: ctx.quick ? 100 : 500,
    });
    out.push(...typingMetrics(`${n} clients`, w).filter((m) => !m.key.includes('load generator CPU')));
    await room.close();
  }
  return out;
}
