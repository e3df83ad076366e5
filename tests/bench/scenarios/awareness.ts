// Scenario 5, awareness: every client moves its caret at 20 Hz; how many
// awareness frames and bytes the server sends per second as the room grows,
// and how long a caret move takes to reach the others (p50/p99 over every
// receiver), so that coalescing shows its cost in delay as well as its saving
// in frames. A server that forwards each caret move to everyone grows with n²;
// one that coalesces per tick grows with n.
import { cpuMeter } from '../proc.ts';
import { awarenessProbe, counters } from '../load/client.ts';
import { summarize } from '../load/tracker.ts';
import { round, sleep, type Metric } from '../load/drive.ts';
import { openRoom, userOf } from '../load/room.ts';
import type { Context } from './context.ts';

const HZ = 20;

function caret(user: object, client: number, pos: number): string {
  const rel = (clock: number) => ({ type: { client, clock: 0 }, tname: null, item: { client, clock }, assoc: 0 });
  return JSON.stringify({ user, cursor: { anchor: rel(pos), head: rel(pos) } });
}

export async function awareness(ctx: Context): Promise<Metric[]> {
  const sizes = ctx.quick ? [10, 50] : [10, 50, 100];
  const ms = ctx.quick ? 800 : 5000;
  const out: Metric[] = [];
  const rates: [number, number][] = [];
  for (const n of sizes) {
    const room = await openRoom(ctx.target, { clients: n, typists: 0 });
    const users = room.members.map((m, i) => userOf(m.seat, i));
    const next = room.members.map(() => performance.now() + Math.random() * (1000 / HZ));
    const t0 = performance.now();
    const in0 = counters.awarenessIn;
    const bytes0 = counters.bytesIn;
    const awBytes0 = counters.awarenessBytesIn;
    awarenessProbe.sent.clear();
    awarenessProbe.latencies = [];
    awarenessProbe.on = true;
    const cpu = cpuMeter(ctx.pid);
    let sent = 0;
    while (performance.now() - t0 < ms) {
      const now = performance.now();
      for (let i = 0; i < n; i++) {
        if (next[i]! > now) continue;
        next[i]! += 1000 / HZ;
        const m = room.members[i]!;
        m.client.sendAwareness(caret(users[i]!, m.client.clientID, sent++));
      }
      await sleep(2);
    }
    const sec = (performance.now() - t0) / 1000;
    const serverCpu = cpu();
    // frames still in flight at the end belong to this window
    await sleep(200);
    awarenessProbe.on = false;
    const lat = summarize(awarenessProbe.latencies);
    const outPerSec = (counters.awarenessIn - in0) / sec;
    rates.push([n, outPerSec]);
    out.push(
      { key: `${n} clients · caret moves in /s`, value: round(sent / sec, 0) },
      { key: `${n} clients · awareness frames out /s`, value: round(outPerSec, 0), better: 'lower' },
      { key: `${n} clients · frames out per caret move`, value: round(outPerSec / (sent / sec), 2), better: 'lower' },
      { key: `${n} clients · awareness KB out /s`, value: round((counters.awarenessBytesIn - awBytes0) / 1024 / sec, 1), better: 'lower' },
      { key: `${n} clients · caret latency p50 (ms)`, value: Number.isFinite(lat.p50) ? round(lat.p50, 1) : null, better: 'lower' },
      { key: `${n} clients · caret latency p99 (ms)`, value: Number.isFinite(lat.p99) ? round(lat.p99, 1) : null, better: 'lower' },
      { key: `${n} clients · KB out /s (all frames)`, value: round((counters.bytesIn - bytes0) / 1024 / sec, 0), better: 'lower' },
      { key: `${n} clients · server CPU (% of a core)`, value: round(serverCpu, 1), better: 'lower' },
    );
    await room.close();
  }
  const [n1, r1] = rates[0]!;
  const [n2, r2] = rates[rates.length - 1]!;
  const exponent = Math.log(r2 / r1) / Math.log(n2 / n1);
  out.push({
    key: `growth exponent of frames out, ${n1}→${n2} clients (1 = linear, 2 = square)`,
    value: Number.isFinite(exponent) ? round(exponent, 2) : null,
    better: 'lower',
  });
  return out;
}
