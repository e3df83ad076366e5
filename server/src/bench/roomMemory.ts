// Memory per quiet meeting (prints, never asserts): N meetings × 3 clients,
// each created over HTTP with two joins, every client synced and showing its
// caret state, as in the benchmark's many-rooms scenario. Reports the growth of
// the server's RSS and V8 heap over a one-room baseline, divided by N.
// Run: cd server && npx tsx src/bench/roomMemory.ts [rooms=500] [--snapshots=<dir>] [--env=NAME=value] [--node=--v8-flag]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import { MESSAGE, SYNC, awarenessFrame, syncStep1, syncStep2 } from '@consent/shared';
import { encodeAwareness } from '../room/awareness.ts';
import { connectRaw, createMeeting, join, removeDir, tempDir, type RawClient } from '../testing/harness.ts';

const serverDir = joinPath(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROOMS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 500);
const snapshots = process.argv.find((a) => a.startsWith('--snapshots='))?.slice('--snapshots='.length);
const nodeArgs = process.argv.filter((a) => a.startsWith('--node=')).map((a) => a.slice('--node='.length));
const extraEnv = Object.fromEntries(
  process.argv.filter((a) => a.startsWith('--env=')).map((a) => a.slice(6).split('=') as [string, string]),
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('taskset', ['-c', '0', process.execPath, '--expose-gc', ...nodeArgs, '--import', 'tsx', 'src/bench/memServer.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'production', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

function ask<T>(child: ChildProcess, msg: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(msg);
  });
}

/** One synced client with its caret state shown. */
async function client(wsBase: string, meetingId: string, token: string, user: { id: string; name: string }): Promise<RawClient> {
  const c = connectRaw(wsBase, meetingId, token);
  await c.opened;
  let synced!: () => void;
  const done = new Promise<void>((r) => (synced = r));
  c.ws.on('message', (d: Buffer) => {
    const dec = decoding.createDecoder(new Uint8Array(d));
    if (decoding.readVarUint(dec) !== MESSAGE.sync) return;
    const sub = decoding.readVarUint(dec);
    // the server's step 1: answer with our (empty) step 2; its step 2: we are synced
    if (sub === SYNC.step1) c.send(syncStep2(new Uint8Array([0, 0])));
    else if (sub === SYNC.step2) synced();
  });
  c.send(syncStep1(new Uint8Array([0])));
  const clientId = Math.floor(Math.random() * 2 ** 31);
  c.send(awarenessFrame(encodeAwareness([{ clientId, clock: 1, json: JSON.stringify({ user: { ...user, color: '#30bced' } }) }])));
  await done;
  return c;
}

async function openRoom(url: string): Promise<RawClient[]> {
  const wsBase = `${url.replace('http', 'ws')}/sync`;
  const m = await createMeeting(url, 'Memory probe', 'Fran');
  const ann = await join(url, m, 'Ann');
  const ben = await join(url, m, 'Ben');
  return Promise.all([
    client(wsBase, m.meetingId, m.token, { id: m.participantId, name: 'Fran' }),
    client(wsBase, m.meetingId, ann.token, { id: ann.participantId, name: 'Ann' }),
    client(wsBase, m.meetingId, ben.token, { id: ben.participantId, name: 'Ben' }),
  ]);
}

type Mem = NodeJS.MemoryUsage;

/** V8's heap spaces that hold anything, as "name size/used MB". */
async function spaces(child: ChildProcess): Promise<string> {
  const list = await ask<Array<{ name: string; size: number; used: number }>>(child, 'spaces');
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  return list
    .filter((s) => s.size > 0)
    .map((s) => `${s.name.replace('_space', '')} ${mb(s.size)}/${mb(s.used)}`)
    .join(', ');
}
const dataDir = tempDir('consent-mem-');
const { url, child } = await startServer(dataDir);
const clients: RawClient[] = [];
clients.push(...(await openRoom(url)));
await sleep(300);
const m0 = await ask<Mem>(child, 'mem');
const spaces0 = await spaces(child);
if (snapshots) await ask(child, `snapshot:${joinPath(snapshots, 'before.heapsnapshot')}`);
const t0 = performance.now();
for (let i = 0; i < ROOMS; i += 20) {
  const batch = await Promise.all(Array.from({ length: Math.min(20, ROOMS - i) }, () => openRoom(url)));
  for (const b of batch) clients.push(...b);
}
const openSec = (performance.now() - t0) / 1000;
await sleep(4000);
const m1 = await ask<Mem>(child, 'mem');
const spaces1 = await spaces(child);
if (snapshots) await ask(child, `snapshot:${joinPath(snapshots, 'after.heapsnapshot')}`);
const g1 = await ask<Mem>(child, 'mem-gc');
const kb = (a: number, b: number) => ((b - a) / 1024 / ROOMS).toFixed(1);
console.log(`${ROOMS} rooms × 3 clients, opened in ${openSec.toFixed(2)} s`);
console.log(
  `per room: RSS ${kb(m0.rss, m1.rss)} KB, V8 heap used ${kb(m0.heapUsed, m1.heapUsed)} KB (no forced GC), after a full GC: RSS total ${(g1.rss / 2 ** 20).toFixed(1)} MB, heap used ${kb(m0.heapUsed, g1.heapUsed)} KB/room`,
);
console.log(
  `totals: RSS ${(m0.rss / 2 ** 20).toFixed(1)} → ${(m1.rss / 2 ** 20).toFixed(1)} MB, heap used ${(m0.heapUsed / 2 ** 20).toFixed(1)} → ${(m1.heapUsed / 2 ** 20).toFixed(1)} MB, heap total ${(m0.heapTotal / 2 ** 20).toFixed(1)} → ${(m1.heapTotal / 2 ** 20).toFixed(1)} MB, external ${(m0.external / 2 ** 20).toFixed(1)} → ${(m1.external / 2 ** 20).toFixed(1)} MB`,
);
console.log(`V8 spaces, size/used MB: before ${spaces0}; after ${spaces1}`);
const fileMB = (f: string) => (existsSync(f) ? statSync(f).size / 2 ** 20 : 0);
console.log(
  `database ${fileMB(joinPath(dataDir, 'consent.db')).toFixed(1)} MB, WAL ${fileMB(joinPath(dataDir, 'consent.db-wal')).toFixed(1)} MB`,
);
for (const c of clients) c.close();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
removeDir(dataDir);
