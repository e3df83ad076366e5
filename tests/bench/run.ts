// Benchmark runner: starts each server fresh for each scenario (core 0), drives
// it from a separate load-generator process (core 1), prints one table per
// scenario and writes docs/benchmarks.md. It measures; it never fails on a time.
//   tsx bench/run.ts [--quick] [--only=fanout,ceiling] [--servers=ours,relay] [--profile=<dir>] [--out=<file>]
//   tsx bench/run.ts --from=<raw.json> --out=<file>   re-renders the last run's raw figures
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadReply, LoadRequest } from './load/main.ts';
import { machine } from './proc.ts';
import { scenarioTable, targetTable, type Results } from './report.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { PEERS, hasTaskset, repoRoot, spawnNode, startServer } from './servers/index.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const only = opt('only')?.split(',');
const wanted = opt('servers')?.split(',');
const profileDir = opt('profile');
const outFile = opt('out') ?? (quick || only || wanted ? null : join(repoRoot, 'docs/benchmarks.md'));

const oursReady = existsSync(join(repoRoot, 'server/src/main.ts'));
let peers = PEERS.filter((p) => (p.kind !== 'ours' || oursReady) && (!wanted || wanted.includes(p.kind)));
const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.id));

// the runner shares the load generator's core
if (hasTaskset) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });

function startLoad(): Promise<ChildProcess> {
  const child = spawnNode(1, ['--import', 'tsx', 'bench/load/main.ts'], { cwd: join(repoRoot, 'tests'), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`load generator exited (${code})`)));
  });
}

function ask(load: ChildProcess, req: LoadRequest, timeoutMs: number): Promise<LoadReply> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { load.off('message', onMessage); resolve({ ok: false, error: `no answer within ${timeoutMs / 1000} s` }); }, timeoutMs);
    const onMessage = (r: LoadReply): void => { clearTimeout(timer); resolve(r); };
    load.once('message', onMessage);
    load.send(req);
  });
}

interface Raw { m: ReturnType<typeof machine>; started: string; seconds: string; busy: string; quick: boolean; rev?: string; results: [string, [string, LoadReply][]][] }
const RAW_FILE = join(tmpdir(), 'consent-bench-last.json');

function render(raw: Raw): void {
  const results: Results = new Map(raw.results.map(([s, byKind]) => [s, new Map(byKind)]));
  const ran = new Set(raw.results.flatMap(([, byKind]) => byKind.map(([kind]) => kind)));
  peers = peers.filter((p) => ran.has(p.kind));
  const targets = targetTable(results);
  console.log(`### Targets\n\n${targets}\n\n${raw.busy}`);
  if (outFile !== null) {
    writeFileSync(outFile, document(raw.m, new Date(raw.started), raw.seconds, results, targets, raw.busy, raw.quick, raw.rev ?? 'an unknown commit'));
    console.log(`written to ${outFile}`);
  }
}

async function main(): Promise<void> {
  const from = opt('from');
  if (from !== undefined) { render(JSON.parse(readFileSync(from, 'utf8')) as Raw); return; }
  const m = machine();
  const started = new Date();
  const load0 = loadAverage();
  console.log(`Consent Board benchmark${quick ? ' (quick)' : ''}: ${m.cpuModel}, ${m.cores} cores, Node ${m.node}; servers ${hasTaskset ? 'pinned to core 0, load to core 1' : 'not pinned (no taskset)'}`);
  if (!oursReady) console.log('server/src/main.ts is missing: running the peers only');
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const results: Results = new Map();
  let load = await startLoad();
  for (const s of scenarios) {
    const byKind = new Map<string, LoadReply>();
    results.set(s.id, byKind);
    for (const p of peers) {
      const t0 = performance.now();
      let reply: LoadReply;
      if (s.only && !s.only.kinds.includes(p.kind)) {
        byKind.set(p.kind, { ok: true, metrics: [{ key: '*', value: null, note: s.only.na(p.kind) }], unexpectedCloses: 0 });
        continue;
      }
      try {
        const server = await startServer(p, { profileDir: p.kind === 'ours' ? profileDir : undefined });
        reply = await ask(load, { scenario: s.id, target: { kind: p.kind, http: server.http, ws: server.ws }, pid: server.pid, quick }, quick ? 60_000 : 600_000);
        const exited = server.exitInfo();
        if (!reply.ok && exited !== null) reply = { ok: false, error: `${exited}; ${reply.error}` };
        await server.stop();
      } catch (err) {
        reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      if (!reply.ok) {
        // a stuck scenario leaves sockets behind: start a clean load generator
        load.kill('SIGKILL');
        load = await startLoad();
      }
      byKind.set(p.kind, reply);
      console.log(`  ${s.id} · ${p.label}: ${reply.ok ? 'done' : `failed: ${reply.error.split('\n')[0]}`} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    console.log(`\n${scenarioTable(s, peers, results)}\n`);
  }
  load.kill();
  const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0);
  const busy = `Load average (1 min) before the run ${load0}, after it ${loadAverage()}: ${Math.max(load0, loadAverage()) > 2.5 ? 'other work shared the two cores, so figures are noisier than usual' : 'the machine was otherwise quiet'}.`;
  const raw: Raw = { m, started: started.toISOString(), seconds, busy, quick, rev: revision(), results: [...results].map(([s, byKind]) => [s, [...byKind]]) };
  writeFileSync(RAW_FILE, JSON.stringify(raw));
  render(raw);
  console.log(`raw figures in ${RAW_FILE}`);
  console.log(`finished in ${seconds} s`);
}

/** The commit measured, and whether server/ or shared/ differed from it. */
function revision(): string {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD');
  if (head === '') return 'an unknown commit';
  return `commit ${head}${git('status', '--porcelain', '--', 'server', 'shared') ? ' (with uncommitted changes in server/ or shared/)' : ''}`;
}

const loadAverage = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

function document(m: ReturnType<typeof machine>, at: Date, seconds: string, results: Results, targets: string, busy: string, quick: boolean, rev: string): string {
  return [
    '# Benchmarks',
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC at ${rev} on ${m.cpuModel}, ${m.cores} cores, Node ${m.node}` +
      `${quick ? ' (a `--quick` run)' : ''}, in ${seconds} s. ${hasTaskset ? 'Each server pinned to core 0, the load generator to core 1 (`taskset`).' : 'Not pinned: `taskset` was missing.'} ${busy}`,
    '',
    'Run it with `pnpm bench` (about 10 minutes, rewrites this file) or `pnpm bench:quick` (under 90 s, smaller figures, printed only);',
    '`cd tests && npx tsx bench/run.ts --only=ceiling,join --servers=ours,hocuspocus` runs a part and prints it.',
    'How it works, what each server is and how to read the tables: see "Method" at the end.',
    '↓ lower is better, ↑ higher is better; a ratio is ours divided by the peer. "n/a" names why a figure cannot exist.',
    '',
    '## Targets',
    '',
    targets,
    '',
    '## Results',
    '',
    ...SCENARIOS.filter((s) => results.has(s.id)).flatMap((s) => [scenarioTable(s, peers, results), '']),
    METHOD,
  ].join('\n');
}

const METHOD = `## Method

- **Servers.** Each scenario starts every server afresh as its own process, \`node --import tsx <entry>\` (tsx is what \`npm start\` uses), with \`NODE_ENV=production\`:
  - **ours**: \`server/src/main.ts\` with \`PORT=0\`, a fresh temporary \`DATA_DIR\` and every other setting at its default — rights checks, SQLite persistence and the rate limit all on.
  - **Hocuspocus 4.7** (\`@hocuspocus/server\` with \`@hocuspocus/extension-sqlite\` on a temporary file), defaults otherwise: broadcasts merged per event-loop turn (\`flushDelay: 0\`), storage debounced 2 s (at most 10 s). It declares Node 22 and runs on Node 20.
  - **y-websocket-server 0.1.5**: \`@y/websocket-server\`'s \`setupWSConnection\`, no persistence. It asks for the yjs 14 prerelease; the workspace \`overrides\` pin it to yjs 13.6.33 and \`@y/protocols\` 1.0.6-1, and it runs correctly so (every scenario syncs and delivers). Its sockets come from the tests' \`ws\` 8.23 (the package's own \`server.js\` prints port 0 instead of the bound port).
  - **raw ws relay**: \`ws\` 8.23 forwarding each frame, as it arrives, to the other sockets of its room; no Yjs, no document — the machine's ceiling for message-by-message fan-out.
- **Load.** A separate process of real Yjs clients: y-protocols sync and awareness written with lib0 directly over \`ws\` (Hocuspocus frames carry its document-name prefix and an auth frame). Every keystroke is a real \`Y.Doc\` edit — one character appended to the typist's own paragraph (an \`XmlText\` in a \`proposal/<item>\` \`XmlFragment\`, as the editor writes it), 18–22 bytes — recorded before the measured window. On ours each room is a meeting created through \`POST /api/meetings\`, every client a participant joined through \`POST /api/meetings/:id/join\` with its own token, awareness carrying that participant's \`user\`, and the facilitator first adds the agenda item the proposal belongs to.
- **Latency** is from sending an update to the moment the last other client of the room has it. Receivers read the (client, clock) ranges of every update they get (servers that merge updates are read correctly), so nothing is embedded in the content. Echoes to the sender are ignored. **Drops** are updates some receiver still lacked 2–3 s after the window closed. **Server CPU** is utime+stime from \`/proc/<pid>/stat\` over the window, **RSS** is \`VmRSS\` from \`/proc/<pid>/status\`.
- **Ceiling** runs 50 clients, all typing, at 200, 400, 800, 1,600, 3,200, 4,800, 6,400, 9,600, 12,800, 16,000, 19,200, 25,600, 32,000, 38,400, 51,200 updates/s, each step 3 s (0.7 s in \`--quick\`, coarser steps) after a short warm-up, and reports the highest step with p99 ≤ 50 ms and no drop. A failing step is tried up to three times. The ramp stops at a step that still fails, and the table says why: the server (p99 or drops), the load generator not reaching the rate, or the machine's hold-up (load generator stall plus server run-queue wait) over 25 ms and long enough to account for the excess over 50 ms (then the step says nothing about the server: its limit lies at or above it, shown as "≥"). Server CPU at 1,600 and 3,200 updates/s is always measured: it compares the servers' cost per update even when latency is spoiled.
- **The machine's hold-up**: rows "load generator stall" give the longest hold-up of the load generator's event loop in the window (\`monitorEventLoopDelay\`); rows "server waited for its core" give the time the server's main thread was runnable but not running, less the CPU its own other threads (GC, I/O) used meanwhile (\`/proc/<pid>/task/*/schedstat\`): other processes' work on its core. A latency over a target by no more than their sum cannot be told from the machine's doing: the target then reads "not established".
- **Many rooms**: RSS per room is the growth of server RSS after opening the rooms over a one-room baseline, divided by the rooms (RSS, not V8 heap: it includes sockets, buffers and allocator slack). **Awareness**: frames the server sent, counted at the clients; the exponent is log(out₂/out₁)/log(n₂/n₁). **Join**: from opening the socket to receiving sync step 2 (the whole document); documents are proposals of paragraphs with a little editing history, seeded in updates of at most 256 kB. **Durability**: ours with \`?ack=1\`; each \`MESSAGE.ack\` carries the running count of the connection's writes now durable; an update's figure runs from its send to the first ack that covers it.
- The machine is shared and has two cores, so figures move between runs by about one ramp step; compare columns of the same run, not runs.
- **Profiling ours**: \`cd tests && npx tsx bench/profile.ts --scenario=typing|awareness|join [--rate=6400] [--seconds=5] [--clients=50]\` runs the server with \`node --cpu-prof\` under one fixed load and prints self and inclusive time per function; \`tsx bench/run.ts --profile=<dir> --servers=ours\` keeps the profiles of a whole run.
`;

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
