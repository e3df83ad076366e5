// Scenario 3, many rooms: 500 rooms × 3 clients. Base memory of the fresh
// server after GC; V8 heap and RSS per room after GC (growth over a one-room
// baseline); time and CPU to connect them, then each room typing once a second.
import { cpuMeter, memoryAfterGc, rssMB } from '../proc.ts';
import { measureTyping, round, sleep, type Metric } from '../load/drive.ts';
import { openRoom, type Room } from '../load/room.ts';
import { LatencyTracker } from '../load/tracker.ts';
import type { Context } from './context.ts';

/** How long the rooms stay quiet before their memory is read. */
const QUIET_MS = 21_000;

export async function manyRooms(ctx: Context): Promise<Metric[]> {
  const count = ctx.quick ? 60 : 500;
  const tracker = new LatencyTracker();
  const rooms: Room[] = [];
  const fresh = await memoryAfterGc(ctx.pid, ctx.memFile);
  // Warm rooms first, kept open: the code V8 compiles and optimizes while rooms
  // open (about 20 KB of machine code per room when only one room warms up)
  // is then in the baseline, not counted as rooms' memory.
  const warm = ctx.quick ? 20 : 50;
  for (let i = 0; i < warm; i += 10)
    rooms.push(...(await Promise.all(Array.from({ length: 10 }, () => openRoom(ctx.target, { clients: 3, typists: 1, tracker })))));
  await sleep(300);
  const base = await memoryAfterGc(ctx.pid, ctx.memFile);
  const rss0 = rssMB(ctx.pid);
  const cpu = cpuMeter(ctx.pid);
  const t0 = performance.now();
  const pending: Promise<Room>[] = [];
  for (let i = 0; i < count; i++) {
    pending.push(openRoom(ctx.target, { clients: 3, typists: 1, tracker }));
    if (pending.length === 20) rooms.push(...(await Promise.all(pending.splice(0))));
  }
  rooms.push(...(await Promise.all(pending)));
  const connectSec = (performance.now() - t0) / 1000;
  const connectCpu = cpu();
  await sleep(ctx.quick ? 300 : 1000);
  const idleCpu = cpuMeter(ctx.pid);
  await sleep(ctx.quick ? 700 : 3000);
  const idle = idleCpu();
  const rss1 = rssMB(ctx.pid);
  // quiet meetings: the same wait for every server (ours puts a document unused
  // for ROOM_SLEEP_MS, 10 s by default, to sleep within twice that)
  await sleep(QUIET_MS);
  const full = await memoryAfterGc(ctx.pid, ctx.memFile);
  const perRoomKB = (a: number, b: number): number => round((a - b) / 1024 / count, 1);
  // all rooms at once: one keystroke per room per second
  const all: Room = { name: 'all', meeting: null, members: rooms.slice(warm).flatMap((r) => r.members), close: async () => {} };
  const w = await measureTyping(all, tracker, ctx.pid, { rate: count, ms: ctx.quick ? 1500 : 5000, drainMs: 2000, receivers: 2 });
  for (const r of rooms) await r.close();
  const what = ctx.quick ? `${count} rooms (quick run; the full run has 500)` : `${count} rooms`;
  return [
    { key: 'base RSS of the fresh server, after GC (MB)', value: round(fresh.rss / 2 ** 20, 1), better: 'lower' },
    { key: `${what} · V8 heap per room, quiet 21 s, after GC (KB)`, value: perRoomKB(full.heapUsed, base.heapUsed), better: 'lower' },
    { key: `${what} · RSS per room, quiet 21 s, after GC (KB)`, value: perRoomKB(full.rss, base.rss), better: 'lower' },
    { key: `${what} · RSS per room (KB)`, value: round(((rss1 - rss0) * 1024) / count, 1), better: 'lower' },
    { key: `${what} · server RSS (MB)`, value: round(rss1, 1), better: 'lower' },
    {
      key: `${what} · time to open and sync all (s)`,
      value: round(connectSec, 2),
      note: ctx.target.kind === 'ours' ? 'includes creating each meeting and 2 joins over HTTP' : undefined,
      better: 'lower',
    },
    { key: `${what} · server CPU while opening (% of a core)`, value: round(connectCpu, 0) },
    { key: `${what} · server CPU idle, awareness renewals only (%)`, value: round(idle, 1), better: 'lower' },
    {
      key: `${what} · 1 keystroke/room/s · p99 latency (ms)`,
      value: Number.isFinite(w.latency.p99) ? round(w.latency.p99, 2) : null,
      better: 'lower',
    },
    { key: `${what} · 1 keystroke/room/s · drops`, value: w.drops, better: 'lower' },
    { key: `${what} · 1 keystroke/room/s · server CPU (%)`, value: round(w.serverCpu, 1), better: 'lower' },
    { key: `${what} · 1 keystroke/room/s · load generator stall, max (ms)`, value: round(w.loadStallMs, 0) },
  ];
}
