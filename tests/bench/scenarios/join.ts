// Scenario 4, join: time from opening a socket to holding the whole document
// (sync step 2 received) for documents of 10 kB to 10 MB, both for a document
// unchanged since the last join (a server may answer from a cached frame) and
// for one that changed since (one keystroke before each join); then 50 joins
// of the 1 MB document within one second while another room types, and that
// room's worst stall; last, 200 clients connecting and syncing to one meeting at once.
import * as Y from 'yjs';
import { BenchClient } from '../load/client.ts';
import { holdUpMeter, measureTyping, round, sleep, type Metric } from '../load/drive.ts';
import { FRAGMENT, openMeeting, openRoom, waitFor, type Target } from '../load/room.ts';
import type { Seat } from '../load/api.ts';
import { buildDocument, Typist } from '../load/typist.ts';
import { LatencyTracker, summarize } from '../load/tracker.ts';
import type { Context } from './context.ts';

const SIZES: [string, number][] = [
  ['10 kB', 10_000],
  ['160 kB', 160_000],
  ['1 MB', 1_000_000],
  ['10 MB', 10_000_000],
];
const docs = new Map<number, { chunks: Uint8Array[]; bytes: number }>();

function documentOf(size: number): { chunks: Uint8Array[]; bytes: number } {
  let d = docs.get(size);
  if (d === undefined) {
    const chunks = buildDocument(FRAGMENT, size);
    d = { chunks, bytes: Y.mergeUpdates(chunks).byteLength };
    docs.set(size, d);
  }
  return d;
}

interface SeededRoom {
  room: string;
  seats: Seat[];
  seeder: BenchClient;
  bytes: number;
}

/** A room holding a document of about `size` bytes, with `seats` spare seats (tokens) for joiners on ours. */
async function seed(target: Target, size: number, seats: number): Promise<SeededRoom> {
  const doc = documentOf(size);
  let room = `join-${size}-${Math.random().toString(36).slice(2)}`;
  let spare: Seat[] = [];
  let token: string | undefined;
  if (target.kind === 'ours') {
    const m = await openMeeting(target, seats + 1);
    room = m.meeting.meetingId;
    token = m.seats[0]!.token;
    spare = m.seats.slice(1);
  }
  const seeder = new BenchClient({ kind: target.kind, base: target.ws, room, token, ack: target.kind === 'ours', trackStep2: false }, 1);
  await seeder.synced;
  for (const c of doc.chunks) seeder.sendUpdate(c);
  if (target.kind === 'ours') await waitFor(() => seeder.ackLatencies.length >= doc.chunks.length, 60_000, 'seed acks');
  else await waitFor(() => seeder.bufferedAmount === 0, 60_000, 'seed sent');
  return { room, seats: spare, seeder, bytes: doc.bytes };
}

async function timeJoin(target: Target, room: string, seat: Seat | undefined): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const c = new BenchClient(
    { kind: target.kind, base: target.ws, room, token: seat?.token, trackStep2: false },
    Math.floor(Math.random() * 2 ** 31),
  );
  await c.synced;
  const ms = performance.now() - t0;
  const bytes = c.step2Bytes;
  await c.close();
  return { ms, bytes };
}

export async function join(ctx: Context): Promise<Metric[]> {
  const { target } = ctx;
  const out: Metric[] = [];
  const joins = ctx.quick ? 4 : 20;
  const sizes = ctx.quick ? SIZES.slice(0, 3) : SIZES;
  let oneMB: SeededRoom | null = null;
  for (const [label, size] of sizes) {
    const s = await seed(target, size, 2 * joins + (size === 1_000_000 ? 50 : 0));
    // the first join also proves the server holds the whole document
    let first = await timeJoin(target, s.room, s.seats.pop());
    for (let i = 0; first.bytes < s.bytes * 0.95 && i < 100; i++) {
      await sleep(50);
      first = await timeJoin(target, s.room, s.seats.pop());
    }
    const times: number[] = [];
    const holdUp = holdUpMeter(ctx.pid);
    for (let i = 0; i < joins - 1; i++) times.push((await timeJoin(target, s.room, s.seats.pop())).ms);
    const t = summarize(times);
    // a document that changed since the last join: one keystroke, then the join
    const editor = new Typist(FRAGMENT, 900_000 + size);
    s.seeder.sendUpdate(editor.setupUpdate);
    const changed: number[] = [];
    for (let i = 0; i < joins - 1; i++) {
      s.seeder.sendUpdate(editor.next().update);
      await waitFor(() => s.seeder.bufferedAmount === 0, 10_000, 'edit sent');
      await sleep(5);
      changed.push((await timeJoin(target, s.room, s.seats.pop())).ms);
    }
    const c = summarize(changed);
    out.push(
      { key: `${label} · sync step 2 sent on join (kB)`, value: round(first.bytes / 1000, 0) },
      { key: `${label} · join p50 (ms)`, value: round(t.p50, 1), better: 'lower' },
      { key: `${label} · join p99 (ms)`, value: round(t.p99, 1), better: 'lower' },
      { key: `${label} · join max (ms)`, value: round(t.max, 1), better: 'lower' },
      { key: `${label} · changed since the last join · join p50 (ms)`, value: round(c.p50, 1), better: 'lower' },
      { key: `${label} · changed since the last join · join p99 (ms)`, value: round(c.p99, 1), better: 'lower' },
      ...machineRows(`${label} · `, holdUp()),
    );
    if (size === 1_000_000) oneMB = s;
    else await s.seeder.close();
  }
  if (ctx.quick) out.push({ key: '10 MB · join p99 (ms)', value: null, note: 'not run in --quick' });
  if (oneMB !== null) out.push(...(await burst(ctx, oneMB)));
  // every client of a 200-seat meeting connecting at once (seats are made beforehand)
  const many = await openRoom(ctx.target, { clients: 200, typists: 0, batch: 200 });
  out.push({ key: 'connect and sync 200 clients to one meeting (ms)', value: round(many.connectMs ?? NaN, 0), better: 'lower' });
  await many.close();
  return out;
}

function machineRows(prefix: string, h: { loadStallMs: number; serverWaitMs: number }): Metric[] {
  return [
    { key: `${prefix}load generator stall, max (ms)`, value: round(h.loadStallMs, 0) },
    { key: `${prefix}server waited for its core (ms)`, value: h.serverWaitMs },
  ];
}

/** 50 joins of the 1 MB document spread over one second while a 10-client room types 20 updates/s. */
async function burst(ctx: Context, s: SeededRoom): Promise<Metric[]> {
  const tracker = new LatencyTracker();
  const active = await openRoom(ctx.target, { clients: 10, typists: 2, tracker });
  const typing = measureTyping(active, tracker, ctx.pid, { rate: 20, ms: 2000, drainMs: 2000, warmupMs: 200 });
  await sleep(400);
  const times: Promise<{ ms: number }>[] = [];
  for (let i = 0; i < 50; i++) {
    times.push(timeJoin(ctx.target, s.room, s.seats.pop()));
    await sleep(20);
  }
  const joined = summarize((await Promise.all(times)).map((t) => t.ms));
  const w = await typing;
  await active.close();
  await s.seeder.close();
  return [
    { key: '50 joins of 1 MB in 1 s · join p50 (ms)', value: round(joined.p50, 1), better: 'lower' },
    { key: '50 joins of 1 MB in 1 s · join p99 (ms)', value: round(joined.p99, 1), better: 'lower' },
    { key: '50 joins of 1 MB in 1 s · join max (ms)', value: round(joined.max, 1), better: 'lower' },
    {
      key: 'other room meanwhile · worst stall = max latency (ms)',
      value: Number.isFinite(w.latency.max) ? round(w.latency.max, 1) : null,
      better: 'lower',
    },
    {
      key: 'other room meanwhile · p99 latency (ms)',
      value: Number.isFinite(w.latency.p99) ? round(w.latency.p99, 1) : null,
      better: 'lower',
    },
    { key: 'other room meanwhile · drops', value: w.drops, better: 'lower' },
    ...machineRows('meanwhile · ', w),
  ];
}
