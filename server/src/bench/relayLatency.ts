// Measures (prints, never asserts) the latency the sync server adds to one
// keystroke-sized update on loopback, with rights checks and durable writes on:
// sender → server → receiver, against the same path through a bare `ws` relay.
// Run: pnpm --filter @consent/server bench:latency
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { MESSAGE, NOTE_KEY, SYNC, notes } from '@consent/shared';
import { syncStep1, syncUpdate } from '../room/messages.ts';
import { connectRaw, createMeeting, join, removeDir, startTestServer, waitFor } from '../testing/harness.ts';

const N = Number(process.argv[2] ?? 2000);
const WARMUP = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

/** Sends `updates` one at a time and times each until `receiver` got a new frame. */
async function timeRoundTrips(send: (u: Uint8Array) => void, receiver: { frames: unknown[] }, updates: Uint8Array[]): Promise<number[]> {
  const times: number[] = [];
  for (const [i, u] of updates.entries()) {
    const before = receiver.frames.length;
    const t0 = process.hrtime.bigint();
    send(u);
    await new Promise<void>((resolve) => {
      const check = () => (receiver.frames.length > before ? resolve() : setImmediate(check));
      check();
    });
    if (i >= WARMUP) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}

async function ourServer(): Promise<number[]> {
  // One sender at full speed: far above the default per-connection rate limit.
  const s = await startTestServer({ logLevel: 'silent', maxMessagesPerSecond: 1_000_000 });
  const m = await createMeeting(s.url);
  const ann = await join(s.url, m, 'Ann');
  const ben = await join(s.url, m, 'Ben');
  const sender = connectRaw(s.wsBase, m.meetingId, ann.token);
  const receiver = connectRaw(s.wsBase, m.meetingId, ben.token);
  await Promise.all([sender.opened, receiver.opened]);
  sender.send(syncStep1(new Uint8Array([0])));
  await waitFor(() => sender.types().filter((t) => t === MESSAGE.sync).length >= 2, 'initial sync');
  // The sender's copy of the meeting, from the server's step 2.
  const doc = new Y.Doc();
  for (const f of sender.frames) {
    const d = decoding.createDecoder(f);
    if (decoding.readVarUint(d) === MESSAGE.sync && decoding.readVarUint(d) === SYNC.step2) Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = notes(doc).get(NOTE_KEY.opening) as Y.Text;
  for (let i = 0; i < N + WARMUP; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  const frames = updates.map((u) => syncUpdate(u));
  let k = 0;
  const times = await timeRoundTrips(() => sender.send(frames[k++]!), receiver, updates);
  sender.close();
  receiver.close();
  await s.close();
  removeDir(s.dataDir);
  return times;
}

async function bareRelay(): Promise<number[]> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.on('message', (data) => {
    for (const other of wss.clients) if (other !== ws) other.send(data);
  }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open = (c: WebSocket) => new Promise((r) => c.once('open', r));
  const sender = new WebSocket(url);
  const receiver = { frames: [] as unknown[] };
  const rws = new WebSocket(url);
  rws.on('message', (d) => receiver.frames.push(d));
  await Promise.all([open(sender), open(rws)]);
  const frame = syncUpdate(new Uint8Array(24));
  const times = await timeRoundTrips(() => sender.send(frame), receiver, Array.from({ length: N + WARMUP }, () => frame));
  sender.close();
  rws.close();
  wss.close();
  server.close();
  return times;
}

const ours = await ourServer();
const bare = await bareRelay();
const fmt = (x: number) => `${x.toFixed(3)} ms`;
console.log(`updates: ${N} sequential keystrokes, loopback, rights checks on, durable SQLite writes (WAL, synchronous=normal)`);
console.log(`Consent Board relay: median ${fmt(median(ours))}, p99 ${fmt(p99(ours))}`);
console.log(`bare ws relay:       median ${fmt(median(bare))}, p99 ${fmt(p99(bare))}`);
console.log(`added by the server: median ${fmt(median(ours) - median(bare))}`);
