// Measures (prints, never asserts) the latency the sync server adds to one
// keystroke-sized update on loopback, with rights checks and durable writes on:
// sender → server → receiver, against the same path through a bare `ws` relay.
// Each server runs in its own process; this one sends and receives.
// Run: pnpm --filter @consent/server bench:latency [updates] [gap ms, default 5; 0 = back to back]
import { spawn } from 'node:child_process';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE, NOTE_KEY, SYNC, notes, syncStep1, syncUpdate } from '@consent/shared';
import { connectRaw, createMeeting, join, removeDir, tempDir, waitFor } from '../testing/harness.ts';

const serverDir = joinPath(dirname(fileURLToPath(import.meta.url)), '..', '..');

const N = Number(process.argv[2] ?? 2000);
/** Milliseconds between one update's arrival and the next send; 0 sends back to back. */
const GAP_MS = Number(process.argv[3] ?? 5);
const WARMUP = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

/** Sends `updates` one at a time and times each until `receiver` got a new frame. */
async function timeRoundTrips(send: (u: Uint8Array) => void, receiver: { frames: unknown[] }, updates: Uint8Array[]): Promise<number[]> {
  const times: number[] = [];
  for (const [i, u] of updates.entries()) {
    // Paced: the next keystroke a few milliseconds after the last one arrived, as in fast typing.
    if (GAP_MS > 0) await new Promise((r) => setTimeout(r, GAP_MS));
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

/** Starts `args` with node from the server package; resolves with its http url once it says where it runs. */
function spawnServer(args: string[], env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, { cwd: serverDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1]!,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function ourServer(): Promise<number[]> {
  const dataDir = tempDir();
  // One sender at full speed: far above the default per-connection rate limit.
  const s = await spawnServer(['--import', 'tsx', 'src/main.ts'], {
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MAX_MESSAGES_PER_SECOND: '1000000',
  });
  const wsBase = `${s.url.replace('http', 'ws')}/sync`;
  const m = await createMeeting(s.url);
  const ann = await join(s.url, m, 'Ann');
  const ben = await join(s.url, m, 'Ben');
  const sender = connectRaw(wsBase, m.meetingId, ann.token);
  const receiver = connectRaw(wsBase, m.meetingId, ben.token);
  await Promise.all([sender.opened, receiver.opened]);
  sender.send(syncStep1(new Uint8Array([0])));
  await waitFor(() => sender.types().filter((t) => t === MESSAGE.sync).length >= 2, 'initial sync');
  // The sender's copy of the meeting, from the server's step 2.
  const doc = new Y.Doc();
  for (const f of sender.frames) {
    const d = decoding.createDecoder(f);
    if (decoding.readVarUint(d) === MESSAGE.sync && decoding.readVarUint(d) === SYNC.step2)
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
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
  await s.stop();
  removeDir(dataDir);
  return times;
}

/** The same path through a process that forwards every frame to the other sockets, and does nothing else. */
const BARE_RELAY = `
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
const server = createServer();
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => ws.on('message', (data) => { for (const o of wss.clients) if (o !== ws) o.send(data); }));
server.listen(0, '127.0.0.1', () => console.log('running at http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

async function bareRelay(): Promise<number[]> {
  const s = await spawnServer(['--input-type=module', '-e', BARE_RELAY], {});
  const url = s.url.replace('http', 'ws');
  const open = (c: WebSocket) => new Promise((r) => c.once('open', r));
  const sender = new WebSocket(url);
  const receiver = { frames: [] as unknown[] };
  const rws = new WebSocket(url);
  rws.on('message', (d) => receiver.frames.push(d));
  await Promise.all([open(sender), open(rws)]);
  const frame = syncUpdate(new Uint8Array(24));
  const times = await timeRoundTrips(
    () => sender.send(frame),
    receiver,
    Array.from({ length: N + WARMUP }, () => frame),
  );
  sender.close();
  rws.close();
  await s.stop();
  return times;
}

const ours = await ourServer();
const bare = await bareRelay();
const fmt = (x: number) => `${x.toFixed(3)} ms`;
console.log(
  `updates: ${N} sequential keystrokes (after ${WARMUP} warm-up), ${GAP_MS ? `${GAP_MS} ms apart` : 'back to back'}, loopback, servers in their own process, rights checks on, durable SQLite writes (WAL, synchronous=normal)`,
);
console.log(`Consent Board relay: median ${fmt(median(ours))}, p99 ${fmt(p99(ours))}`);
console.log(`bare ws relay:       median ${fmt(median(bare))}, p99 ${fmt(p99(bare))}`);
console.log(`added by the server: median ${fmt(median(ours) - median(bare))}`);
