// The real process: `tsx src/main.ts` as a child, stopped with SIGTERM or
// killed with SIGKILL; every update that was relayed survives either way.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CLOSE, NOTE_KEY, notes } from '@consent/shared';
import { connectPeer, createMeeting, join, removeDir, synced, tempDir, waitFor, type Peer } from './testing/harness.ts';

const serverDir = joinPath(dirname(fileURLToPath(import.meta.url)), '..');
const opening = (doc: Y.Doc) => notes(doc).get(NOTE_KEY.opening) as Y.Text;

interface Child {
  proc: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function startChild(dataDir: string): Promise<Child> {
  // `node --import tsx` rather than the tsx CLI, which runs the server in a grandchild that SIGKILL would miss.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', TOKEN_SECRET: '', ROOM_GRACE_MS: '60000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Consent Board is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1]!, exited });
    });
    proc.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)));
  });
}

const wsBase = (url: string) => `${url.replace('http', 'ws')}/sync`;

let peers: Peer[] = [];
let children: Child[] = [];
let dirs: string[] = [];
afterEach(async () => {
  for (const p of peers) p.destroy();
  peers = [];
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
  children = [];
  for (const d of dirs) removeDir(d);
  dirs = [];
});

async function scenario(stop: (child: Child) => Promise<void>) {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const first = await startChild(dataDir);
  children.push(first);
  const m = await createMeeting(first.url);
  const ann = await join(first.url, m, 'Ann');
  const writer = connectPeer(wsBase(first.url), m.meetingId, m.token);
  const reader = connectPeer(wsBase(first.url), m.meetingId, ann.token);
  peers.push(writer, reader);
  await Promise.all([synced(writer), synced(reader)]);
  for (let i = 0; i < 200; i++) opening(writer.doc).insert(opening(writer.doc).length, String(i % 10));
  // Everything the reader got was relayed, so it must be on disk.
  await waitFor(() => opening(reader.doc).length === 200, 'all 200 updates relayed');
  const relayed = opening(reader.doc).toString();
  await stop(first);
  writer.destroy();
  reader.destroy();

  const second = await startChild(dataDir);
  children.push(second);
  const fresh = connectPeer(wsBase(second.url), m.meetingId, ann.token);
  peers.push(fresh);
  await synced(fresh);
  expect(opening(fresh.doc).toString()).toBe(relayed);
  expect(fresh.doc.getMap('participants').size).toBe(2);
}

describe('restarts', () => {
  it('a graceful stop (SIGTERM) closes sockets with 1001 and keeps every relayed update', async () => {
    let closes: number[] = [];
    await scenario(async (child) => {
      const watch = peers[0]!;
      child.proc.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      await waitFor(() => watch.closes.length > 0, 'close seen by the client');
      closes = watch.closes;
    });
    expect(closes[0]).toBe(CLOSE.goingAway);
  });

  it('kill -9 keeps every relayed update', async () => {
    await scenario(async (child) => {
      child.proc.kill('SIGKILL');
      await child.exited;
    });
  });
});
