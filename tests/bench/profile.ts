// Profiles our server under one fixed load and prints where its CPU goes:
//   tsx bench/profile.ts [--scenario=typing|awareness|join|connect] [--rate=3200] [--seconds=5] [--clients=50] [--typists=<clients>]
// It starts ours with `node --cpu-prof`, drives it from this process (core 1),
// stops it gracefully so V8 writes the profile, and sums self and total time per function.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { measureTyping, round, sleep } from './load/drive.ts';
import { openRoom, userOf } from './load/room.ts';
import { LatencyTracker } from './load/tracker.ts';
import { hasTaskset, PEERS, startServer } from './servers/index.ts';
import { BenchClient } from './load/client.ts';
import { buildDocument } from './load/typist.ts';
import { FRAGMENT, openMeeting } from './load/room.ts';

const arg = (name: string, dflt: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const scenario = arg('scenario', 'typing');
const rate = Number(arg('rate', '3200'));
const seconds = Number(arg('seconds', '5'));
const clients = Number(arg('clients', '50'));
const typists = Number(arg('typists', String(clients)));

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

if (hasTaskset) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
// an unminified build: self time per function and line, not per minified line
process.env.SERVER_MINIFY = '0';
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
const server = await startServer(PEERS.find((p) => p.kind === 'ours')!, { profileDir: dir });
const target = { kind: 'ours' as const, http: server.http, ws: server.ws };
if (scenario === 'typing') {
  const tracker = new LatencyTracker();
  const room = await openRoom(target, { clients, typists, tracker });
  const w = await measureTyping(room, tracker, server.pid, { rate, ms: seconds * 1000, drainMs: 3000, warmupMs: 300 });
  console.log(
    `typing ${rate}/s in a ${clients}-client room: p50 ${round(w.latency.p50, 1)} ms, p99 ${round(w.latency.p99, 1)} ms, drops ${w.drops}, server CPU ${round(w.serverCpu, 0)} %, sent ${round(w.achievedRate, 0)}/s`,
  );
  await room.close();
} else if (scenario === 'awareness') {
  const room = await openRoom(target, { clients, typists: 0 });
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    for (const [i, m] of room.members.entries())
      m.client.sendAwareness(JSON.stringify({ user: userOf(m.seat, i), cursor: { anchor: n, head: n } }));
    n++;
    await sleep(50);
  }
  console.log(`awareness: ${clients} clients at 20 Hz for ${seconds} s`);
  await room.close();
} else if (scenario === 'connect') {
  // every client of a meeting connecting and syncing at once (seats made beforehand)
  const room = await openRoom(target, { clients, typists: 0, batch: clients });
  console.log(`connect: ${clients} clients connected and synced in ${round(room.connectMs ?? NaN, 0)} ms`);
  await room.close();
} else {
  const m = await openMeeting(target, 60);
  const seeder = new BenchClient(
    { kind: 'ours', base: target.ws, room: m.meeting.meetingId, token: m.seats[0]!.token, trackStep2: false },
    1,
  );
  await seeder.synced;
  for (const c of buildDocument(FRAGMENT, 1_000_000)) seeder.sendUpdate(c);
  await sleep(1000);
  const joins = m.seats.slice(1).map(async (s, i) => {
    await sleep(i * 20);
    const c = new BenchClient({ kind: 'ours', base: target.ws, room: m.meeting.meetingId, token: s.token, trackStep2: false }, 1000 + i);
    await c.synced;
    await c.close();
  });
  await Promise.all(joins);
  console.log('join: 59 joins of a 1 MB document, 20 ms apart');
  await seeder.close();
}
await server.stop();

// one profile per thread (tsx's loader runs in a worker): the main thread's is the largest
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
if (file === undefined) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
const label = (n: Node): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules\/\.pnpm\/[^/]+\/node_modules\/)?/, '')}:${n.callFrame.lineNumber + 1}`;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const n = byId.get(id)!;
  if (n.callFrame.functionName === '(idle)') return;
  all += dt;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
});
const top = (m: Map<string, number>, k: number): string[] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([l, t]) => `${((100 * t) / all).toFixed(1).padStart(5)} %  ${l}`);
console.log(
  `\nbusy time ${round(all / 1e6, 2)} s; profile ${join(dir, file)}\n\nself time:\n${top(self, 25).join('\n')}\n\ntotal time (inclusive):\n${top(total, 40).join('\n')}`,
);
